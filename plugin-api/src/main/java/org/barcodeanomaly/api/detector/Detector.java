package org.barcodeanomaly.api.detector;

import java.util.List;
import org.barcodeanomaly.api.event.ScanEvent;

/**
 * Scores scan events for the five anomaly types. The one interface the rule, SVM and LSTM
 * detectors implement, so the gateway and the launcher treat them alike.
 *
 * <p>A detector sees a whole batch at once (one file of a request, or one scan file): it groups
 * events by EPC itself, so cross-event types (dup, order, jump) can be judged. Implementations
 * must be thread-safe: the gateway calls {@link #score} from several threads at once.
 */
public interface Detector extends AutoCloseable {

  /** Short name used on endpoints and in configuration: {@code rule}, {@code svm}, {@code lstm}. */
  String name();

  /** Version of the detector and its model, e.g. {@code rule-1.0} or {@code svm-2026.11.25}. */
  String version();

  /**
   * Scores every event of {@code events}, for all five types.
   *
   * @param events one file's events, in the order the caller received them
   * @return a table with one row per event, in the same order
   */
  ScoreTable score(List<ScanEvent> events);

  /** The reporting threshold per type: scores at or above it are reported as anomalies. */
  Thresholds thresholds();

  /** Releases models and native resources; the detector must not be used afterwards. */
  @Override
  default void close() {
  }
}
