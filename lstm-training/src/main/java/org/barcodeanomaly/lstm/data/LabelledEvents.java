package org.barcodeanomaly.lstm.data;

import java.util.List;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.event.ScanEvent;

/**
 * Scan events with their ground truth: for event {@code i}, {@code labels[i * 5 + type.ordinal()]}
 * is 1 when the simulator injected that anomaly type there, else 0.
 *
 * @param events    events in file order
 * @param labels    {@code events.size() × 5} zeros and ones
 * @param dataHash  SHA-256 of the files read, hex; names the data in the model's provenance
 */
public record LabelledEvents(List<ScanEvent> events, float[] labels, String dataHash) {

  /** Checks that every event has five labels. */
  public LabelledEvents {
    events = List.copyOf(events);
    if (labels.length != events.size() * AnomalyType.COUNT) {
      throw new IllegalArgumentException(labels.length + " labels for " + events.size()
          + " events; expected " + AnomalyType.COUNT + " per event");
    }
  }

  /** Whether event {@code index} is labelled {@code type}. */
  public boolean is(int index, AnomalyType type) {
    return labels[index * AnomalyType.COUNT + type.ordinal()] > 0.5f;
  }
}
