package org.barcodeanomaly.gateway.routing;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.barcodeanomaly.api.contract.ContractAnalysis;
import org.barcodeanomaly.api.contract.ContractRequest;
import org.barcodeanomaly.api.contract.ContractResponse;
import org.barcodeanomaly.gateway.detector.DetectorLease;
import org.barcodeanomaly.gateway.detector.DetectorOrigin;
import org.barcodeanomaly.gateway.detector.DetectorRegistry;
import org.barcodeanomaly.gateway.detector.DetectorStatus;
import org.barcodeanomaly.gateway.metrics.GatewayMetrics;
import org.barcodeanomaly.gateway.routing.AttemptFailure.Kind;

/**
 * Runs one detector on one request off the event loop, on a worker pool of that detector's own
 * (a slow detector cannot starve the others), within a time budget: past it, the returned
 * future fails with {@link Kind#TIMEOUT} at once, and the work, if it has not started yet, is
 * skipped. The detector is leased for the duration of the work, so a hot swap never closes it
 * under a request.
 */
public final class ScoringExecutor implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(ScoringExecutor.class.getName());

  private final Vertx vertx;
  private final DetectorRegistry registry;
  private final GatewayMetrics metrics;
  private final int threadsPerDetector;
  private final ConcurrentMap<String, WorkerExecutor> pools = new ConcurrentHashMap<>();

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
    if (!registry.isServing(id)) {
      return Future.failedFuture(missing(id));
    }
    Promise<Scored> result = Promise.promise();
    long timer = vertx.setTimer(budgetMs, fired -> result.tryFail(new AttemptFailure(Kind.TIMEOUT, id,
        "detector '" + id + "' did not answer within its time budget of " + budgetMs + " ms")));
    pool(id).<Scored>executeBlocking(() -> result.future().isComplete() ? null : analyze(id, request, note), false)
        .onComplete(done -> {
          vertx.cancelTimer(timer);
          if (done.succeeded()) {
            if (done.result() != null) {
              result.tryComplete(done.result());
            }
          } else {
            result.tryFail(asAttemptFailure(id, done.cause()));
          }
        });
    return result.future();
  }

  private Scored analyze(String id, ContractRequest request, FallbackNote note) {
    try (DetectorLease lease = registry.lease(id).orElseThrow(() -> missing(id))) {
      Thread thread = Thread.currentThread();
      ClassLoader previous = thread.getContextClassLoader();
      thread.setContextClassLoader(lease.classLoader());
      try {
        String version = lease.detector().version();
        DetectorOrigin origin = lease.origin();
        String method = note == null ? version : FallbackNote.method(origin.provider());
        String warning = note == null ? null : note.warning(id, version);
        ContractResponse response = ContractAnalysis.analyze(request, lease.detector(), method, warning);
        metrics.scored(id, response);
        return new Scored(id, version, response);
      } finally {
        thread.setContextClassLoader(previous);
      }
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

  private static AttemptFailure asAttemptFailure(String id, Throwable cause) {
    if (!(cause instanceof AttemptFailure)) {
      LOG.log(Level.WARNING, "event=detector_failed detector=" + id, cause);
    }
    return AttemptFailure.of(id, cause);
  }

  private WorkerExecutor pool(String id) {
    return pools.computeIfAbsent(id, key -> vertx.createSharedWorkerExecutor("detector-" + key, threadsPerDetector));
  }

  /** Closes the worker pools. */
  @Override
  public void close() {
    pools.values().forEach(WorkerExecutor::close);
    pools.clear();
  }
}
