package org.barcodeanomaly.gateway.detector;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.barcodeanomaly.api.detector.StreamingDetector;
import org.barcodeanomaly.api.event.ScanEvent;

/**
 * Hands the buffered trails of a streaming detector being replaced under its id to the instance
 * replacing it ({@link StreamingDetector#bufferedTrails()} into
 * {@link StreamingDetector#adoptTrails}), so a hot swap of the jar or model keeps the history of
 * the EPCs in transit instead of turning each into a cold start.
 *
 * <p>Each call into a plugin runs with that plugin's class loader as the context class loader, as
 * scoring does. A failure never stops the swap: it is logged and the new instance serves with
 * what it adopted before the failure, at worst empty buffers.
 */
final class TrailHandover {

  private static final Logger LOG = Logger.getLogger(TrailHandover.class.getName());

  private TrailHandover() {
  }

  /**
   * Carries {@code outgoing}'s buffered trails to {@code incoming}, which does not serve yet, and
   * records the EPCs it then buffers as its count for metrics.
   *
   * @param outgoing the detector serving the id now, or {@code null} when none does
   * @return the EPCs handed over; 0 when either side does not stream or the handover failed
   */
  static int carry(ServingDetector outgoing, ServingDetector incoming) {
    if (outgoing == null || !outgoing.streams() || !incoming.streams()) {
      return 0;
    }
    try (DetectorLease from = outgoing.tryAcquire(); DetectorLease to = incoming.tryAcquire()) {
      if (from == null || to == null) {
        return 0;
      }
      Map<String, List<ScanEvent>> trails = inPlugin(from, StreamingDetector::bufferedTrails);
      inPlugin(to, detector -> {
        detector.adoptTrails(trails);
        return trails;
      });
      to.recordBufferedEpcs(inPlugin(to, StreamingDetector::bufferedEpcs));
      return trails.size();
    } catch (RuntimeException | LinkageError e) {
      LOG.log(Level.WARNING, "event=stream_handover_failed detector=" + incoming.origin().id()
          + " reason=\"" + e.getMessage() + "\": the new instance serves without the buffered trails"
          + " of the one it replaces; the next event of those EPCs is a cold start", e);
      return 0;
    }
  }

  private static <T> T inPlugin(DetectorLease lease, Function<StreamingDetector, T> call) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(lease.classLoader());
    try {
      return call.apply((StreamingDetector) lease.detector());
    } finally {
      thread.setContextClassLoader(previous);
    }
  }
}
