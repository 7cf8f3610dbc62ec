package org.barcodeanomaly.lstm.serving;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.barcodeanomaly.api.event.BusinessStep;
import org.barcodeanomaly.api.event.EventType;
import org.barcodeanomaly.api.event.ScanEvent;

/**
 * The streaming buffer: per EPC, the recent events that arrived through
 * {@link LstmDetector#scoreArrivals}, so that each new event is scored as the newest event of its
 * trail so far (a prefix, which the network was trained on) and no caller has to collect whole
 * trails.
 *
 * <p>A Caffeine cache bounded by {@link StreamingOptions#maxEpcs()} and
 * {@link StreamingOptions#maxBytes()} at once (Caffeine's W-TinyLFU weight eviction, which may
 * turn a newcomer away rather than evict an old EPC; see {@link #weigh}) and by time, counted from
 * the EPC's last event: {@link StreamingOptions#idleTimeout()} for a trail in transit,
 * {@link StreamingOptions#afterSaleWindow()} for a trail that ends with {@code POS_Sell}. A sale
 * thus resets the EPC after a short watch: a scan after the sale within the window is scored with
 * the sale before it (an order error by docs/spec/ANOMALIES.md, which a cold start could not show), later
 * the EPC is forgotten. Each EPC keeps its last {@link StreamingOptions#maxEventsPerEpc()} events
 * in arrival order. An EPC with nothing buffered is a cold start: its prefix is the event alone.
 *
 * <p>Retries are safe: an arrival equal to one its EPC already holds (same id, file, place, type
 * and time: a request sent again after a timeout) is not buffered twice; it is scored with the
 * history up to it, as the first time.
 *
 * <p>Thread-safe: each admission replaces its EPC's immutable list in one atomic step, so
 * concurrent events of one EPC each see the others in some order, never a torn list. Cache
 * maintenance runs on the calling thread, never in a pool that could outlive the plugin.
 */
final class TrailBuffer {

  /** The event type that ends a trail: the item has been sold. */
  static final String SALE = "POS_Sell";

  /** Estimated heap of one buffered EPC besides its events: cache node, key string, list. */
  static final int EPC_OVERHEAD_BYTES = 120;
  /** Estimated heap of one buffered event (113 B measured, see {@link #compact}). */
  static final int EVENT_BYTES = 120;

  private final int maxEvents;
  private final int minWeight;
  private final Cache<String, List<ScanEvent>> buffers;

  /** A buffer within {@code options}, on the system clock. */
  TrailBuffer(StreamingOptions options) {
    this(options, Ticker.systemTicker());
  }

  /** A buffer within {@code options} whose idle timeout reads {@code ticker} (tests move time). */
  TrailBuffer(StreamingOptions options, Ticker ticker) {
    this.maxEvents = options.maxEventsPerEpc();
    this.minWeight = (int) Math.min(Integer.MAX_VALUE, Math.max(1, options.maxBytes() / options.maxEpcs()));
    this.buffers = Caffeine.newBuilder()
        .maximumWeight(options.maxBytes())
        .weigher(this::weigh)
        .expireAfter(new TrailExpiry(options))
        .executor(Runnable::run)
        .ticker(ticker)
        .build();
  }

  /**
   * Admits {@code events} in order: each is appended to its EPC's buffer (dropping the oldest
   * beyond {@code maxEventsPerEpc}) unless the buffer already holds it.
   *
   * @return per event, in the same order, the trail it is scored on: its EPC's buffered events
   *     (earlier events of this call included), then itself, last; read-only
   */
  List<List<ScanEvent>> admit(List<ScanEvent> events) {
    List<List<ScanEvent>> prefixes = new ArrayList<>(events.size());
    for (ScanEvent event : events) {
      prefixes.add(admit(event));
    }
    return prefixes;
  }

  private List<ScanEvent> admit(ScanEvent event) {
    AtomicReference<List<ScanEvent>> prefix = new AtomicReference<>();
    buffers.asMap().compute(event.epcCode(), (epc, buffered) -> {
      int seen = buffered == null ? -1 : buffered.indexOf(event);
      if (seen >= 0) {
        prefix.set(buffered.subList(0, seen + 1));
        return buffered;
      }
      List<ScanEvent> grown = append(buffered, compact(epc, event));
      prefix.set(grown);
      return grown;
    });
    return prefix.get();
  }

  /**
   * Every buffered EPC's events, in arrival order, as they are now: the buffered lists themselves,
   * which are never changed once buffered (an arrival replaces its EPC's list). EPCs already
   * expired are left out.
   */
  Map<String, List<ScanEvent>> snapshot() {
    Map<String, List<ScanEvent>> trails = new HashMap<>();
    buffers.asMap().forEach(trails::put);
    return Collections.unmodifiableMap(trails);
  }

  /**
   * Buffers {@code trails} (another buffer's {@link #snapshot()}) as if their events had arrived,
   * within this buffer's bounds: each EPC keeps its last {@code maxEventsPerEpc} events,
   * {@code maxEpcs} applies as to arrivals, and idle time and the after-sale window count from
   * now, the adoption (the old buffer's clock is not carried). An EPC this buffer already holds
   * keeps its own events. Events filed under another EPC's key are left out.
   */
  void adopt(Map<String, List<ScanEvent>> trails) {
    trails.forEach((epc, events) -> {
      List<ScanEvent> own = events.stream().filter(event -> epc.equals(event.epcCode()))
          .map(event -> compact(epc, event)).toList();
      if (!own.isEmpty()) {
        buffers.asMap().putIfAbsent(epc, List.copyOf(own.subList(Math.max(0, own.size() - maxEvents), own.size())));
      }
    });
    buffers.cleanUp();
  }

  /** Time to live from the last event: the idle timeout, or the after-sale window once sold. */
  private static final class TrailExpiry implements Expiry<String, List<ScanEvent>> {

    private final long idleNanos;
    private final long afterSaleNanos;

    TrailExpiry(StreamingOptions options) {
      this.idleNanos = options.idleTimeout().toNanos();
      this.afterSaleNanos = options.afterSaleWindow().toNanos();
    }

    private long of(List<ScanEvent> trail) {
      return SALE.equals(trail.get(trail.size() - 1).eventType()) ? afterSaleNanos : idleNanos;
    }

    @Override
    public long expireAfterCreate(String epc, List<ScanEvent> trail, long now) {
      return of(trail);
    }

    @Override
    public long expireAfterUpdate(String epc, List<ScanEvent> trail, long now, long remaining) {
      return of(trail);
    }

    @Override
    public long expireAfterRead(String epc, List<ScanEvent> trail, long now, long remaining) {
      return remaining;
    }
  }

  /**
   * The event as buffered: equal to it, but sharing the cache key for its EPC and the canonical
   * strings of known steps and types instead of the request's own copies (each parsed event has
   * its own), which is most of an event's memory: 296 B per buffered event before, 113 B after
   * (100,000 EPCs of ten events, heap measured after GC).
   */
  private static ScanEvent compact(String epc, ScanEvent event) {
    BusinessStep step = BusinessStep.fromName(event.businessStep());
    EventType type = EventType.fromName(event.eventType());
    return new ScanEvent(event.eventId(), event.fileId(), epc, event.locationId(),
        step == null ? event.businessStep() : step.dataName(), type == null ? event.eventType() : type.dataName(),
        event.eventTime(), event.manufactureTime());
  }

  private List<ScanEvent> append(List<ScanEvent> buffered, ScanEvent event) {
    int kept = buffered == null ? 0 : Math.min(buffered.size(), maxEvents - 1);
    List<ScanEvent> grown = new ArrayList<>(kept + 1);
    if (kept > 0) {
      grown.addAll(buffered.subList(buffered.size() - kept, buffered.size()));
    }
    grown.add(event);
    return Collections.unmodifiableList(grown);
  }

  /**
   * The weight of one EPC in the cache: its estimated heap in bytes, but at least
   * {@code maxBytes / maxEpcs}. Caffeine takes a size or a weight bound, not both; with this
   * floor, a total weight within {@code maxBytes} holds at most {@code maxEpcs} EPCs and at most
   * {@code maxBytes} estimated bytes.
   */
  int weigh(String epc, List<ScanEvent> events) {
    return Math.max(minWeight, estimatedBytes(epc, events));
  }

  /** Estimated heap of {@code epc}'s buffered {@code events}, key and entry included. */
  static int estimatedBytes(String epc, List<ScanEvent> events) {
    long bytes = EPC_OVERHEAD_BYTES + (long) epc.length() * 2;
    for (ScanEvent event : events) {
      bytes += EVENT_BYTES + ownTextBytes(event.businessStep(), BusinessStep.fromName(event.businessStep()) != null)
          + ownTextBytes(event.eventType(), EventType.fromName(event.eventType()) != null);
    }
    return (int) Math.min(Integer.MAX_VALUE, bytes);
  }

  /** A step or type string the event holds on its own (not a shared canonical one). */
  private static long ownTextBytes(String text, boolean canonical) {
    return canonical || text == null ? 0 : 40 + 2L * text.length();
  }

  /** Estimated heap of everything buffered now (expired entries not yet swept included). */
  long estimatedBytes() {
    long total = 0;
    for (Map.Entry<String, List<ScanEvent>> entry : buffers.asMap().entrySet()) {
      total += estimatedBytes(entry.getKey(), entry.getValue());
    }
    return total;
  }

  /**
   * Number of EPCs buffered, approximately: expired entries not yet swept may still count. Cheap
   * (no maintenance), so a metrics scrape may call it.
   */
  long bufferedEpcs() {
    return buffers.estimatedSize();
  }

  /** Carries out pending evictions and expiries now (tests read exact counts after it). */
  void cleanUp() {
    buffers.cleanUp();
  }

  /**
   * Events buffered for {@code epcCode}: 0 once it was evicted, idle too long, or sold longer ago
   * than the after-sale window. Looking
   * does not count as activity: it does not postpone the idle timeout.
   */
  int bufferedEvents(String epcCode) {
    List<ScanEvent> events = buffers.policy().getIfPresentQuietly(epcCode);
    return events == null ? 0 : events.size();
  }

  /** Forgets every EPC (the detector is closing: free the memory at once). */
  void clear() {
    buffers.invalidateAll();
  }
}
