package org.barcodeanomaly.gateway.routing;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.barcodeanomaly.api.contract.ContractAnalysis;
import org.barcodeanomaly.api.contract.ContractRequest;
import org.barcodeanomaly.api.contract.ContractResponse;
import org.barcodeanomaly.api.contract.FileBatch;
import org.barcodeanomaly.api.detector.ExplainingDetector;
import org.barcodeanomaly.api.detector.StreamingDetector;
import org.barcodeanomaly.api.explain.Explanation;
import org.barcodeanomaly.gateway.detector.DetectorLease;
import org.barcodeanomaly.gateway.detector.DetectorRegistry;
import org.barcodeanomaly.gateway.detector.DetectorStatus;
import org.barcodeanomaly.gateway.log.RateLimitedLog;
import org.barcodeanomaly.gateway.metrics.GatewayMetrics;
import org.barcodeanomaly.gateway.routing.AttemptFailure.Kind;

/**
 * Runs one detector on one request off the event loop, on a worker pool of that detector's own
 * (a slow detector cannot starve the others), within a time budget: past it, the returned
 * future fails with {@link Kind#TIMEOUT} at once, and the work is abandoned: skipped if it has
 * not started, interrupted if it has (a thread that does not come back is replaced, and a
 * detector that loses more threads than it has is quarantined). A circuit breaker per detector
 * version ({@link CircuitBreaker}) makes requests fail at once ({@link Kind#CIRCUIT_OPEN}) after
 * five failures or timeouts in a row, so they fall back without waiting out the budget. A failing
 * detector's stack trace is logged once a minute, not per request. The detector is leased for the
 * duration of the work, so a hot swap never closes it under a request.
 *
 * <p>Two kinds of work: a contract request scored file by file ({@link #score}), or the events
 * of a request scored as arrivals against a streaming detector's per-EPC buffers
 * ({@link #scoreArrivals}), or the reported events of a request explained ({@link #explain}). Streaming work past its budget has still updated the buffers if it
 * had started.
 */
public final class ScoringExecutor implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(ScoringExecutor.class.getName());
  /** How long an interrupted call may take to return before its thread is counted lost. */
  static final long STUCK_AFTER_MS = 1_000;

  private final Vertx vertx;
  private final DetectorRegistry registry;
  private final GatewayMetrics metrics;
  private final int threadsPerDetector;
  private final ConcurrentMap<String, DetectorLane> lanes = new ConcurrentHashMap<>();
  private final RateLimitedLog failureLog = new RateLimitedLog(LOG);

  /** Scores with detectors of {@code registry}, {@code threadsPerDetector} requests at once per detector. */
  public ScoringExecutor(Vertx vertx, DetectorRegistry registry, GatewayMetrics metrics, int threadsPerDetector) {
    this.vertx = vertx;
    this.registry = registry;
    this.metrics = metrics;
    this.threadsPerDetector = threadsPerDetector;
  }

  /**
   * Answers {@code request} with detector {@code id}.
   *
   * @param note why this detector answers in place of another, or {@code null} when it was the
   *     one asked for
   * @return the answer, or a future failed with an {@link AttemptFailure}
   */
  public Future<Scored> score(String id, ContractRequest request, long budgetMs, FallbackNote note) {
    return run(id, budgetMs, lease -> {
      String version = lease.detector().version();
      String method = note == null ? version : FallbackNote.method(lease.origin().provider());
      String warning = note == null ? null : note.warning(id, version);
      return scored(id, lease, ContractAnalysis.analyze(request, lease.detector(), method, warning));
    });
  }

  /**
   * Explains the reported events of {@code request} with detector {@code id}, file by file, within
   * {@code budgetMs}. No fallback: an explanation is of one detector's verdicts.
   *
   * @return the explanations, or a future failed with {@link UnknownDetectorException} when no
   *     detector of that id is known, with {@link NotExplainingException} when the detector serving
   *     it cannot explain, or with an {@link AttemptFailure}
   */
  public Future<Explained> explain(String id, ContractRequest request, long budgetMs) {
    if (registry.status(id).isEmpty()) {
      return Future.failedFuture(new UnknownDetectorException(id, registry.streamingIds()));
    }
    return run(id, budgetMs, lease -> {
      if (!(lease.detector() instanceof ExplainingDetector explaining)) {
        throw new NotExplainingException(id);
      }
      List<Explained.InFile> explanations = new ArrayList<>();
      for (FileBatch file : request.files()) {
        for (Explanation explanation : explaining.explain(file.events())) {
          explanations.add(new Explained.InFile(file.fileId(), explanation));
        }
      }
      metrics.explained(id, request.events().size(), explanations.size());
      return new Explained(id, explaining.version(), explanations);
    });
  }

  /**
   * Scores the events of {@code request} as arrivals with streaming detector {@code id}: each
   * against its EPC's buffer, which it then joins. No fallback: the buffers live in that detector.
   * After each answer, the detector's count of buffered EPCs is recorded on its
   * {@link DetectorLease}, for the metrics gauge to read without calling into the detector.
   *
   * @return the answer, or a future failed with {@link UnknownDetectorException} when no detector
   *     of that id is known, with {@link NotStreamingException} when the detector serving does not
   *     stream (also when a hot swap put it there after this call), or with an {@link AttemptFailure}
   */
  public Future<Scored> scoreArrivals(String id, ContractRequest request, long budgetMs) {
    if (registry.status(id).isEmpty()) {
      return Future.failedFuture(new UnknownDetectorException(id, registry.streamingIds()));
    }
    if (registry.isServing(id) && !registry.isStreaming(id)) {
      return Future.failedFuture(new NotStreamingException(id, registry.streamingIds()));
    }
    return run(id, budgetMs, lease -> {
      if (!(lease.detector() instanceof StreamingDetector streaming)) {
        throw new NotStreamingException(id, registry.streamingIds());
      }
      ContractResponse response = ContractAnalysis.analyzeArrivals(request, streaming, streaming.version());
      lease.recordBufferedEpcs(streaming.bufferedEpcs());
      return scored(id, lease, response);
    });
  }

  private Scored scored(String id, DetectorLease lease, ContractResponse response) {
    metrics.scored(id, response);
    return new Scored(id, lease.detector().version(), response);
  }

  private <T> Future<T> run(String id, long budgetMs, Function<DetectorLease, T> work) {
    if (!registry.isServing(id)) {
      return Future.failedFuture(missing(id));
    }
    DetectorLane lane = lane(id);
    String refusal = lane.breaker().refusal();
    if (refusal != null) {
      return Future.failedFuture(new AttemptFailure(Kind.CIRCUIT_OPEN, id, "detector '" + id
          + "' was not asked: " + refusal));
    }
    Context context = vertx.getOrCreateContext();
    Promise<T> result = Promise.promise();
    Attempt attempt = new Attempt();
    java.util.concurrent.Future<?> task;
    try {
      task = lane.submit(() -> attempt.run(() -> {
        try {
          T scored = analyze(id, work);
          context.runOnContext(v -> {
            if (result.tryComplete(scored)) {
              lane.breaker().succeeded();
            }
          });
        } catch (Throwable failure) {
          metrics.failure(failure);
          RuntimeException cause = failureOf(id, failure, attempt.abandoned());
          context.runOnContext(v -> {
            if (result.tryFail(cause) && !(cause instanceof NotStreamingException)
                && !(cause instanceof NotExplainingException)) {
              lane.breaker().failed();
            }
          });
        }
      }));
    } catch (RejectedExecutionException e) {
      // Counted as a failure: a trial let through a half-open breaker must not stay "in flight".
      lane.breaker().failed();
      return Future.failedFuture(new AttemptFailure(Kind.BUSY, id, "detector '" + id + "' has "
          + DetectorLane.QUEUE_LIMIT + " requests waiting for it already"));
    }
    long timer = vertx.setTimer(budgetMs, fired -> {
      if (result.tryFail(new AttemptFailure(Kind.TIMEOUT, id,
          "detector '" + id + "' did not answer within its time budget of " + budgetMs + " ms"))) {
        lane.breaker().failed();
        abandon(id, lane, attempt, task);
      }
    });
    result.future().onComplete(done -> vertx.cancelTimer(timer));
    return result.future();
  }

  /**
   * Gives up a call past its budget: a queued one is dropped, a running one interrupted (the
   * contract analysis stops between files; a detector may stop sooner). A thread still busy after
   * {@link #STUCK_AFTER_MS} is counted lost and replaced; too many lost quarantine the detector.
   */
  private void abandon(String id, DetectorLane lane, Attempt attempt, java.util.concurrent.Future<?> task) {
    attempt.abandon();
    task.cancel(true);
    lane.drop(task);
    vertx.setTimer(STUCK_AFTER_MS, fired -> {
      if (attempt.markLostIfRunning(lane::threadBack)) {
        String quarantine = lane.lostThread();
        LOG.warning(() -> "event=detector_thread_lost detector=" + id + " lost=" + lane.lost()
            + " hint=\"a call past its time budget ignored the interrupt; a new thread took its place\"");
        if (quarantine != null) {
          lane.breaker().quarantine(quarantine);
          LOG.severe(() -> "event=detector_quarantined detector=" + id + " reason=\"" + quarantine + "\"");
        }
      }
    });
  }

  /** The lane of the version of {@code id} serving now; a new version gets a new lane. */
  private DetectorLane lane(String id) {
    Object generation = registry.origin(id).orElse(null);
    return lanes.compute(id, (key, lane) -> {
      if (lane != null && lane.generation() == generation) {
        return lane;
      }
      if (lane != null) {
        lane.retire();
      }
      return new DetectorLane(id, generation, threadsPerDetector);
    });
  }

  /**
   * Runs {@code work} under a lease, with the plugin's class loader as the context class loader
   * until the lease is closed: closing the last lease of a retired detector closes the detector,
   * and its plugin's libraries may look classes up through that loader as they shut down.
   */
  private <T> T analyze(String id, Function<DetectorLease, T> work) {
    DetectorLease lease = registry.lease(id).orElseThrow(() -> missing(id));
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(lease.classLoader());
    try (lease) {
      return work.apply(lease);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  private AttemptFailure missing(String id) {
    DetectorStatus status = registry.status(id).orElse(null);
    String reason;
    if (status == null) {
      reason = "no plugin provides it";
    } else if (status.lastFailure() == null) {
      reason = "it is still loading";
    } else {
      reason = status.lastFailure();
    }
    return new AttemptFailure(Kind.MISSING, id, "detector '" + id + "' is not available (" + reason + ")");
  }

  /**
   * What a request that {@code cause} ended fails with: a client error found under the lease
   * ({@link NotStreamingException}) as it is, to be answered as a client error; anything else as
   * the detector's {@link AttemptFailure}, logged with its trace when the detector threw.
   */
  private RuntimeException failureOf(String id, Throwable cause, boolean abandoned) {
    if (cause instanceof NotStreamingException notStreaming) {
      return notStreaming;
    }
    if (cause instanceof NotExplainingException notExplaining) {
      return notExplaining;
    }
    if (!(cause instanceof AttemptFailure) && !abandoned) {
      failureLog.log(Level.WARNING, id + '\u0000' + cause.getClass().getName(),
          "event=detector_failed detector=" + id, cause);
    }
    return AttemptFailure.of(id, cause);
  }

  /** Retires the worker pools: they take no more work, and their threads end once idle. */
  @Override
  public void close() {
    lanes.values().forEach(DetectorLane::retire);
    lanes.clear();
  }

  /**
   * One call's progress, shared by the worker that runs it and the timer that may abandon it: a
   * call abandoned before it starts does not run, and a worker that is still inside an
   * abandoned call when checked is lost until it returns.
   */
  private static final class Attempt {
    private boolean abandoned;
    private boolean running;
    private Runnable onReturn;

    void run(Runnable call) {
      synchronized (this) {
        if (abandoned) {
          return;
        }
        running = true;
      }
      try {
        call.run();
      } finally {
        Runnable back;
        synchronized (this) {
          running = false;
          back = onReturn;
        }
        if (back != null) {
          back.run();
        }
      }
    }

    synchronized void abandon() {
      abandoned = true;
    }

    synchronized boolean abandoned() {
      return abandoned;
    }

    /** If still running, runs {@code back} when the call returns at last; whether it was running. */
    synchronized boolean markLostIfRunning(Runnable back) {
      if (running) {
        onReturn = back;
      }
      return running;
    }
  }
}
