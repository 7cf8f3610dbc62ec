package org.barcodeanomaly.features;

import java.util.Arrays;
import org.barcodeanomaly.api.event.ScanEvent;

/**
 * The events of one trail that share an epoch second: which other locations saw the EPC in that
 * second (a clone), and which events are repeated reads of an earlier one (same location, same
 * event_type: a reader reading twice, not fraud).
 *
 * <p>Reused group after group. Groups are small (one or two events almost always), so the
 * pairwise comparison is the fast path; its cost is bounded by {@link #MAX_PAIRWISE} so that a
 * pathological group of thousands of reads stays linear.
 */
final class SameSecondGroup {

  /** Members compared with every other; later members of a larger group are compared with these only. */
  static final int MAX_PAIRWISE = 64;

  private int from;
  private int size;
  private int[] otherLocations = new int[8];
  private int[] repeats = new int[8];
  private int[] firstRead = new int[8];
  private boolean[] firstAtLocation = new boolean[8];

  /** Analyses trail-order positions {@code [from, to)}, all of one second. */
  void analyse(Trails trails, int from, int to) {
    this.from = from;
    this.size = to - from;
    if (otherLocations.length < size) {
      otherLocations = new int[size];
      repeats = new int[size];
      firstRead = new int[size];
      firstAtLocation = new boolean[size];
    }
    Arrays.fill(otherLocations, 0, size, 0);
    Arrays.fill(repeats, 0, size, 0);
    Arrays.fill(firstRead, 0, size, -1);
    int compared = Math.min(size, MAX_PAIRWISE);
    markFirstAtLocation(trails, compared);
    for (int a = 0; a < size; a++) {
      ScanEvent event = trails.eventAt(from + a);
      for (int b = 0; b < compared; b++) {
        if (b != a) {
          compare(a, event, b, trails.eventAt(from + b));
        }
      }
    }
  }

  private void markFirstAtLocation(Trails trails, int compared) {
    for (int b = 0; b < compared; b++) {
      int location = trails.eventAt(from + b).locationId();
      boolean first = true;
      for (int c = 0; c < b && first; c++) {
        first = trails.eventAt(from + c).locationId() != location;
      }
      firstAtLocation[b] = first;
    }
  }

  private void compare(int a, ScanEvent event, int b, ScanEvent other) {
    if (other.locationId() != event.locationId()) {
      if (firstAtLocation[b]) {
        otherLocations[a]++;
      }
    } else if (other.eventType().equals(event.eventType())) {
      repeats[a]++;
      if (b < a && firstRead[a] < 0) {
        firstRead[a] = from + b;
      }
    }
  }

  /** Number of distinct other locations in the group, for the event at {@code position}. */
  int otherLocations(int position) {
    return otherLocations[position - from];
  }

  /** Number of other reads at the same location and type, for the event at {@code position}. */
  int repeats(int position) {
    return repeats[position - from];
  }

  /** Position of the earlier read this event repeats, or −1 when it is the first read. */
  int firstRead(int position) {
    return firstRead[position - from];
  }
}
