package org.barcodeanomaly.lstm.serving;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.barcodeanomaly.api.event.ScanEvent;

/**
 * The streaming buffer: per EPC, the recent events that arrived through
 * {@link LstmDetector#scoreArrivals}, so that each new event is scored as the newest event of its
 * trail so far (a prefix, which the network was trained on) and no caller has to collect whole
 * trails.
 *
 * <p>A Caffeine cache bounded by {@link StreamingOptions#maxEpcs()} (Caffeine's size eviction:
 * EPCs seen rarely and long ago go first) and {@link StreamingOptions#idleTimeout()} (counted
 * from the EPC's last event); each EPC keeps its last {@link StreamingOptions#maxEventsPerEpc()}
 * events in arrival order. A trail that ends with {@code POS_Sell} is forgotten as that event is
 * admitted: the sale is still scored with its history, the EPC's next event starts afresh. An
 * EPC with nothing buffered is a cold start: its event's prefix is the event alone.
 *
 * <p>Thread-safe: each admission replaces its EPC's immutable list in one atomic step, so
 * concurrent events of one EPC each see the others in some order, never a torn list.
 */
final class TrailBuffer {

  /** The event type that ends a trail: the item has been sold. */
  static final String SALE = "POS_Sell";

  private final int maxEvents;
  private final Cache<String, List<ScanEvent>> buffers;

  /** A buffer within {@code options}, on the system clock. */
  TrailBuffer(StreamingOptions options) {
    this(options, Ticker.systemTicker());
  }

  /** A buffer within {@code options} whose idle timeout reads {@code ticker} (tests move time). */
  TrailBuffer(StreamingOptions options, Ticker ticker) {
    this.maxEvents = options.maxEventsPerEpc();
    this.buffers = Caffeine.newBuilder()
        .maximumSize(options.maxEpcs())
        .expireAfterAccess(options.idleTimeout())
        .ticker(ticker)
        .build();
  }

  /**
   * Admits {@code events} in order: each is appended to its EPC's buffer (dropping the oldest
   * beyond {@code maxEventsPerEpc}), or ends it when it is a sale.
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
      List<ScanEvent> grown = append(buffered, event);
      prefix.set(grown);
      return SALE.equals(event.eventType()) ? null : grown;
    });
    return prefix.get();
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

  /** Number of EPCs buffered now, after pending evictions and expiries are carried out. */
  long bufferedEpcs() {
    buffers.cleanUp();
    return buffers.estimatedSize();
  }

  /**
   * Events buffered for {@code epcCode}: 0 once it was sold, evicted or idle too long. Looking
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
