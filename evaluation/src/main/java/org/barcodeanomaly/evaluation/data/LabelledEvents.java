package org.barcodeanomaly.evaluation.data;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.event.ScanEvent;

/**
 * Events with their ground truth: for each event, which anomaly types it is labelled with.
 * Training and evaluation of every detector read labels only from here, and labels only ever come
 * from the data's own truth (the simulator's {@code labels.csv}, or the reference generator),
 * never from a detector's output. Immutable.
 *
 * <p>Held as one byte per event, bit {@link AnomalyType#ordinal()} set when labelled, so a million
 * events cost a megabyte beside the events themselves.
 */
public final class LabelledEvents {

  private final List<ScanEvent> events;
  private final byte[] bits;

  /**
   * Events and their label bits, one byte per event.
   *
   * @throws IllegalArgumentException when there is not one byte per event, or a byte sets a bit
   *     beyond the five types
   */
  public LabelledEvents(List<ScanEvent> events, byte[] bits) {
    this.events = List.copyOf(events);
    if (bits.length != events.size()) {
      throw new IllegalArgumentException(bits.length + " label bytes for " + events.size()
          + " events; expected one per event");
    }
    for (int i = 0; i < bits.length; i++) {
      if ((bits[i] & ~((1 << AnomalyType.COUNT) - 1)) != 0) {
        throw new IllegalArgumentException("label byte of event " + i + " is " + bits[i]
            + "; only the low " + AnomalyType.COUNT + " bits name types");
      }
    }
    this.bits = bits.clone();
  }

  /**
   * Events and one label set per type (in {@link AnomalyType} order).
   *
   * @throws IllegalArgumentException when there are not five sets or one reaches past the events
   */
  public static LabelledEvents fromSets(List<ScanEvent> events, BitSet[] labels) {
    if (labels.length != AnomalyType.COUNT) {
      throw new IllegalArgumentException("expected " + AnomalyType.COUNT + " label sets, got "
          + labels.length);
    }
    byte[] bits = new byte[events.size()];
    for (int t = 0; t < labels.length; t++) {
      Objects.requireNonNull(labels[t], "labels of " + AnomalyType.ofIndex(t).contractName());
      if (labels[t].length() > events.size()) {
        throw new IllegalArgumentException(AnomalyType.ofIndex(t).contractName()
            + " labels event " + (labels[t].length() - 1) + " of only " + events.size());
      }
      for (int i = labels[t].nextSetBit(0); i >= 0; i = labels[t].nextSetBit(i + 1)) {
        bits[i] |= (byte) (1 << t);
      }
    }
    return new LabelledEvents(events, bits);
  }

  /** The same events with no label at all. */
  public static LabelledEvents unlabelled(List<ScanEvent> events) {
    return new LabelledEvents(events, new byte[events.size()]);
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
    return (bits[index] & (1 << type.ordinal())) != 0;
  }

  /** Whether event {@code index} carries any label. */
  public boolean anyLabel(int index) {
    return bits[index] != 0;
  }

  /** The label bits of event {@code index}: bit {@link AnomalyType#ordinal()} set when labelled. */
  public int labelBits(int index) {
    return bits[index];
  }

  /** Writes event {@code index}'s five labels as 0/1 floats into {@code into} from {@code offset}. */
  public void copyLabels(int index, float[] into, int offset) {
    for (int t = 0; t < AnomalyType.COUNT; t++) {
      into[offset + t] = (bits[index] >> t & 1) == 1 ? 1f : 0f;
    }
  }

  /** Number of events labelled anomalous for {@code type}. */
  public int count(AnomalyType type) {
    int count = 0;
    for (byte b : bits) {
      count += b >> type.ordinal() & 1;
    }
    return count;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LabelledEvents that && events.equals(that.events) && Arrays.equals(bits, that.bits);
  }

  @Override
  public int hashCode() {
    return events.hashCode() * 31 + Arrays.hashCode(bits);
  }
}
