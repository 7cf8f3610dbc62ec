package org.barcodeanomaly.svm.train;

import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.event.ScanEvent;

/**
 * Events with their ground truth: for each anomaly type, the set of event indices labelled
 * anomalous. Training and evaluation read labels only from here, and labels only ever come from
 * the data's own truth (the simulator's {@code labels.csv}), never from a detector's output.
 */
public final class LabelledEvents {

  private final List<ScanEvent> events;
  private final BitSet[] labels;

  /**
   * Events and one label set per type, in {@link AnomalyType} order.
   *
   * @throws IllegalArgumentException when there are not five label sets or one reaches past the events
   */
  public LabelledEvents(List<ScanEvent> events, BitSet[] labels) {
    this.events = List.copyOf(events);
    if (labels.length != AnomalyType.COUNT) {
      throw new IllegalArgumentException("expected " + AnomalyType.COUNT + " label sets, got "
          + labels.length);
    }
    this.labels = new BitSet[AnomalyType.COUNT];
    for (int t = 0; t < labels.length; t++) {
      Objects.requireNonNull(labels[t], "labels of " + AnomalyType.ofIndex(t).contractName());
      if (labels[t].length() > events.size()) {
        throw new IllegalArgumentException(AnomalyType.ofIndex(t).contractName()
            + " labels event " + (labels[t].length() - 1) + " of only " + events.size());
      }
      this.labels[t] = (BitSet) labels[t].clone();
    }
  }

  /** The events, in input order. */
  public List<ScanEvent> events() {
    return events;
  }

  /** Number of events. */
  public int size() {
    return events.size();
  }

  /** Whether event {@code index} is labelled anomalous for {@code type}. */
  public boolean anomalous(int index, AnomalyType type) {
    return labels[type.ordinal()].get(index);
  }

  /** Whether event {@code index} carries any label. */
  public boolean anyLabel(int index) {
    for (BitSet set : labels) {
      if (set.get(index)) {
        return true;
      }
    }
    return false;
  }

  /** Number of events labelled anomalous for {@code type}. */
  public int count(AnomalyType type) {
    return labels[type.ordinal()].cardinality();
  }
}
