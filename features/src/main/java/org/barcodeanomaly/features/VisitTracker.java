package org.barcodeanomaly.features;

import java.util.Arrays;
import org.barcodeanomaly.api.event.EventType;

/**
 * Walks one trail in order and answers the questions that need its history: which visit of a
 * location an event belongs to, what came before it (inbounds, a sale, the highest journey
 * rank), and how spread out its locations and hours are so far.
 *
 * <p>A visit is a run of consecutive events at one location. Reused trail after trail
 * ({@link #reset()}); its arrays grow to the longest trail seen, so the usual trail costs no
 * allocation.
 */
final class VisitTracker {

  private static final int HOURS = 24;
  /** Pseudo-count of the entropy shrinkage n / (n + k): a two-event trail is not yet "spread". */
  private static final double ENTROPY_PRIOR = 2.0;

  private int visitLocation;
  private boolean inVisit;
  private int inboundsInVisit;
  private boolean visitHadInbound;
  private int maxRank;
  private boolean saleSeen;

  private int[] locationIds = new int[16];
  private int[] locationCounts = new int[16];
  private int distinctLocations;
  private double locationCLogC;
  private final int[] hourCounts = new int[HOURS];
  private double hourCLogC;
  private int seen;

  /** Forgets the previous trail. */
  void reset() {
    inVisit = false;
    inboundsInVisit = 0;
    visitHadInbound = false;
    maxRank = -1;
    saleSeen = false;
    distinctLocations = 0;
    locationCLogC = 0;
    Arrays.fill(hourCounts, 0);
    hourCLogC = 0;
    seen = 0;
  }

  /** Whether the trail already had an event at {@code locationId}. */
  boolean visited(int locationId) {
    return indexOf(locationId) >= 0;
  }

  /**
   * Records the next event of the trail and writes the history features of its row.
   *
   * @param type  the event's type, or {@code null} when unknown
   * @param hour  hour of day 0..23
   */
  void observe(int locationId, EventType type, int hour, FeatureMatrix out, int row) {
    int rank = type == null ? -1 : type.journeyRank();
    out.set(row, Feature.RANK_REGRESS, type != null && rank < maxRank ? 1 : 0);
    out.set(row, Feature.AFTER_SALE, saleSeen ? 1 : 0);
    enterVisit(locationId);
    EventType.Direction direction = type == null ? EventType.Direction.NONE : type.direction();
    out.set(row, Feature.REPEATED_INBOUND,
        direction == EventType.Direction.INBOUND ? inboundsInVisit : 0);
    out.set(row, Feature.OUTBOUND_WITHOUT_INBOUND,
        direction == EventType.Direction.OUTBOUND && !visitHadInbound ? 1 : 0);
    if (direction == EventType.Direction.INBOUND) {
      inboundsInVisit++;
      visitHadInbound = true;
    }
    maxRank = Math.max(maxRank, rank);
    saleSeen |= type == EventType.POS_SELL;
    seen++;
    countLocation(locationId);
    hourCLogC += cLogCIncrement(hourCounts[hour]++);
    out.set(row, Feature.LOCATION_ENTROPY, shrunkEntropy(locationCLogC));
    out.set(row, Feature.HOUR_ENTROPY, shrunkEntropy(hourCLogC));
  }

  private void enterVisit(int locationId) {
    if (!inVisit || locationId != visitLocation) {
      inVisit = true;
      visitLocation = locationId;
      inboundsInVisit = 0;
      visitHadInbound = false;
    }
  }

  private void countLocation(int locationId) {
    int index = indexOf(locationId);
    if (index < 0) {
      if (distinctLocations == locationIds.length) {
        locationIds = Arrays.copyOf(locationIds, distinctLocations * 2);
        locationCounts = Arrays.copyOf(locationCounts, distinctLocations * 2);
      }
      index = distinctLocations++;
      locationIds[index] = locationId;
      locationCounts[index] = 0;
    }
    locationCLogC += cLogCIncrement(locationCounts[index]++);
  }

  private int indexOf(int locationId) {
    for (int k = 0; k < distinctLocations; k++) {
      if (locationIds[k] == locationId) {
        return k;
      }
    }
    return -1;
  }

  /** Entropy H = ln n − (Σ c ln c) / n over the {@code seen} events, shrunk towards 0. */
  private double shrunkEntropy(double cLogC) {
    double entropy = Math.log(seen) - cLogC / seen;
    return Math.max(0, entropy) * seen / (seen + ENTROPY_PRIOR);
  }

  /** Change of c·ln c when a count goes from {@code c} to c + 1. */
  private static double cLogCIncrement(int c) {
    return (c + 1) * Math.log(c + 1) - (c == 0 ? 0 : c * Math.log(c));
  }
}
