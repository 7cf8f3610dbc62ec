package org.barcodeanomaly.rule.trail;

import java.util.Arrays;
import org.barcodeanomaly.api.event.EventType;
import org.barcodeanomaly.api.network.Location;
import org.barcodeanomaly.api.network.LocationNetwork;

/**
 * Pairs each event of a trail with its departure by journey rank: the event at another location
 * with the highest {@link EventType#journeyRank()} below its own.
 *
 * <p>Two sweeps over the time-ordered line find the best partner before and the best partner
 * after each event (nearest in time among equal ranks); the higher rank wins and a tie goes to
 * the partner before. So a back-dated arrival is paired with the departure that follows it in
 * time, while an arrival whose rank also occurs later in the trail (a backward move re-entering
 * an earlier tier) keeps the departure that precedes it.
 *
 * <p>Only <em>consistent</em> events take part: a known type belonging to the business step, at
 * a known location of the type's tier. An event whose vocabulary contradicts its location has no
 * trustworthy rank; the other rules flag it. Reuses its buffers; not thread-safe.
 */
final class DeparturePairing {

  static final int NONE = -1;
  private static final int RANKS = EventType.values().length;

  private final ScanColumns columns;
  private final LocationNetwork network;
  private final int[] nearestOfRank = new int[RANKS];
  private final int[] nearestElsewhereOfRank = new int[RANKS];
  private int[] before = new int[16];
  private int[] after = new int[16];

  DeparturePairing(ScanColumns columns, LocationNetwork network) {
    this.columns = columns;
    this.network = network;
  }

  /**
   * Fills {@code departures[p]} with the line position of the departure of {@code line[p]}, or
   * {@link #NONE}.
   */
  void pair(int[] line, int size, int[] departures) {
    if (before.length < size) {
      before = new int[Math.max(size, before.length * 2)];
      after = new int[before.length];
    }
    sweep(line, 0, size, 1, before);
    sweep(line, size - 1, -1, -1, after);
    for (int p = 0; p < size; p++) {
      boolean later = after[p] != NONE
          && (before[p] == NONE || rank(line[after[p]]) > rank(line[before[p]]));
      departures[p] = later ? after[p] : before[p];
    }
  }

  /** Visits positions {@code from}, {@code from + step}, ... until {@code end}, pairing each with what was seen. */
  private void sweep(int[] line, int from, int end, int step, int[] partners) {
    Arrays.fill(nearestOfRank, NONE);
    Arrays.fill(nearestElsewhereOfRank, NONE);
    for (int p = from; p != end; p += step) {
      boolean consistent = consistent(line[p]);
      partners[p] = consistent ? partner(line, p) : NONE;
      if (consistent) {
        remember(line, p);
      }
    }
  }

  private void remember(int[] line, int p) {
    int rank = rank(line[p]);
    int nearest = nearestOfRank[rank];
    if (nearest != NONE && columns.location(line[nearest]) != columns.location(line[p])) {
      nearestElsewhereOfRank[rank] = nearest;
    }
    nearestOfRank[rank] = p;
  }

  private int partner(int[] line, int p) {
    int location = columns.location(line[p]);
    for (int rank = rank(line[p]) - 1; rank >= 0; rank--) {
      int candidate = nearestOfRank[rank];
      if (candidate != NONE && columns.location(line[candidate]) == location) {
        candidate = nearestElsewhereOfRank[rank];
      }
      if (candidate != NONE) {
        return candidate;
      }
    }
    return NONE;
  }

  private int rank(int event) {
    return columns.type(event).journeyRank();
  }

  /** Whether type, step and location tier of an event agree, so its journey rank can be trusted. */
  private boolean consistent(int event) {
    EventType type = columns.type(event);
    if (type == null || type.step() != columns.step(event)) {
      return false;
    }
    Location location = network.location(columns.location(event));
    return location != null && location.tier() == type.tier();
  }
}
