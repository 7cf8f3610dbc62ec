package org.barcodeanomaly.gateway.routing;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;
import org.barcodeanomaly.api.contract.ContractRequest;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.gateway.config.RouteConfig;
import org.barcodeanomaly.gateway.detector.DetectorRegistry;
import org.barcodeanomaly.gateway.detector.DetectorState;
import org.barcodeanomaly.gateway.detector.DetectorStatus;
import org.barcodeanomaly.gateway.metrics.GatewayMetrics;

/**
 * Chooses which detector answers a request of a route: one of the route's serving targets,
 * drawn by weight (canary); when it is missing, fails, runs past its share of the time budget or
 * has its circuit breaker open, the route's fallback chain in order, all within one time budget
 * per request ({@link #share}), the answer then carrying {@code method} {@code <provider>-based-fallback}
 * and a {@code warning}. With a shadow configured, the shadow detector scores the same request
 * after the answer, without delaying or changing it, and its agreement is counted in metrics.
 */
public final class DetectorRouter {

  private static final Logger LOG = Logger.getLogger(DetectorRouter.class.getName());

  private final Map<String, RouteConfig> routes;
  private final DetectorRegistry registry;
  private final ScoringExecutor scoring;
  private final GatewayMetrics metrics;

  /** A router over {@code routes}. */
  public DetectorRouter(Map<String, RouteConfig> routes, DetectorRegistry registry,
      ScoringExecutor scoring, GatewayMetrics metrics) {
    this.routes = Collections.unmodifiableMap(new LinkedHashMap<>(routes));
    this.registry = registry;
    this.scoring = scoring;
    this.metrics = metrics;
  }

  /** The routes, by name, in configuration order. */
  public Map<String, RouteConfig> routes() {
    return routes;
  }

  /**
   * Answers {@code request} on route {@code name}.
   *
   * @return the answer, or a future failed with {@link RouteUnavailableException} when no
   *     detector of the route could answer
   * @throws IllegalArgumentException when there is no such route
   */
  public Future<Scored> answer(String name, ContractRequest request) {
    RouteConfig route = routes.get(name);
    if (route == null) {
      throw new IllegalArgumentException("no route '" + name + "'; routes: " + routes.keySet());
    }
    String drawn = choose(route.getTargets(), registry::isServing, ThreadLocalRandom.current());
    String chosen = drawn == null ? heaviest(route) : drawn;
    long deadline = System.nanoTime() + route.getTimeBudgetMs() * 1_000_000L;
    return scoring.score(chosen, request, share(route, deadline, route.getFallback().size()), null)
        .onSuccess(answer -> shadow(route, request, answer))
        .recover(failure -> {
          AttemptFailure cause = AttemptFailure.of(chosen, failure);
          return fallback(route, request, cause, 0, cause.getMessage(), deadline);
        });
  }

  /**
   * The time an attempt of a request may take, out of one budget for the whole request (the
   * route's {@code timeBudgetMs}, counted until {@code deadline}), so that a request ends within
   * its budget however many detectors it falls back to (it took budget x (1 + fallbacks) when each
   * attempt had the whole budget): an attempt with {@code fallbacksLeft} detectors after it leaves
   * a quarter of the budget to each of them, but takes at least half of what remains.
   */
  static long share(RouteConfig route, long deadline, int fallbacksLeft) {
    long remaining = Math.max(1, (deadline - System.nanoTime()) / 1_000_000L);
    if (fallbacksLeft == 0) {
      return remaining;
    }
    long reserve = Math.min(remaining / 2, fallbacksLeft * (route.getTimeBudgetMs() / 4));
    return Math.max(1, remaining - reserve);
  }

  /** The largest time budget of any route: for requests that belong to no route. */
  public long longestTimeBudgetMs() {
    return routes.values().stream().mapToLong(RouteConfig::getTimeBudgetMs).max()
        .orElse(RouteConfig.DEFAULT_TIME_BUDGET_MS);
  }

  /**
   * Scores the events of {@code request} as arrivals with streaming detector {@code detectorId},
   * within {@link #longestTimeBudgetMs()}. No routing: no weights, no fallback, no shadow, since
   * the per-EPC buffers live in that one detector and another could not answer with them.
   *
   * @return the answer, or a failed future: {@link UnknownDetectorException} when no detector of
   *     that id is known, {@link NotStreamingException} when the detector does not stream,
   *     {@link AttemptFailure} when it is loading or failed to load, fails or runs out of time
   */
  public Future<Scored> stream(String detectorId, ContractRequest request) {
    return scoring.scoreArrivals(detectorId, request, longestTimeBudgetMs());
  }

  /**
   * Explains the reported events of {@code request} with detector {@code detectorId}, within
   * {@link #longestTimeBudgetMs()}. No routing: an explanation is of one detector's verdicts.
   *
   * @return see {@link ScoringExecutor#explain}
   */
  public Future<Explained> explain(String detectorId, ContractRequest request) {
    return scoring.explain(detectorId, request, longestTimeBudgetMs());
  }

  /**
   * Answers {@code request} with every serving detector, each within {@code budgetMs}.
   *
   * @return the answers side by side with their agreement; never a failed future
   */
  public Future<Comparison> compare(ContractRequest request, long budgetMs) {
    List<String> ids = new ArrayList<>();
    List<Future<Scored>> answers = new ArrayList<>();
    for (DetectorStatus status : registry.statuses()) {
      if (status.state() == DetectorState.SERVING) {
        ids.add(status.id());
        answers.add(scoring.score(status.id(), request, budgetMs, null));
      }
    }
    return Future.join(answers).transform(ignored -> {
      List<Scored> scored = new ArrayList<>();
      Map<String, String> failures = new TreeMap<>();
      for (int i = 0; i < answers.size(); i++) {
        Future<Scored> answer = answers.get(i);
        if (answer.succeeded()) {
          scored.add(answer.result());
        } else {
          failures.put(ids.get(i), answer.cause().getMessage());
        }
      }
      return Future.succeededFuture(new Comparison(scored, failures, Agreement.of(scored)));
    });
  }

  /**
   * One of {@code targets} that is {@code eligible}, drawn with probability proportional to its
   * weight; {@code null} when none with a weight above 0 is eligible.
   */
  static String choose(Map<String, Integer> targets, Predicate<String> eligible, RandomGenerator random) {
    int total = 0;
    for (Map.Entry<String, Integer> target : targets.entrySet()) {
      if (target.getValue() > 0 && eligible.test(target.getKey())) {
        total += target.getValue();
      }
    }
    if (total == 0) {
      return null;
    }
    int roll = random.nextInt(total);
    for (Map.Entry<String, Integer> target : targets.entrySet()) {
      if (target.getValue() > 0 && eligible.test(target.getKey())) {
        roll -= target.getValue();
        if (roll < 0) {
          return target.getKey();
        }
      }
    }
    throw new IllegalStateException("a detector became ineligible while drawing; draw again");
  }

  private static String heaviest(RouteConfig route) {
    return route.getTargets().entrySet().stream().max(Map.Entry.comparingByValue())
        .orElseThrow().getKey();
  }

  private Future<Scored> fallback(RouteConfig route, ContractRequest request, AttemptFailure cause,
      int index, String tried, long deadline) {
    List<String> chain = route.getFallback();
    if (index >= chain.size()) {
      String ending = chain.isEmpty() ? "; route '" + route.getName() + "' has no fallback configured"
          : "";
      return Future.failedFuture(new RouteUnavailableException(tried + ending));
    }
    String id = chain.get(index);
    if (deadline - System.nanoTime() <= 0) {
      return Future.failedFuture(new RouteUnavailableException(tried + "; the route's time budget of "
          + route.getTimeBudgetMs() + " ms ran out before fallback '" + id + "' could be asked"));
    }
    long budget = share(route, deadline, chain.size() - index - 1);
    return scoring.score(id, request, budget, new FallbackNote(cause.getMessage()))
        .onSuccess(answer -> metrics.fallback(route.getName(), cause.detectorId(), id, cause.kind().label()))
        .recover(next -> fallback(route, request, cause, index + 1,
            tried + "; fallback " + next.getMessage(), deadline));
  }

  private void shadow(RouteConfig route, ContractRequest request, Scored answer) {
    String shadow = route.getShadow();
    if (shadow == null || shadow.equals(answer.detectorId()) || !registry.isServing(shadow)) {
      return;
    }
    scoring.score(shadow, request, route.getTimeBudgetMs(), null)
        .onSuccess(candidate -> {
          Agreement agreement = Agreement.of(List.of(answer, candidate));
          for (AnomalyType type : AnomalyType.values()) {
            metrics.shadow(route.getName(), shadow, type, agreement.agreeing(type), agreement.disagreeing(type));
          }
        })
        .onFailure(failure -> LOG.info(() -> "event=shadow_failed route=" + route.getName()
            + " shadow=" + shadow + " reason=\"" + failure.getMessage() + "\""));
  }
}
