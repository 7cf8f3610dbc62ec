package org.barcodeanomaly.api.detector;

import java.util.List;
import org.barcodeanomaly.api.event.ScanEvent;
import org.barcodeanomaly.api.explain.Explanation;

/**
 * A detector that can say why it reported an event: an analyst who gets an alert must see the
 * evidence before acting on it.
 *
 * <p>Optional, as {@link StreamingDetector}: callers check with {@code instanceof}. What is
 * guaranteed, for the batch {@code events} as {@link #score} would score it:
 * <ul>
 *   <li>one {@link Explanation} per event reported for at least one type (score at or above the
 *       threshold), in batch order, and none for any other event;</li>
 *   <li>in it, one {@link org.barcodeanomaly.api.explain.TypeEvidence} per reported type, whose
 *       score is the score {@link #score} gives;</li>
 *   <li>the evidence's events all belong to the explained event's EPC and to the batch, and include
 *       the explained event itself;</li>
 *   <li>the same batch gets the same explanations every time.</li>
 * </ul>
 *
 * <p>Explaining costs more than scoring (a learned detector runs its model again per reported event),
 * so hosts bound the events per call; the work grows with the reported events, not with the batch.
 * Thread-safe, as every detector.
 */
public interface ExplainingDetector extends Detector {

  /**
   * Explains every reported event of {@code events}.
   *
   * @param events one file's events, as {@link #score} takes them
   * @return one explanation per reported event, in batch order; empty when nothing is reported
   */
  List<Explanation> explain(List<ScanEvent> events);
}
