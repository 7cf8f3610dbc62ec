package org.barcodeanomaly.gateway.plugin;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.logging.Logger;
import org.barcodeanomaly.gateway.detector.ServingDetector;

/**
 * The record of plugin load outcomes: each detector put in service and each failure is logged,
 * reported to the {@link PluginLoadListener} (metrics) and noted in the operation's
 * {@link ChangeLog}; the most recent failures are kept, newest first, for the detector list.
 */
final class LoadLog {

  private static final Logger LOG = Logger.getLogger(PluginManager.class.getName());
  private static final int KEPT_FAILURES = 50;

  private final PluginLoadListener listener;
  private final Deque<LoadFailure> failures = new ArrayDeque<>();
  private volatile List<LoadFailure> recent = List.of();

  LoadLog(PluginLoadListener listener) {
    this.listener = listener;
  }

  /**
   * Notes that {@code detector} was put in service, with the buffered EPCs it carried over from
   * the streaming detector it replaced ({@code carriedEpcs}, logged for a detector that streams).
   */
  void inService(ServingDetector detector, int carriedEpcs, ChangeLog change) {
    String id = detector.origin().id();
    change.installed.add(id);
    listener.loaded(id);
    LOG.info(() -> "event=detector_in_service detector=" + id + " version=" + detector.version()
        + " jar=" + detector.origin().jar().getFileName() + " selfTestMs=" + detector.origin().selfTestMillis()
        + (detector.streams() ? " carriedEpcs=" + carriedEpcs : ""));
  }

  /** Notes that {@code subject} (a jar file name or a detector id) failed at {@code stage}. */
  void failed(ChangeLog change, String subject, LoadStage stage, String reason) {
    LoadFailure failure = new LoadFailure(subject, stage, reason, Instant.now());
    LOG.warning(() -> "event=plugin_load_failed subject=" + subject + " stage=" + stage.label()
        + " reason=\"" + reason + "\"");
    synchronized (failures) {
      failures.addFirst(failure);
      while (failures.size() > KEPT_FAILURES) {
        failures.removeLast();
      }
      recent = List.copyOf(failures);
    }
    change.failures.add(failure);
    listener.failed(subject, stage);
  }

  /** The most recent failures, newest first; safe to call from any thread. */
  List<LoadFailure> recent() {
    return recent;
  }
}
