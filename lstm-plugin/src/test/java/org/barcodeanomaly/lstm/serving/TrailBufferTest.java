package org.barcodeanomaly.lstm.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.barcodeanomaly.api.event.BusinessStep;
import org.barcodeanomaly.api.event.EventType;
import org.barcodeanomaly.api.event.ScanEvent;
import org.barcodeanomaly.features.TrailBuilder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The streaming trail buffer")
class TrailBufferTest {

  private static final Instant T0 = Instant.parse("2025-07-01T10:23:38Z");

  private static ScanEvent event(long id, String epc, String type) {
    return new TrailBuilder().epc(epc).firstId(id).manufactured(T0).raw(T0.plusSeconds(60 * id), 5, "WMS", type)
        .events().get(0);
  }

  /** A clock the test moves by hand. */
  private static final class ManualTicker implements Ticker {
    final AtomicLong nanos = new AtomicLong();

    @Override
    public long read() {
      return nanos.get();
    }

    void advance(Duration duration) {
      nanos.addAndGet(duration.toNanos());
    }
  }

  private static List<Long> ids(List<ScanEvent> events) {
    return events.stream().map(ScanEvent::eventId).toList();
  }

  @Test
  @DisplayName("each arrival's trail is its EPC's earlier arrivals, from earlier calls and this one, then itself")
  void prefixesSpanCalls() {
    TrailBuffer buffer = new TrailBuffer(StreamingOptions.defaults(10));
    buffer.admit(List.of(event(1, "A", "WMS_Inbound")));

    List<List<ScanEvent>> prefixes = buffer.admit(List.of(
        event(2, "B", "WMS_Inbound"), event(3, "A", "WMS_Outbound"), event(4, "B", "WMS_Outbound")));

    assertThat(prefixes).extracting(TrailBufferTest::ids)
        .containsExactly(List.of(2L), List.of(1L, 3L), List.of(2L, 4L));
    assertThat(buffer.bufferedEvents("A")).isEqualTo(2);
    assertThat(buffer.bufferedEpcs()).isEqualTo(2);
  }

  @Test
  @DisplayName("a scan after POS_Sell within the after-sale window is judged with the sale before it")
  void saleIsWatched() {
    ManualTicker clock = new ManualTicker();
    TrailBuffer buffer = new TrailBuffer(new StreamingOptions(10, Duration.ofDays(60), Duration.ofDays(14), 10), clock);
    buffer.admit(List.of(event(1, "A", "R_Stock_Outbound"), event(2, "A", "POS_Sell")));
    clock.advance(Duration.ofDays(13));

    List<List<ScanEvent>> prefixes = buffer.admit(List.of(event(3, "A", "R_Stock_Outbound")));

    assertThat(ids(prefixes.get(0))).containsExactly(1L, 2L, 3L);
  }

  @Test
  @DisplayName("a sold EPC is forgotten after the after-sale window, though the idle timeout is longer: its next scan is a cold start")
  void saleResetsTheTrailAfterTheWindow() {
    ManualTicker clock = new ManualTicker();
    TrailBuffer buffer = new TrailBuffer(new StreamingOptions(10, Duration.ofDays(60), Duration.ofDays(14), 10), clock);
    buffer.admit(List.of(event(1, "A", "R_Stock_Outbound"), event(2, "A", "POS_Sell"),
        event(3, "B", "R_Stock_Outbound")));
    clock.advance(Duration.ofDays(15));

    assertThat(buffer.bufferedEvents("A")).isZero();
    assertThat(buffer.bufferedEvents("B")).isEqualTo(1);
    assertThat(ids(buffer.admit(List.of(event(4, "A", "WMS_Inbound"))).get(0))).containsExactly(4L);
  }

  @Test
  @DisplayName("an arrival sent again (a retried request) is not buffered twice and gets the same trail as the first time")
  void retriesAreIdempotent() {
    TrailBuffer buffer = new TrailBuffer(StreamingOptions.defaults(10));
    List<ScanEvent> request = List.of(event(1, "A", "WMS_Inbound"), event(2, "A", "WMS_Outbound"));
    List<List<ScanEvent>> first = buffer.admit(request);
    buffer.admit(List.of(event(3, "A", "HUB_Inbound")));

    List<List<ScanEvent>> again = buffer.admit(request);

    assertThat(again).isEqualTo(first);
    assertThat(buffer.bufferedEvents("A")).isEqualTo(3);
  }

  @Test
  @DisplayName("only the last maxEventsPerEpc arrivals of an EPC are kept")
  void keepsTheLastEvents() {
    TrailBuffer buffer = new TrailBuffer(new StreamingOptions(10, Duration.ofDays(1), Duration.ofDays(1), 3));

    List<List<ScanEvent>> prefixes = buffer.admit(List.of(event(1, "A", "WMS_Inbound"),
        event(2, "A", "WMS_Outbound"), event(3, "A", "HUB_Inbound"), event(4, "A", "HUB_Outbound"),
        event(5, "A", "W_Stock_Inbound")));

    assertThat(ids(prefixes.get(4))).containsExactly(3L, 4L, 5L);
    assertThat(buffer.bufferedEvents("A")).isEqualTo(3);
  }

  @Test
  @DisplayName("EPCs with huge codes stay within maxBytes of estimated heap, far below maxEpcs")
  void boundsTheBytes() {
    long maxBytes = 1 << 20;
    TrailBuffer buffer = new TrailBuffer(new StreamingOptions(10_000, Duration.ofDays(60), Duration.ofDays(14), 20,
        maxBytes));
    String longCode = "9".repeat(50_000);
    for (int i = 0; i < 200; i++) {
      buffer.admit(List.of(event(i, longCode + i, "WMS_Inbound")));
    }
    buffer.cleanUp();
    assertThat(buffer.estimatedBytes()).isPositive().isLessThanOrEqualTo(maxBytes);
    assertThat(buffer.bufferedEpcs()).isLessThanOrEqualTo(maxBytes / (50_000 * 2));
    assertThat(TrailBuffer.estimatedBytes("A", List.of(event(1, "A", "WMS_Inbound"))))
        .as("a short code and one canonical event").isEqualTo(TrailBuffer.EPC_OVERHEAD_BYTES + 2 + TrailBuffer.EVENT_BYTES);
  }

  @Test
  @DisplayName("no more than maxEpcs EPCs stay buffered")
  void boundsTheEpcs() {
    TrailBuffer buffer = new TrailBuffer(new StreamingOptions(10, Duration.ofDays(1), Duration.ofDays(1), 3));
    for (int i = 0; i < 50; i++) {
      buffer.admit(List.of(event(i, "EPC-" + i, "WMS_Inbound")));
    }
    buffer.cleanUp();
    assertThat(buffer.bufferedEpcs()).isEqualTo(10);
  }

  @Test
  @DisplayName("an EPC idle for idleTimeout is forgotten, its next arrival a cold start; one seen within it is kept")
  void forgetsIdleEpcs() {
    ManualTicker clock = new ManualTicker();
    TrailBuffer buffer = new TrailBuffer(new StreamingOptions(10, Duration.ofHours(12), Duration.ofHours(12), 10), clock);
    buffer.admit(List.of(event(1, "A", "WMS_Inbound"), event(2, "B", "WMS_Inbound")));
    clock.advance(Duration.ofHours(11));
    buffer.admit(List.of(event(3, "B", "WMS_Outbound")));
    clock.advance(Duration.ofHours(2));

    assertThat(buffer.bufferedEvents("A")).isZero();
    assertThat(buffer.bufferedEvents("B")).isEqualTo(2);
    assertThat(ids(buffer.admit(List.of(event(4, "A", "WMS_Outbound"))).get(0))).containsExactly(4L);
  }

  @Test
  @DisplayName("arrivals of one EPC from concurrent calls are each scored once, in some order: prefix lengths 1 to n, none lost")
  void concurrentArrivalsOfOneEpc() throws Exception {
    TrailBuffer buffer = new TrailBuffer(StreamingOptions.defaults(10));
    int threads = 16;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<List<ScanEvent>>> prefixes = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      ScanEvent event = event(i, "A", "WMS_Inbound");
      prefixes.add(pool.submit(() -> {
        if (!start.await(1, TimeUnit.MINUTES)) {
          throw new IllegalStateException("the test never released the concurrent arrivals");
        }
        return buffer.admit(List.of(event)).get(0);
      }));
    }
    start.countDown();
    Set<Integer> lengths = new TreeSet<>();
    for (int i = 0; i < threads; i++) {
      List<ScanEvent> prefix = prefixes.get(i).get(10, TimeUnit.SECONDS);
      assertThat(prefix.get(prefix.size() - 1).eventId()).as("own event last").isEqualTo(i);
      lengths.add(prefix.size());
    }
    pool.shutdown();

    assertThat(lengths).containsExactlyElementsOf(IntStream.rangeClosed(1, threads).boxed().toList());
    assertThat(buffer.bufferedEvents("A")).isEqualTo(threads);
  }

  @Test
  @DisplayName("a buffered event equals the arrival but shares the EPC key and the canonical step and type strings")
  void buffersCompactEvents() {
    TrailBuffer buffer = new TrailBuffer(StreamingOptions.defaults(10));
    ScanEvent first = new ScanEvent(1, 1, new String("A".toCharArray()), 5, new String("WMS".toCharArray()),
        new String("WMS_Inbound".toCharArray()), T0, T0);
    ScanEvent second = new ScanEvent(2, 1, new String("A".toCharArray()), 5, "WMS", "WMS_Outbound", T0.plusSeconds(60), T0);

    buffer.admit(List.of(first));
    List<ScanEvent> trail = buffer.admit(List.of(second)).get(0);

    assertThat(trail).containsExactly(first, second);
    assertThat(trail.get(0).epcCode()).isSameAs(trail.get(1).epcCode());
    assertThat(trail.get(0).businessStep()).isSameAs(BusinessStep.WMS.dataName());
    assertThat(trail.get(0).eventType()).isSameAs(EventType.WMS_INBOUND.dataName());
  }

  @Test
  @DisplayName("a snapshot holds every buffered EPC's events in arrival order, leaves out expired EPCs and is not changed by later arrivals")
  void snapshotsTheTrails() {
    ManualTicker clock = new ManualTicker();
    TrailBuffer buffer = new TrailBuffer(new StreamingOptions(10, Duration.ofHours(12), Duration.ofHours(12), 10), clock);
    buffer.admit(List.of(event(1, "A", "WMS_Inbound")));
    clock.advance(Duration.ofHours(11));
    buffer.admit(List.of(event(2, "B", "WMS_Inbound"), event(3, "B", "WMS_Outbound")));
    clock.advance(Duration.ofHours(2));

    Map<String, List<ScanEvent>> trails = buffer.snapshot();
    buffer.admit(List.of(event(4, "B", "HUB_Inbound")));

    assertThat(trails).containsOnlyKeys("B");
    assertThat(ids(trails.get("B"))).containsExactly(2L, 3L);
  }

  @Test
  @DisplayName("adopted trails are buffered as if they had arrived: the next arrival's trail continues them")
  void adoptedTrailsContinue() {
    TrailBuffer old = new TrailBuffer(StreamingOptions.defaults(10));
    old.admit(List.of(event(1, "A", "WMS_Inbound"), event(2, "B", "WMS_Inbound"), event(3, "A", "WMS_Outbound")));
    TrailBuffer fresh = new TrailBuffer(StreamingOptions.defaults(10));

    fresh.adopt(old.snapshot());

    assertThat(ids(fresh.admit(List.of(event(4, "A", "HUB_Inbound"))).get(0))).containsExactly(1L, 3L, 4L);
    assertThat(ids(fresh.admit(List.of(event(2, "B", "WMS_Inbound"))).get(0))).as("a retry of an adopted event").containsExactly(2L);
    assertThat(fresh.bufferedEpcs()).isEqualTo(2);
  }

  @Test
  @DisplayName("adoption applies the new buffer's bounds: the last maxEventsPerEpc events per EPC, at most maxEpcs EPCs")
  void adoptionKeepsTheBounds() {
    TrailBuffer old = new TrailBuffer(StreamingOptions.defaults(10));
    for (int i = 0; i < 50; i++) {
      old.admit(List.of(event(i, "EPC-" + i, "WMS_Inbound")));
    }
    old.admit(List.of(event(100, "A", "WMS_Inbound"), event(101, "A", "WMS_Outbound"),
        event(102, "A", "HUB_Inbound"), event(103, "A", "HUB_Outbound")));
    TrailBuffer fresh = new TrailBuffer(new StreamingOptions(10, Duration.ofDays(1), Duration.ofDays(1), 3));

    fresh.adopt(Map.of("A", old.snapshot().get("A")));
    assertThat(ids(fresh.snapshot().get("A"))).containsExactly(101L, 102L, 103L);
    fresh.adopt(old.snapshot());

    assertThat(fresh.bufferedEpcs()).isEqualTo(10);
  }

  @Test
  @DisplayName("an EPC the buffer already holds keeps its own events; adopted events filed under another EPC are left out")
  void ownEventsWinOverAdoptedOnes() {
    TrailBuffer fresh = new TrailBuffer(StreamingOptions.defaults(10));
    fresh.admit(List.of(event(5, "A", "HUB_Inbound")));

    fresh.adopt(Map.of("A", List.of(event(1, "A", "WMS_Inbound")),
        "B", List.of(event(2, "B", "WMS_Inbound"), event(3, "C", "WMS_Outbound"))));

    assertThat(ids(fresh.snapshot().get("A"))).containsExactly(5L);
    assertThat(ids(fresh.snapshot().get("B"))).containsExactly(2L);
    assertThat(fresh.bufferedEvents("C")).isZero();
  }

  @Test
  @DisplayName("an adopted EPC's idle timeout counts from the adoption, not from its last arrival in the old buffer")
  void adoptionRestartsTheIdleTimeout() {
    ManualTicker clock = new ManualTicker();
    StreamingOptions options = new StreamingOptions(10, Duration.ofHours(12), Duration.ofHours(12), 10);
    TrailBuffer old = new TrailBuffer(options, clock);
    old.admit(List.of(event(1, "A", "WMS_Inbound")));
    clock.advance(Duration.ofHours(11));
    TrailBuffer fresh = new TrailBuffer(options, clock);

    fresh.adopt(old.snapshot());
    clock.advance(Duration.ofHours(11));

    assertThat(old.bufferedEvents("A")).isZero();
    assertThat(fresh.bufferedEvents("A")).isEqualTo(1);
  }

  @Test
  @DisplayName("clearing forgets every EPC")
  void clears() {
    TrailBuffer buffer = new TrailBuffer(StreamingOptions.defaults(10));
    buffer.admit(List.of(event(1, "A", "WMS_Inbound"), event(2, "B", "WMS_Inbound")));
    buffer.clear();
    buffer.cleanUp();
    assertThat(buffer.bufferedEpcs()).isZero();
  }
}
