package org.barcodeanomaly.rule.trail;

import java.util.Arrays;
import org.barcodeanomaly.api.event.EventType;
import org.barcodeanomaly.api.network.Location;
import org.barcodeanomaly.api.network.LocationNetwork;

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
 *       events at the main location stay on the line: the location of the next event when a
 *       member is there, else the previous one, else the first member's;</li>
 *   <li>a back-dated arrival, an inbound whose departure (see {@link #departureOf}) is
 *       timestamped after it, sorts before that departure in time but is placed right after it,
 *       where the journey puts it; the jump rule scores the time running backwards.</li>
 * </ul>
 *
 * <p>A departure is paired by journey rank, not by neighbours in time order: the departure of an
 * event is the event at another location with the highest {@link EventType#journeyRank()} below
 * its own (the latest in time among equals). Only <em>consistent</em> events take part in that
 * pairing: known type belonging to the business step, at a known location of the type's tier. An
 * event whose vocabulary contradicts its location has no trustworthy rank; the other rules flag it.
 *
 * <p>One instance is reused for every trail of a batch, so preparing a trail allocates nothing
 * once its buffers have grown to the longest trail. Not thread-safe: one per scoring call.
 */
public final class Trail {

  /** How far back, within one second, a read is compared with earlier reads. */
  private static final int RE_READ_WINDOW = 64;
  private static final int NONE = -1;
  private static final int RANKS = EventType.values().length;

  private final ScanColumns columns;
  private final LocationNetwork network;
  private int size;
  private int[] events = new int[16];
  private int[] firstRead = new int[16];
  private boolean[] offLine = new boolean[16];
  private int lineSize;
  private int[] line = new int[16];
  private int[] departures = new int[16];
  private int[] scratch = new int[16];
  private final int[] latestOfRank = new int[RANKS];
  private final int[] latestElsewhereOfRank = new int[RANKS];

  /** An empty trail over the events of {@code columns}; {@link #load} fills it. */
  public Trail(ScanColumns columns, LocationNetwork network) {
    this.columns = columns;
    this.network = network;
  }

  /** Prepares the trail of EPC {@code epc} of {@code index}. */
  public void load(TrailIndex index, int epc) {
    int start = index.start(epc);
    size = index.end(epc) - start;
    ensureCapacity(size);
    for (int k = 0; k < size; k++) {
      events[k] = index.eventAt(start + k);
    }
    markReReads();
    buildLine();
    fillRankTable();
    placeBackdatedArrivals();
    fillDepartures();
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

  /** Whether the {@code k}-th event is a clone's read away from the main line. */
  public boolean isOffLine(int k) {
    return offLine[k];
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
   * Event index of the departure of the main-line event at {@code p}: paired by journey rank, or
   * when its type is unknown or has no such partner, the nearest earlier main-line event at
   * another location; {@code -1} when there is none.
   */
  public int departureOf(int p) {
    if (departures[p] != NONE) {
      return departures[p];
    }
    int location = columns.location(line[p]);
    for (int q = p - 1; q >= 0; q--) {
      if (columns.location(line[q]) != location) {
        return line[q];
      }
    }
    return NONE;
  }

  private void ensureCapacity(int capacity) {
    if (events.length < capacity) {
      int grown = Math.max(capacity, events.length * 2);
      events = new int[grown];
      firstRead = new int[grown];
      offLine = new boolean[grown];
      line = new int[grown];
      departures = new int[grown];
      scratch = new int[grown];
    }
  }

  private void markReReads() {
    for (int k = 0; k < size; k++) {
      firstRead[k] = k;
      offLine[k] = false;
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
        offLine[j] = columns.location(events[j]) != mainLocation;
        if (!offLine[j]) {
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

  private int mainLocation(int from, int to) {
    if (to < size && holdsLocation(from, to, columns.location(events[to]))) {
      return columns.location(events[to]);
    }
    if (lineSize > 0 && holdsLocation(from, to, columns.location(line[lineSize - 1]))) {
      return columns.location(line[lineSize - 1]);
    }
    return columns.location(events[from]);
  }

  private boolean holdsLocation(int from, int to, int location) {
    for (int j = from; j < to; j++) {
      if (columns.location(events[j]) == location) {
        return true;
      }
    }
    return false;
  }

  /** For each journey rank, the latest line event of that rank and the latest at another location. */
  private void fillRankTable() {
    Arrays.fill(latestOfRank, NONE);
    Arrays.fill(latestElsewhereOfRank, NONE);
    for (int p = 0; p < lineSize; p++) {
      if (!consistent(line[p])) {
        continue;
      }
      int rank = columns.type(line[p]).journeyRank();
      int latest = latestOfRank[rank];
      if (latest != NONE && columns.location(latest) != columns.location(line[p])) {
        latestElsewhereOfRank[rank] = latest;
      }
      latestOfRank[rank] = line[p];
    }
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

  private int pairedDeparture(int event) {
    if (!consistent(event)) {
      return NONE;
    }
    EventType type = columns.type(event);
    int location = columns.location(event);
    for (int rank = type.journeyRank() - 1; rank >= 0; rank--) {
      int candidate = latestOfRank[rank];
      if (candidate != NONE && columns.location(candidate) == location) {
        candidate = latestElsewhereOfRank[rank];
      }
      if (candidate != NONE) {
        return candidate;
      }
    }
    return NONE;
  }

  private void placeBackdatedArrivals() {
    boolean any = false;
    for (int p = 0; p < lineSize; p++) {
      int event = line[p];
      EventType type = columns.type(event);
      int departure = type != null && type.direction() == EventType.Direction.INBOUND
          ? pairedDeparture(event) : NONE;
      boolean backdated = departure != NONE && columns.second(departure) > columns.second(event);
      scratch[p] = backdated ? departure : NONE;
      any |= backdated;
    }
    if (!any) {
      return;
    }
    int[] original = Arrays.copyOf(line, lineSize);
    int originalSize = lineSize;
    lineSize = 0;
    for (int p = 0; p < originalSize; p++) {
      if (scratch[p] == NONE) {
        appendWithFollowers(original, originalSize, p);
      }
    }
  }

  /** Appends a line event, then every back-dated arrival whose departure it is. */
  private void appendWithFollowers(int[] original, int originalSize, int p) {
    line[lineSize++] = original[p];
    for (int q = 0; q < originalSize; q++) {
      if (scratch[q] == original[p]) {
        appendWithFollowers(original, originalSize, q);
      }
    }
  }

  private void fillDepartures() {
    for (int p = 0; p < lineSize; p++) {
      departures[p] = pairedDeparture(line[p]);
    }
  }
}
