package org.barcodeanomaly.contract;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.barcodeanomaly.api.detector.ScoreTable;
import org.barcodeanomaly.api.detector.StreamingDetector;
import org.barcodeanomaly.api.detector.Thresholds;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.event.EventType;
import org.barcodeanomaly.api.event.ScanEvent;

/**
 * The smallest streaming detector that keeps the whole {@link StreamingDetector} contract, and,
 * one {@link Flaw} at a time, the ways a real one could break it: {@link StreamingKitSelfTest}
 * runs {@link StreamingDetectorCompatibilityKit} against each to prove every check can fail.
 *
 * <p>Its verdicts are two rules that need history: {@code jump} (100) when an arrival is at
 * another location than the arrival before it, less than five minutes later; {@code evtOrderErr}
 * (100) when a sale arrived before it. Everything else scores 0; thresholds are 50. One lock
 * guards every buffer, which makes each arrival atomic.
 */
final class MinimalStreamingDetector implements StreamingDetector {

  /** A broken promise of the contract, or none. */
  enum Flaw {
    NONE,
    /** Answers a call with one row per EPC instead of one per arrival. */
    ROW_PER_EPC,
    /** Answers a call of several arrivals with its rows in reverse order. */
    REVERSED_ROWS,
    /** Judges every arrival alone, as a cold start (it still buffers). */
    NO_HISTORY,
    /** Judges an arrival with what earlier calls buffered, not with the earlier arrivals of its own call. */
    IGNORES_THE_CALL,
    /** Gets the sign of the time since the previous arrival wrong: every move looks faster than five minutes. */
    ALARMIST,
    /** Keys buffers by the EPC's lot, so EPCs of one lot share a trail. */
    KEYS_BY_LOT,
    /** Buffers an arrival again when it is sent again, and judges it with everything buffered. */
    BUFFERS_RETRIES,
    /** Keeps a trail in time order, not arrival order. */
    SORTS_BY_TIME,
    /** Hands out its live, modifiable buffers from bufferedTrails. */
    LIVE_VIEW,
    /** Keeps the SPI's defaults: bufferedTrails is empty and adoptTrails keeps nothing. */
    NO_HANDOVER,
    /** Lets adopted trails replace the EPCs it buffers itself. */
    ADOPTION_OVERWRITES,
    /** Keeps the adopted lists themselves and appends later arrivals to them. */
    ADOPTS_BY_REFERENCE,
    /** Adopts trails whole, beyond its bounds. */
    ADOPTS_UNBOUNDED,
    /** Beyond maxEventsPerEpc, keeps an EPC's first events and drops the new ones. */
    KEEPS_OLDEST,
    /** Never forgets an EPC for lack of room. */
    NO_EPC_BOUND,
    /** Never forgets an idle EPC. */
    NEVER_IDLE,
    /** Counts idle time from an EPC's first arrival, not its last. */
    IDLE_FROM_FIRST_ARRIVAL,
    /** Forgets a sold EPC at once, with no watch. */
    FORGETS_AT_SALE,
    /** Keeps a sold EPC until the idle timeout, as any other. */
    IGNORES_SALE,
    /** Counts buffered events, not EPCs, in bufferedEpcs. */
    COUNTS_EVENTS,
    /** Lets score() judge events with the buffered trails. */
    BATCH_READS_BUFFERS,
    /** Lets score() buffer the events it scores. */
    BATCH_FEEDS_BUFFERS,
    /** Reads an EPC's buffer and writes it back in two steps, so concurrent arrivals overwrite each other. */
    RACY
  }

  private static final Duration FAST = Duration.ofMinutes(5);
  private static final String SALE = EventType.POS_SELL.dataName();
  /** How long a {@link Flaw#RACY} arrival holds what it read before writing it back: wide enough to lose updates. */
  private static final long RACE_WINDOW_MILLIS = 50;

  private final StreamingBounds bounds;
  private final KitClock clock;
  private final Flaw flaw;
  private final Thread builder = Thread.currentThread();
  /** Per buffer key, its trail; in order of last arrival, eldest first, for eviction. Guarded by this. */
  private final LinkedHashMap<String, Trail> trails = new LinkedHashMap<>();

  /** One EPC's buffered events, in arrival order, and when it got its first and last arrival. */
  private static final class Trail {
    List<ScanEvent> events = new ArrayList<>();
    final long firstArrival;
    long lastArrival;

    Trail(long now) {
      firstArrival = now;
      lastArrival = now;
    }

    Trail copy() {
      Trail copy = new Trail(firstArrival);
      copy.events.addAll(events);
      copy.lastArrival = lastArrival;
      return copy;
    }
  }

  MinimalStreamingDetector(StreamingBounds bounds, KitClock clock, Flaw flaw) {
    this.bounds = bounds;
    this.clock = clock;
    this.flaw = flaw;
  }

  @Override
  public String name() {
    return "minimal";
  }

  @Override
  public String version() {
    return "minimal-" + flaw.name().toLowerCase();
  }

  @Override
  public Thresholds thresholds() {
    return Thresholds.uniform(50);
  }

  @Override
  public ScoreTable scoreArrivals(List<ScanEvent> events) {
    Map<String, List<ScanEvent>> beforeTheCall = flaw == Flaw.IGNORES_THE_CALL ? bufferedTrails() : Map.of();
    List<List<ScanEvent>> prefixes = new ArrayList<>();
    for (ScanEvent event : events) {
      List<ScanEvent> prefix = admit(event);
      if (flaw == Flaw.NO_HISTORY) {
        prefix = List.of(event);
      } else if (flaw == Flaw.IGNORES_THE_CALL) {
        prefix = new ArrayList<>(beforeTheCall.getOrDefault(event.epcCode(), List.of()));
        prefix.add(event);
      }
      prefixes.add(prefix);
    }
    if (flaw == Flaw.REVERSED_ROWS) {
      Collections.reverse(prefixes);
    } else if (flaw == Flaw.ROW_PER_EPC) {
      Map<String, List<ScanEvent>> lastPerEpc = new LinkedHashMap<>();
      prefixes.forEach(prefix -> lastPerEpc.put(prefix.get(prefix.size() - 1).epcCode(), prefix));
      prefixes = new ArrayList<>(lastPerEpc.values());
    }
    ScoreTable table = new ScoreTable(prefixes.size());
    for (int row = 0; row < prefixes.size(); row++) {
      judge(prefixes.get(row), table, row);
    }
    return table;
  }

  @Override
  public ScoreTable score(List<ScanEvent> events) {
    ScoreTable table = new ScoreTable(events.size());
    Map<String, List<Integer>> byEpc = new LinkedHashMap<>();
    for (int i = 0; i < events.size(); i++) {
      byEpc.computeIfAbsent(events.get(i).epcCode(), epc -> new ArrayList<>()).add(i);
    }
    Map<String, List<ScanEvent>> buffered = flaw == Flaw.BATCH_READS_BUFFERS ? bufferedTrails() : Map.of();
    for (List<Integer> indices : byEpc.values()) {
      indices.sort(Comparator.comparing(i -> events.get(i).eventTime()));
      List<ScanEvent> prefix = new ArrayList<>(buffered.getOrDefault(events.get(indices.get(0)).epcCode(), List.of()));
      for (int index : indices) {
        prefix.add(events.get(index));
        judge(prefix, table, index);
      }
    }
    if (flaw == Flaw.BATCH_FEEDS_BUFFERS) {
      events.forEach(this::admit);
    }
    return table;
  }

  @Override
  public synchronized long bufferedEpcs() {
    return flaw == Flaw.COUNTS_EVENTS ? trails.values().stream().mapToLong(trail -> trail.events.size()).sum()
        : trails.size();
  }

  @Override
  public synchronized Map<String, List<ScanEvent>> bufferedTrails() {
    if (flaw == Flaw.NO_HANDOVER) {
      return Map.of();
    }
    Map<String, List<ScanEvent>> snapshot = new LinkedHashMap<>();
    for (String key : new ArrayList<>(trails.keySet())) {
      Trail trail = live(key);
      if (trail != null) {
        snapshot.put(key, flaw == Flaw.LIVE_VIEW ? trail.events : List.copyOf(trail.events));
      }
    }
    return flaw == Flaw.LIVE_VIEW ? snapshot : Collections.unmodifiableMap(snapshot);
  }

  @Override
  public synchronized void adoptTrails(Map<String, List<ScanEvent>> handed) {
    if (flaw == Flaw.NO_HANDOVER) {
      return;
    }
    handed.forEach((epc, events) -> {
      String key = key(epc);
      if (live(key) != null && flaw != Flaw.ADOPTION_OVERWRITES) {
        return;
      }
      Trail trail = new Trail(clock.nanoTime());
      trail.events = flaw == Flaw.ADOPTS_BY_REFERENCE ? events : new ArrayList<>(events);
      if (flaw != Flaw.ADOPTS_UNBOUNDED) {
        keepTheMostRecent(trail);
      }
      trails.put(key, trail);
      if (flaw != Flaw.ADOPTS_UNBOUNDED) {
        evictBeyondMaxEpcs();
      }
    });
  }

  /**
   * Appends {@code event} to its EPC's trail unless it holds it already, in one step under the lock
   * (with {@link Flaw#RACY}, reading the trail and writing it back in two); the trail it is judged with.
   */
  private List<ScanEvent> admit(ScanEvent event) {
    String key = key(event.epcCode());
    if (flaw != Flaw.RACY) {
      synchronized (this) {
        Trail trail = live(key);
        return append(key, trail == null ? new Trail(clock.nanoTime()) : trail, event);
      }
    }
    Trail read;
    synchronized (this) {
      Trail trail = live(key);
      read = trail == null ? new Trail(clock.nanoTime()) : trail.copy();
    }
    widenTheRace();
    synchronized (this) {
      return append(key, read, event);
    }
  }

  /** Appends {@code event} to {@code trail} and stores it under {@code key}; the caller holds the lock. */
  private List<ScanEvent> append(String key, Trail trail, ScanEvent event) {
    int seen = trail.events.indexOf(event);
    if (seen >= 0 && flaw != Flaw.BUFFERS_RETRIES) {
      return List.copyOf(trail.events.subList(0, seen + 1));
    }
    List<ScanEvent> prefix = new ArrayList<>(trail.events);
    prefix.add(event);
    if (flaw == Flaw.SORTS_BY_TIME) {
      int at = 0;
      while (at < trail.events.size() && !trail.events.get(at).eventTime().isAfter(event.eventTime())) {
        at++;
      }
      trail.events.add(at, event);
    } else if (flaw != Flaw.KEEPS_OLDEST || trail.events.size() < bounds.maxEventsPerEpc()) {
      trail.events.add(event);
    }
    keepTheMostRecent(trail);
    trail.lastArrival = clock.nanoTime();
    trails.remove(key);
    trails.put(key, trail);
    evictBeyondMaxEpcs();
    return flaw == Flaw.KEEPS_OLDEST ? prefix : List.copyOf(trail.events);
  }

  /**
   * With {@link Flaw#RACY}, on a thread other than the one that built the detector (where calls can
   * race), holds what an arrival read long enough for the other arrivals to read the same trail.
   * The building thread's calls, all the single-threaded checks, go on without a pause.
   */
  private void widenTheRace() {
    if (Thread.currentThread() == builder) {
      return;
    }
    try {
      Thread.sleep(RACE_WINDOW_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The trail under {@code key}, or null when there is none or it has expired (then it is dropped). */
  private synchronized Trail live(String key) {
    Trail trail = trails.get(key);
    if (trail == null || !expired(trail)) {
      return trail;
    }
    trails.remove(key);
    return null;
  }

  private boolean expired(Trail trail) {
    boolean sold = !trail.events.isEmpty() && SALE.equals(trail.events.get(trail.events.size() - 1).eventType());
    if (sold && flaw == Flaw.FORGETS_AT_SALE) {
      return true;
    }
    if (!sold && flaw == Flaw.NEVER_IDLE) {
      return false;
    }
    Duration limit = sold && flaw != Flaw.IGNORES_SALE ? bounds.saleWatch() : bounds.idleTimeout();
    long since = flaw == Flaw.IDLE_FROM_FIRST_ARRIVAL ? trail.firstArrival : trail.lastArrival;
    return clock.nanoTime() - since >= limit.toNanos();
  }

  private void keepTheMostRecent(Trail trail) {
    while (trail.events.size() > bounds.maxEventsPerEpc()) {
      trail.events.remove(0);
    }
  }

  private void evictBeyondMaxEpcs() {
    while (flaw != Flaw.NO_EPC_BOUND && trails.size() > bounds.maxEpcs()) {
      trails.remove(trails.keySet().iterator().next());
    }
  }

  private String key(String epc) {
    return flaw == Flaw.KEYS_BY_LOT && epc.length() > 36 ? epc.substring(0, 36) : epc;
  }

  /** Scores the newest event of {@code prefix} into {@code row}. */
  private void judge(List<ScanEvent> prefix, ScoreTable table, int row) {
    ScanEvent newest = prefix.get(prefix.size() - 1);
    if (prefix.size() > 1) {
      ScanEvent previous = prefix.get(prefix.size() - 2);
      Duration gap = flaw == Flaw.ALARMIST ? Duration.between(newest.eventTime(), previous.eventTime())
          : Duration.between(previous.eventTime(), newest.eventTime());
      boolean forward = flaw == Flaw.ALARMIST || !gap.isNegative();
      if (previous.locationId() != newest.locationId() && forward && gap.compareTo(FAST) < 0) {
        table.set(row, AnomalyType.JUMP, 100);
      }
    }
    if (prefix.subList(0, prefix.size() - 1).stream().anyMatch(event -> SALE.equals(event.eventType()))) {
      table.set(row, AnomalyType.EVT_ORDER_ERR, 100);
    }
  }
}
