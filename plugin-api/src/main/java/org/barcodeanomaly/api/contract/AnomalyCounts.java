package org.barcodeanomaly.api.contract;

import java.util.Arrays;
import java.util.List;
import org.barcodeanomaly.api.event.AnomalyType;

/**
 * How many anomaly reports a file or an EPC received, per type: the numbers of the contract's
 * {@code fileAnomalyStats} and {@code epcAnomalyStats}. {@link #total()} is the contract's
 * {@code totalEvents}: the number of reports (an event reported for two types counts twice), not
 * of events, because first-generation clients rely on that meaning. Immutable.
 */
public final class AnomalyCounts {

  /**
   * The order in which the contract lists the types in its stats objects (and in which the
   * response lists an event's flags): jump, evtOrderErr, epcFake, epcDup, locErr.
   */
  public static final List<AnomalyType> CONTRACT_ORDER = List.of(AnomalyType.JUMP,
      AnomalyType.EVT_ORDER_ERR, AnomalyType.EPC_FAKE, AnomalyType.EPC_DUP, AnomalyType.LOC_ERR);

  /** No report at all. */
  public static final AnomalyCounts ZERO = new AnomalyCounts(new int[AnomalyType.COUNT]);

  private final int[] counts;

  private AnomalyCounts(int[] counts) {
    this.counts = counts;
  }

  /** Counts taken from an array indexed by {@link AnomalyType#ordinal()} (copied). */
  static AnomalyCounts of(int[] byOrdinal) {
    return new AnomalyCounts(byOrdinal.clone());
  }

  /** Number of reports of {@code type}. */
  public int get(AnomalyType type) {
    return counts[type.ordinal()];
  }

  /** Number of reports of all types together: the contract's {@code totalEvents}. */
  public int total() {
    int total = 0;
    for (int count : counts) {
      total += count;
    }
    return total;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AnomalyCounts that && Arrays.equals(counts, that.counts);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(counts);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("{");
    for (AnomalyType type : CONTRACT_ORDER) {
      text.append(text.length() > 1 ? ", " : "").append(type.contractName()).append('=').append(get(type));
    }
    return text.append('}').toString();
  }
}
