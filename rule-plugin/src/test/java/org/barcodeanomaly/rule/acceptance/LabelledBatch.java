package org.barcodeanomaly.rule.acceptance;

import java.util.List;
import java.util.Set;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.event.ScanEvent;

/**
 * Generated events with their ground truth.
 *
 * @param events     the events, in the (shuffled) order a detector receives them
 * @param labels     per event, the anomaly types injected on it
 * @param anomalyFree per event, whether its trail received no anomaly (noise only)
 */
public record LabelledBatch(List<ScanEvent> events, List<Set<AnomalyType>> labels, boolean[] anomalyFree) {

  /** Number of events. */
  public int size() {
    return events.size();
  }
}
