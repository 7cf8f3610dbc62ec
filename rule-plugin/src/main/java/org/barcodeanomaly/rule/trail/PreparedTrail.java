package org.barcodeanomaly.rule.trail;

import java.util.Arrays;
import org.barcodeanomaly.api.event.EventType;
import org.barcodeanomaly.api.network.FastestTrips;
import org.barcodeanomaly.api.network.LocationNetwork;
import org.barcodeanomaly.api.network.Route;
import org.barcodeanomaly.features.Trails;

/**
 * One EPC's trail, prepared once for all rules: its events in time order, which of them are
 * exact re-reads, and its <em>main line</em>, the sequence the move and order rules walk.
 *
 * <p>The main line is the time order with three corrections, so that one anomaly does not make
 * the other rules misfire on its neighbours:
 * <ul>
 *   <li>an exact re-read (same location, event type and second) is one event: only its first read
 *       is on the line;</li>
 *   <li>in a same-second group at several locations (a clone, the dup rule's business) only the
 *       events at the main location stay on the line: the next event's location, else the
 *       previous one's, else one a known route links to either, else the first member's;</li>
 *   <li>a back-dated arrival, an inbound whose departure is timestamped after it, sorts before
 *       that departure in time but is placed right after it, where the journey puts it; the jump
 *       rule scores the time running backwards. Its departure is paired by journey rank, not by
 *       neighbours in time order (see {@link DeparturePairing}).</li>
 * </ul>
 *
 * <p>Moves are then read along the main line ({@link #moveOrigin}).
 *
 * <p>One instance is reused for every trail of a batch, so preparing a trail allocates nothing
 * once its buffers have grown to the longest trail. Not thread-safe: one per scoring call.
 */
public final class PreparedTrail {

  /** How far back, within one second, a read is compared with earlier reads. */
  private static final int RE_READ_WINDOW = 64;
  private static final int NONE = DeparturePairing.NONE;
  /** Slots per line position for placing back-dated arrivals: more than the journey ranks. */
  private static final int PLACEMENT_SLOTS = 16;

  private final ScanColumns columns;
  private final LocationNetwork network;
  private final FastestTrips travelTimes;
  private final double pairSkewHours;
  private int detourCount;
  private int[] detours = new int[4];
  private int[] detourOrigins = new int[4];
  private int size;
  private int[] events = new int[16];
  private int[] firstRead = new int[16];
  private int lineSize;
  private int[] line = new int[16];
  private int[] origins = new int[16];
  private int[] scratch = new int[16];
  private boolean[] backdated = new boolean[16];
  private final DeparturePairing pairing;

  /**
   * An empty trail over the events of {@code columns}; {@link #load} fills it.
   *
   * @param pairSkewHours how far two readers' clocks may disagree: a read at another site is a
   *     detour only when it came sooner than any trip allows by more than that
   */
  public PreparedTrail(ScanColumns columns, LocationNetwork network, FastestTrips travelTimes,
      double pairSkewHours) {
    this.columns = columns;
    this.network = network;
    this.travelTimes = travelTimes;
    this.pairSkewHours = pairSkewHours;
    this.pairing = new DeparturePairing(columns, network);
  }

  /** Prepares trail {@code trail} of {@code trails}. */
  public void load(Trails trails, int trail) {
    int start = trails.start(trail);
    size = trails.end(trail) - start;
    ensureCapacity(size);
    for (int k = 0; k < size; k++) {
      events[k] = trails.eventIndex(start + k);
    }
    markReReads();
    buildLine();
    takeOffDetours();
    pairing.pair(line, lineSize, scratch);
    placeBackdatedArrivals();
    fillMoveOrigins();
  }

  /** Number of detours taken off the main line. */
  public int detourCount() {
    return detourCount;
  }

  /** Event index of detour {@code d}: a read at another site too soon after {@link #detourOrigin}. */
  public int detour(int d) {
    return detours[d];
  }

  /** Event index of the read detour {@code d} came too soon after. */
  public int detourOrigin(int d) {
    return detourOrigins[d];
  }

  /** The columns of the batch this trail belongs to. */
  public ScanColumns columns() {
    return columns;
  }

  /** Number of events of the EPC, re-reads included. */
  public int size() {
    return size;
  }

  /** Event index of the {@code k}-th event in time order. */
  public int event(int k) {
    return events[k];
  }

  /** Whether the {@code k}-th event repeats an earlier read (same location, type and second). */
  public boolean isReRead(int k) {
    return firstRead[k] != k;
  }

  /** Event index of the first read that the {@code k}-th event repeats (itself if none). */
  public int firstReadOf(int k) {
    return events[firstRead[k]];
  }

  /** Number of events on the main line. */
  public int lineSize() {
    return lineSize;
  }

  /** Event index at position {@code p} of the main line. */
  public int lineEvent(int p) {
    return line[p];
  }

  /**
   * Event index where the move into the main-line event at {@code p} starts: the nearest earlier
   * main-line event at a known location, when the event at {@code p} is at another known
   * location; {@code -1} when the event is no move (same location, unknown location, first).
   */
  public int moveOrigin(int p) {
    return origins[p];
  }

  private void ensureCapacity(int capacity) {
    if (events.length < capacity) {
      int grown = Math.max(capacity, events.length * 2);
      events = new int[grown];
      firstRead = new int[grown];
      line = new int[grown];
      origins = new int[grown];
      scratch = new int[grown];
      backdated = new boolean[grown];
    }
  }

  private void markReReads() {
    for (int k = 0; k < size; k++) {
      firstRead[k] = k;
      int limit = Math.max(0, k - RE_READ_WINDOW);
      for (int j = k - 1; j >= limit && columns.second(events[j]) == columns.second(events[k]); j--) {
        if (firstRead[j] == j && columns.sameRead(events[j], events[k])) {
          firstRead[k] = j;
          break;
        }
      }
    }
  }

  private void buildLine() {
    lineSize = 0;
    int k = 0;
    while (k < size) {
      int runEnd = k + 1;
      while (runEnd < size && columns.second(events[runEnd]) == columns.second(events[k])) {
        runEnd++;
      }
      int mainLocation = spansLocations(k, runEnd) ? mainLocation(k, runEnd) : columns.location(events[k]);
      for (int j = k; j < runEnd; j++) {
        if (isReRead(j)) {
          continue;
        }
        if (columns.location(events[j]) == mainLocation) {
          line[lineSize++] = events[j];
        }
      }
      k = runEnd;
    }
  }

  private boolean spansLocations(int from, int to) {
    int location = columns.location(events[from]);
    for (int j = from + 1; j < to; j++) {
      if (columns.location(events[j]) != location) {
        return true;
      }
    }
    return false;
  }

  /**
   * The location of a same-second group that continues the trail: the next event's, else the
   * previous one's, else one a known route links to the previous or to the next event, else the
   * first member's.
   */
  private int mainLocation(int from, int to) {
    int next = to < size ? columns.location(events[to]) : Integer.MIN_VALUE;
    int previous = lineSize > 0 ? columns.location(line[lineSize - 1]) : Integer.MIN_VALUE;
    if (holdsLocation(from, to, next)) {
      return next;
    }
    if (holdsLocation(from, to, previous)) {
      return previous;
    }
    for (int j = from; j < to; j++) {
      int location = columns.location(events[j]);
      if (knownRoute(previous, location) || knownRoute(location, next)) {
        return location;
      }
    }
    return columns.location(events[from]);
  }

  private boolean knownRoute(int from, int to) {
    Route route = network.route(from, to);
    return route != null && route.kind() == Route.Kind.KNOWN;
  }

  private boolean holdsLocation(int from, int to, int location) {
    for (int j = from; j < to; j++) {
      if (columns.location(events[j]) == location) {
        return true;
      }
    }
    return false;
  }

  /**
   * Moves each back-dated arrival right after its departure (paired positions in
   * {@code scratch}). Arrivals that move are sorted by the position of the event they follow, so
   * this stays O(n log n) however many there are.
   */
  private void placeBackdatedArrivals() {
    int moving = 0;
    for (int p = 0; p < lineSize; p++) {
      EventType type = columns.type(line[p]);
      backdated[p] = type != null && type.direction() == EventType.Direction.INBOUND
          && scratch[p] != NONE && columns.second(line[scratch[p]]) > columns.second(line[p]);
      moving += backdated[p] ? 1 : 0;
    }
    if (moving == 0) {
      return;
    }
    int[] originalLine = Arrays.copyOf(line, lineSize);
    long[] moved = new long[moving];
    int m = 0;
    for (int p = 0; p < lineSize && m < moving; p++) {
      if (backdated[p]) {
        moved[m++] = (placementKey(p) << 32) | p;
      }
    }
    Arrays.sort(moved);
    int size = lineSize;
    lineSize = 0;
    int next = 0;
    for (int p = 0; p < size; p++) {
      if (backdated[p]) {
        continue;
      }
      line[lineSize++] = originalLine[p];
      while (next < moved.length && (moved[next] >>> 32) < (long) (p + 1) * PLACEMENT_SLOTS) {
        line[lineSize++] = originalLine[(int) moved[next++]];
      }
    }
  }

  /**
   * Where a back-dated arrival goes: after the first event of its departure chain that is not
   * itself back-dated, then by chain depth. Ranks fall along a chain, so the depth stays below
   * {@value #PLACEMENT_SLOTS}.
   */
  private long placementKey(int p) {
    int anchor = p;
    int depth = 0;
    while (backdated[anchor]) {
      anchor = scratch[anchor];
      depth++;
    }
    return (long) anchor * PLACEMENT_SLOTS + depth;
  }

  private void takeOffDetours() {
    detourCount = 0;
    int kept = 0;
    for (int p = 0; p < lineSize; p++) {
      int event = line[p];
      int previous = kept > 0 ? line[kept - 1] : NONE;
      int next = p + 1 < lineSize ? line[p + 1] : NONE;
      if (previous != NONE && isDetour(previous, event, next)) {
        if (detourCount == detours.length) {
          detours = Arrays.copyOf(detours, detourCount * 2);
          detourOrigins = Arrays.copyOf(detourOrigins, detourCount * 2);
        }
        detours[detourCount] = event;
        detourOrigins[detourCount] = previous;
        detourCount++;
        continue;
      }
      line[kept++] = event;
    }
    lineSize = kept;
  }

  /**
   * Whether {@code event}, in time order, is a read at a site the trail shows nowhere else, sooner
   * after {@code previous} than any trip allows, after which the trail goes on from
   * {@code previous}'s site or along a route from it ({@code next} is there). A site the trail
   * comes back to is part of its journey (a back-dated arrival, say), and a trail's last event may
   * be where it went: neither is a detour.
   */
  private boolean isDetour(int previous, int event, int next) {
    int from = columns.location(previous);
    int at = columns.location(event);
    Route route = network.route(from, at);
    long seconds = columns.second(event) - columns.second(previous);
    if (from == at || route == null || seconds <= 0 || visitsElsewhere(at, event)) {
      return false;
    }
    double limit = travelTimes.jumpLimitHours(route, pairSkewHours);
    if (!(seconds / 3_600.0 < limit)) {
      return false;
    }
    if (next == NONE) {
      return false;
    }
    int then = columns.location(next);
    if (then == at) {
      return false;
    }
    Route onward = network.route(from, then);
    return then == from || (onward != null && onward.kind() == Route.Kind.KNOWN);
  }

  private boolean visitsElsewhere(int location, int event) {
    for (int k = 0; k < size; k++) {
      if (events[k] != event && !isReRead(k) && columns.location(events[k]) == location) {
        return true;
      }
    }
    return false;
  }

  private void fillMoveOrigins() {
    int lastKnown = NONE;
    for (int p = 0; p < lineSize; p++) {
      int event = line[p];
      boolean known = network.location(columns.location(event)) != null;
      boolean moved = known && lastKnown != NONE && columns.location(lastKnown) != columns.location(event);
      origins[p] = moved ? lastKnown : NONE;
      if (known) {
        lastKnown = event;
      }
    }
  }
}
