package org.barcodeanomaly.lstm.serving;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.List;
import org.barcodeanomaly.api.detector.ScoreTable;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.event.ScanEvent;

/**
 * Streaming mode: events arrive one at a time; each is scored from its EPC's buffered recent
 * events plus itself (the prefix of a growing trail, which the network was trained on), so no
 * caller has to collect whole trails.
 *
 * <p>The buffer is a Caffeine cache bounded by {@link StreamingOptions#maxEpcs()} (least recently
 * used evicted) and {@link StreamingOptions#idleTimeout()}; a trail that ends with
 * {@code POS_Sell} is removed once that event is scored. An EPC with nothing buffered is a cold
 * start: its event is scored alone, against the same calibrated thresholds. Thread-safe: the
 * per-EPC append is atomic and scoring works on a snapshot.
 */
public final class LstmStream {

  private static final String SALE = "POS_Sell";

  private final LstmDetector detector;
  private final int maxEvents;
  private final Cache<String, List<ScanEvent>> buffers;

  /** A stream scoring with {@code detector}, buffering within {@code options}. */
  public LstmStream(LstmDetector detector, StreamingOptions options) {
    this.detector = detector;
    this.maxEvents = options.maxEventsPerEpc();
    this.buffers = Caffeine.newBuilder()
        .maximumSize(options.maxEpcs())
        .expireAfterAccess(options.idleTimeout())
        .build();
  }

  /**
   * Buffers {@code event} and scores it from its EPC's recent events.
   *
   * @return the event's five scores (0–100), in {@link AnomalyType} order
   */
  public float[] accept(ScanEvent event) {
    List<ScanEvent> snapshot = new ArrayList<>();
    buffers.asMap().compute(event.epcCode(), (epc, buffered) -> {
      List<ScanEvent> events = buffered == null ? new ArrayList<>() : buffered;
      events.add(event);
      if (events.size() > maxEvents) {
        events.remove(0);
      }
      snapshot.addAll(events);
      return events;
    });
    ScoreTable table = detector.score(snapshot);
    float[] scores = new float[AnomalyType.COUNT];
    int newest = snapshot.size() - 1;
    for (AnomalyType type : AnomalyType.values()) {
      scores[type.ordinal()] = table.get(newest, type);
    }
    if (SALE.equals(event.eventType())) {
      buffers.invalidate(event.epcCode());
    }
    return scores;
  }

  /** Number of EPCs buffered now (approximate while evictions are pending). */
  public long bufferedEpcs() {
    buffers.cleanUp();
    return buffers.estimatedSize();
  }

  /** Events buffered for {@code epcCode}. */
  public int bufferedEvents(String epcCode) {
    List<ScanEvent> events = buffers.getIfPresent(epcCode);
    return events == null ? 0 : events.size();
  }
}
