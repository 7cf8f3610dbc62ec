package org.barcodeanomaly.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.barcodeanomaly.api.detector.ScoreTable;
import org.barcodeanomaly.api.detector.StreamingDetector;
import org.barcodeanomaly.api.detector.Thresholds;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.event.EventType;
import org.barcodeanomaly.api.event.ScanEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The tests every {@link StreamingDetector} must pass: each promise of its contract, checked from
 * outside, as {@link DetectorCompatibilityKit} checks a {@code Detector}'s (a streaming detector
 * passes both). A streaming detector's module extends it in a short test that builds the detector
 * within the kit's bounds, on the kit's clock:
 *
 * <pre>{@code
 * class LstmStreamingCompatibilityTest extends StreamingDetectorCompatibilityKit {
 *   @Override
 *   protected StreamingDetector createDetector(StreamingBounds bounds, KitClock clock) {
 *     return BundledModel.detector(settingsFor(bounds), clock::nanoTime);
 *   }
 * }
 * }</pre>
 *
 * <p>What is checked: a call gets one row per arrival, row {@code i} for arrival {@code i}; an
 * arrival is judged with its EPC's earlier arrivals however they were split into calls (a jump
 * and a scan after a sale that only the earlier events show are reported; normal trails streamed
 * a step at a time are not), and with no other EPC's; a retried arrival gets the scores it got
 * the first time and is buffered once; {@code bufferedTrails} is a read-only snapshot of the
 * arrivals in arrival order, and an instance that adopted it holds the same trails and scores the
 * next arrivals as the original, keeping its own EPCs, its bounds and the handed map untouched;
 * every bound holds (events per EPC, EPCs, idle time, the sale watch) and a forgotten EPC's next
 * arrival is a cold start; {@code bufferedEpcs} counts EPCs; {@code score} neither reads nor
 * changes the buffers; concurrent arrivals of one EPC are each buffered once and scored with the
 * arrivals before them.
 *
 * <p>Every check creates the detectors it needs ({@link #createDetector}: two for a handover, a
 * fresh one to compare with a cold start), all on the check's own {@link KitClock}, and closes
 * them after it. The checks compare a detector's scores with another instance's, or ask for a
 * report on an obvious anomaly; none depends on how a detector scores.
 */
public abstract class StreamingDetectorCompatibilityKit {

  /** How far short of or past a timeout the kit moves its clock. */
  private static final Duration MARGIN = Duration.ofMinutes(1);
  /** EPCs the bound checks send to a buffer of {@link #SMALL_MAX_EPCS}. */
  private static final int MANY_EPCS = 50;
  private static final int SMALL_MAX_EPCS = 10;
  private static final int SMALL_MAX_EVENTS = 4;

  /** The sample's complete trail, read once: most checks send copies of it under EPCs of their own. */
  private static final List<ScanEvent> SAMPLE_TRAIL = KitTrails.sampleTrail(1);

  private final KitTrails trails = new KitTrails();
  private final List<StreamingDetector> created = new ArrayList<>();
  private KitClock clock;

  /**
   * A new detector, with empty buffers, held to {@code bounds} and keeping idle time and sale
   * watches by {@code clock} (not the wall clock). Called several times per check.
   */
  protected abstract StreamingDetector createDetector(StreamingBounds bounds, KitClock clock);

  @BeforeEach
  void startTheClock() {
    clock = new KitClock();
  }

  @AfterEach
  void closeDetectors() {
    created.forEach(StreamingDetector::close);
    created.clear();
  }

  private StreamingDetector fresh() {
    return fresh(StreamingBounds.ROOMY);
  }

  private StreamingDetector fresh(StreamingBounds bounds) {
    StreamingDetector detector = Objects.requireNonNull(createDetector(bounds, clock),
        "createDetector(" + bounds + ") returned null");
    created.add(detector);
    return detector;
  }

  @Nested
  @DisplayName("Scores of arrivals")
  class Answers {

    @Test
    @DisplayName("a call gets one row per arrival, and an empty call an empty table that buffers nothing")
    void answersEveryArrival() {
      StreamingDetector detector = fresh();
      assertThat(detector.scoreArrivals(List.of()).size()).as("rows for an empty call").isZero();
      assertThat(detector.bufferedTrails()).as("trails buffered by an empty call").isEmpty();

      List<ScanEvent> arrivals = interleave(fastTrip(1), soldTrail(2));
      assertThat(detector.scoreArrivals(arrivals).size()).as("rows for %d arrivals", arrivals.size())
          .isEqualTo(arrivals.size());
    }

    @Test
    @DisplayName("row i of a call holds the scores of arrival i, whatever the mix of EPCs in the call")
    void rowsFollowTheArrivals() {
      List<ScanEvent> first = fastTrip(1);
      List<ScanEvent> second = withScanAfterSale(soldTrail(2));
      List<ScanEvent> mixed = interleave(first, second);

      ScoreTable together = fresh().scoreArrivals(mixed);
      StreamingDetector apart = fresh();
      Map<Long, float[]> expected = new HashMap<>(byId(first, apart.scoreArrivals(first)));
      expected.putAll(byId(second, apart.scoreArrivals(second)));

      for (int i = 0; i < mixed.size(); i++) {
        assertThat(row(together, i)).as("row %d: %s", i, describe(mixed.get(i)))
            .containsExactly(expected.get(mixed.get(i).eventId()));
      }
    }
  }

  @Nested
  @DisplayName("History")
  class History {

    @Test
    @DisplayName("a trail's events get the same scores whether they arrive one per call, three per call or all in one call")
    void callsMayBeSplitAnyWay() {
      List<ScanEvent> trail = withScanAfterSale(fastTrip(1));

      Map<Long, float[]> onePerCall = streamInCalls(fresh(), trail, 1);
      Map<Long, float[]> threePerCall = streamInCalls(fresh(), trail, 3);
      Map<Long, float[]> oneCall = streamInCalls(fresh(), trail, trail.size());

      for (ScanEvent event : trail) {
        assertThat(threePerCall.get(event.eventId())).as("three per call: %s", describe(event))
            .containsExactly(onePerCall.get(event.eventId()));
        assertThat(oneCall.get(event.eventId())).as("all in one call: %s", describe(event))
            .containsExactly(onePerCall.get(event.eventId()));
      }
    }

    @Test
    @DisplayName("jump: a hub arrival two minutes after the warehouse departure that came in an earlier call is reported")
    void impossibleTripAfterAnEarlierDeparture() {
      List<ScanEvent> trail = fastTrip(1);
      StreamingDetector detector = fresh();
      detector.scoreArrivals(trail.subList(0, 3));

      ScanEvent arrival = trail.get(3);
      assertReported(detector, detector.scoreArrivals(List.of(arrival)), arrival, AnomalyType.JUMP);
    }

    @Test
    @DisplayName("evtOrderErr: a scan after the sale that came in an earlier call is reported")
    void scanAfterAnEarlierSale() {
      List<ScanEvent> trail = soldTrail(1);
      StreamingDetector detector = fresh();
      streamInCalls(detector, trail, 1);

      ScanEvent afterSale = scanAfterSale(trail);
      assertReported(detector, detector.scoreArrivals(List.of(afterSale)), afterSale, AnomalyType.EVT_ORDER_ERR);
    }

    @Test
    @DisplayName("normal trails over every observed route, arriving a step at a time (each call the next event of every EPC), are reported for nothing")
    void normalTrafficIsNormal() {
      StreamingDetector detector = fresh();
      Thresholds thresholds = detector.thresholds();
      List<String> reports = new ArrayList<>();
      int arrivals = 0;
      for (List<ScanEvent> call : steps(trails.everyRouteAtEveryPace(1))) {
        ScoreTable scores = detector.scoreArrivals(call);
        arrivals += call.size();
        for (int i = 0; i < call.size(); i++) {
          for (AnomalyType type : AnomalyType.values()) {
            if (thresholds.reports(type, scores.get(i, type))) {
              reports.add(describe(call.get(i)) + " reported " + type.contractName() + " " + scores.get(i, type));
            }
          }
        }
      }
      assertThat(reports).as("reports on normal traffic (%d arrivals)", arrivals).isEmpty();
    }
  }

  @Nested
  @DisplayName("Retries")
  class Retries {

    @Test
    @DisplayName("an arrival sent again after later ones gets the scores it got the first time")
    void retryIsScoredAsTheFirstTime() {
      List<ScanEvent> trail = soldTrail(1);
      StreamingDetector detector = fresh();
      Map<Long, float[]> first = streamInCalls(detector, trail, 1);

      List<ScanEvent> resent = List.of(trail.get(2), trail.get(3), trail.get(4), trail.get(9));
      ScoreTable again = detector.scoreArrivals(resent);

      for (int i = 0; i < resent.size(); i++) {
        assertThat(row(again, i)).as("sent again: %s", describe(resent.get(i)))
            .containsExactly(first.get(resent.get(i).eventId()));
      }
    }

    @Test
    @DisplayName("arrivals sent again, in later calls or twice in one call, are buffered once: the trails and the next arrival's scores are as without them")
    void retryIsBufferedOnce() {
      List<ScanEvent> trail = soldTrail(1);
      StreamingDetector plain = fresh();
      streamInCalls(plain, trail, 1);
      StreamingDetector retried = fresh();
      for (ScanEvent event : trail.subList(0, 9)) {
        retried.scoreArrivals(List.of(event));
        retried.scoreArrivals(List.of(event));
      }
      retried.scoreArrivals(List.of(trail.get(9), trail.get(9)));
      retried.scoreArrivals(trail.subList(0, 5));

      assertThat(retried.bufferedTrails()).as("trails after the retries").isEqualTo(plain.bufferedTrails());
      ScanEvent next = scanAfterSale(trail);
      assertThat(row(retried.scoreArrivals(List.of(next)), 0)).as("next arrival: %s", describe(next))
          .containsExactly(row(plain.scoreArrivals(List.of(next)), 0));
    }
  }

  @Nested
  @DisplayName("Handing trails over")
  class Handover {

    @Test
    @DisplayName("bufferedTrails holds each EPC's arrivals in arrival order, also when scans arrive out of time order")
    void bufferedTrailsHoldTheArrivals() {
      List<ScanEvent> first = soldTrail(1).subList(0, 6);
      List<ScanEvent> newestFirst = new ArrayList<>(soldTrail(2).subList(0, 4));
      Collections.reverse(newestFirst);
      List<ScanEvent> single = soldTrail(3).subList(0, 1);
      StreamingDetector detector = fresh();

      detector.scoreArrivals(interleave(first, newestFirst));
      detector.scoreArrivals(single);

      assertThat(detector.bufferedTrails()).isEqualTo(Map.of(epc(1), first, epc(2), newestFirst, epc(3), single));
    }

    @Test
    @DisplayName("bufferedTrails is a read-only copy in JDK types (it crosses class loaders) that later arrivals leave as it was")
    void bufferedTrailsIsASnapshot() {
      List<ScanEvent> trail = soldTrail(1);
      StreamingDetector detector = fresh();
      detector.scoreArrivals(trail.subList(0, 4));

      Map<String, List<ScanEvent>> snapshot = detector.bufferedTrails();
      Map<String, List<ScanEvent>> copy = deepCopy(snapshot);
      detector.scoreArrivals(trail.subList(4, 8));
      detector.scoreArrivals(soldTrail(2).subList(0, 1));

      assertThat(snapshot).as("the snapshot after later arrivals").isEqualTo(copy);
      assertThat(snapshot.getClass().getName()).as("the map's class").startsWith("java.");
      List<ScanEvent> events = snapshot.get(epc(1));
      assertThat(events.getClass().getName()).as("a trail's class").startsWith("java.");
      assertThatThrownBy(() -> snapshot.put(epc(2), List.of())).as("putting into the snapshot")
          .isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> events.add(trail.get(8))).as("adding to a trail of the snapshot")
          .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    @DisplayName("an instance that adopted another's bufferedTrails holds the same trails and scores the next arrivals, retries included, as the original")
    void adoptedTrailsScoreAsTheOriginal() {
      List<ScanEvent> inTransit = fastTrip(1);
      List<ScanEvent> sold = soldTrail(2);
      StreamingDetector original = fresh();
      original.scoreArrivals(interleave(inTransit.subList(0, 3), sold));

      StreamingDetector successor = fresh();
      successor.adoptTrails(original.bufferedTrails());

      assertThat(successor.bufferedTrails()).as("adopted trails").isEqualTo(original.bufferedTrails());
      List<ScanEvent> next = new ArrayList<>(inTransit.subList(3, inTransit.size()));
      next.add(scanAfterSale(sold));
      next.add(sold.get(1));
      for (ScanEvent event : next) {
        assertThat(row(successor.scoreArrivals(List.of(event)), 0)).as("next arrival %s", describe(event))
            .containsExactly(row(original.scoreArrivals(List.of(event)), 0));
      }
      assertThat(successor.bufferedTrails()).as("trails after the next arrivals").isEqualTo(original.bufferedTrails());
    }

    @Test
    @DisplayName("an EPC the adopting instance already buffers keeps its own events; the other EPCs are adopted")
    void ownEventsWinOverAdoptedOnes() {
      List<ScanEvent> first = soldTrail(1);
      List<ScanEvent> second = soldTrail(2);
      StreamingDetector original = fresh();
      original.scoreArrivals(first.subList(0, 5));
      original.scoreArrivals(second.subList(0, 3));
      StreamingDetector successor = fresh();
      successor.scoreArrivals(first.subList(5, 7));

      successor.adoptTrails(original.bufferedTrails());

      assertThat(successor.bufferedTrails())
          .isEqualTo(Map.of(epc(1), first.subList(5, 7), epc(2), second.subList(0, 3)));
    }

    @Test
    @DisplayName("adoptTrails leaves the map it is handed as it was, also after later arrivals")
    void adoptionLeavesTheHandedTrailsAlone() {
      List<ScanEvent> first = soldTrail(1);
      List<ScanEvent> second = soldTrail(2);
      Map<String, List<ScanEvent>> handed = new HashMap<>();
      handed.put(epc(1), new ArrayList<>(first.subList(0, 4)));
      handed.put(epc(2), new ArrayList<>(second.subList(0, 2)));
      Map<String, List<ScanEvent>> copy = deepCopy(handed);
      StreamingDetector successor = fresh();

      successor.adoptTrails(handed);
      successor.scoreArrivals(List.of(first.get(4), second.get(2)));

      assertThat(handed).isEqualTo(copy);
    }

    @Test
    @DisplayName("adopted trails are held to the adopting instance's bounds as if their events had arrived there")
    void adoptionKeepsTheBounds() {
      StreamingBounds small = StreamingBounds.ROOMY.withMaxEpcs(SMALL_MAX_EPCS).withMaxEventsPerEpc(SMALL_MAX_EVENTS);
      List<ScanEvent> trail = soldTrail(1);
      StreamingDetector arrived = fresh(small);
      streamInCalls(arrived, trail, 1);
      StreamingDetector adopting = fresh(small);

      adopting.adoptTrails(Map.of(epc(1), trail));
      assertThat(adopting.bufferedTrails().get(epc(1))).as("a 10-event trail adopted within %d events per EPC",
          SMALL_MAX_EVENTS).isEqualTo(arrived.bufferedTrails().get(epc(1)));

      Map<String, List<ScanEvent>> many = new HashMap<>();
      for (int serial = 100; serial < 100 + MANY_EPCS; serial++) {
        many.put(epc(serial), soldTrail(serial).subList(0, 2));
      }
      adopting.adoptTrails(many);
      assertThat(adopting.bufferedTrails()).as("EPCs after adopting %d within %d", MANY_EPCS, SMALL_MAX_EPCS)
          .hasSizeLessThanOrEqualTo(SMALL_MAX_EPCS);
    }
  }

  @Nested
  @DisplayName("Bounds")
  class Bounds {

    @Test
    @DisplayName("an EPC keeps at most maxEventsPerEpc events, its most recent ones, in arrival order")
    void keepsTheRecentEventsOfAnEpc() {
      List<ScanEvent> trail = soldTrail(1);
      StreamingDetector detector = fresh(StreamingBounds.ROOMY.withMaxEventsPerEpc(SMALL_MAX_EVENTS));
      streamInCalls(detector, trail, 1);

      List<ScanEvent> kept = detector.bufferedTrails().get(epc(1));
      assertThat(kept).as("events kept of a 10-event trail within %d", SMALL_MAX_EVENTS)
          .isNotEmpty().hasSizeLessThanOrEqualTo(SMALL_MAX_EVENTS);
      assertThat(kept).as("the most recent arrivals")
          .isEqualTo(trail.subList(trail.size() - kept.size(), trail.size()));
    }

    @Test
    @DisplayName("at most maxEpcs EPCs stay buffered, and a forgotten EPC's next arrival is a cold start")
    void keepsAtMostMaxEpcs() {
      StreamingDetector detector = fresh(StreamingBounds.ROOMY.withMaxEpcs(SMALL_MAX_EPCS));
      for (int serial = 1; serial <= MANY_EPCS; serial++) {
        detector.scoreArrivals(soldTrail(serial));
      }

      Map<String, List<ScanEvent>> buffered = detector.bufferedTrails();
      assertThat(buffered).as("EPCs buffered of %d sent, within %d", MANY_EPCS, SMALL_MAX_EPCS)
          .isNotEmpty().hasSizeLessThanOrEqualTo(SMALL_MAX_EPCS);
      assertThat(detector.bufferedEpcs()).as("bufferedEpcs()").isEqualTo(buffered.size());
      int forgotten = IntStream.rangeClosed(1, MANY_EPCS).filter(serial -> !buffered.containsKey(epc(serial)))
          .findFirst().orElseThrow();
      ScanEvent next = scanAfterSale(soldTrail(forgotten));
      assertThat(row(detector.scoreArrivals(List.of(next)), 0))
          .as("next arrival of a forgotten EPC: %s", describe(next))
          .containsExactly(row(fresh().scoreArrivals(List.of(next)), 0));
    }

    @Test
    @DisplayName("an EPC with no arrival for idleTimeout is forgotten, its next arrival a cold start, while one with a later arrival is kept")
    void forgetsIdleEpcs() {
      Duration idle = StreamingBounds.ROOMY.idleTimeout();
      List<ScanEvent> idleTrail = fastTrip(1);
      List<ScanEvent> active = soldTrail(2).subList(0, 8);
      StreamingDetector detector = fresh();
      detector.scoreArrivals(idleTrail.subList(0, 3));
      detector.scoreArrivals(active.subList(0, 4));
      clock.advance(idle.minus(Duration.ofDays(1)));
      detector.scoreArrivals(active.subList(4, 8));

      clock.advance(Duration.ofDays(1).minus(MARGIN));
      assertThat(detector.bufferedTrails()).as("%s short of the idle timeout", MARGIN).containsOnlyKeys(epc(1), epc(2));
      clock.advance(MARGIN.multipliedBy(2));
      assertThat(detector.bufferedTrails()).as("%s past the idle timeout", MARGIN).isEqualTo(Map.of(epc(2), active));

      ScanEvent next = idleTrail.get(3);
      assertThat(row(detector.scoreArrivals(List.of(next)), 0)).as("next arrival of an idle EPC: %s", describe(next))
          .containsExactly(row(fresh().scoreArrivals(List.of(next)), 0));
    }

    @Test
    @DisplayName("bufferedEpcs counts the EPCs with buffered events: 0, then one per EPC, not again for retries or further events")
    void countsBufferedEpcs() {
      StreamingDetector detector = fresh();
      assertThat(detector.bufferedEpcs()).as("a fresh detector").isZero();

      detector.scoreArrivals(interleave(soldTrail(1).subList(0, 3), soldTrail(2).subList(0, 2)));
      detector.scoreArrivals(soldTrail(3).subList(0, 1));
      assertThat(detector.bufferedEpcs()).as("after arrivals of three EPCs").isEqualTo(3);

      detector.scoreArrivals(soldTrail(1).subList(0, 5));
      assertThat(detector.bufferedEpcs()).as("after retries and further events of one of them").isEqualTo(3);
    }
  }

  @Nested
  @DisplayName("A sale")
  class Sale {

    @Test
    @DisplayName("a sold EPC is watched for saleWatch: until then it stays buffered and a scan after the sale is reported evtOrderErr")
    void watchesASale() {
      List<ScanEvent> trail = soldTrail(1);
      StreamingDetector detector = fresh();
      streamInCalls(detector, trail, 1);

      clock.advance(StreamingBounds.ROOMY.saleWatch().minus(MARGIN));

      assertThat(detector.bufferedTrails()).as("%s short of the sale watch", MARGIN).isEqualTo(Map.of(epc(1), trail));
      ScanEvent afterSale = scanAfterSale(trail);
      assertReported(detector, detector.scoreArrivals(List.of(afterSale)), afterSale, AnomalyType.EVT_ORDER_ERR);
    }

    @Test
    @DisplayName("after saleWatch a sold EPC is forgotten, its next scan a cold start, while an unsold EPC idle as long is kept")
    void forgetsASaleAfterTheWatch() {
      List<ScanEvent> sold = soldTrail(1);
      List<ScanEvent> unsold = soldTrail(2).subList(0, 9);
      StreamingDetector detector = fresh();
      streamInCalls(detector, sold, 1);
      streamInCalls(detector, unsold, 1);

      clock.advance(StreamingBounds.ROOMY.saleWatch().plus(MARGIN));

      assertThat(detector.bufferedTrails()).as("%s past the sale watch", MARGIN).isEqualTo(Map.of(epc(2), unsold));
      ScanEvent afterSale = scanAfterSale(sold);
      assertThat(row(detector.scoreArrivals(List.of(afterSale)), 0))
          .as("a scan after the watch: %s", describe(afterSale))
          .containsExactly(row(fresh().scoreArrivals(List.of(afterSale)), 0));
    }
  }

  @Nested
  @DisplayName("Batch scoring")
  class BatchScoring {

    @Test
    @DisplayName("score() neither reads nor changes the buffers: it scores as a fresh instance, and the next arrival is scored as if it had not run")
    void batchScoringLeavesTheBuffersAlone() {
      List<ScanEvent> trail = soldTrail(1);
      ScanEvent afterSale = scanAfterSale(trail);
      StreamingDetector scoring = fresh();
      streamInCalls(scoring, trail, 1);
      StreamingDetector plain = fresh();
      streamInCalls(plain, trail, 1);
      Map<String, List<ScanEvent>> before = scoring.bufferedTrails();

      List<ScanEvent> batch = new ArrayList<>(List.of(afterSale));
      batch.addAll(fastTrip(2));
      ScoreTable scores = scoring.score(batch);

      ScoreTable unbuffered = fresh().score(batch);
      for (int i = 0; i < batch.size(); i++) {
        assertThat(row(scores, i)).as("score() of %s", describe(batch.get(i))).containsExactly(row(unbuffered, i));
      }
      assertThat(scoring.bufferedTrails()).as("trails after score()").isEqualTo(before);
      assertThat(row(scoring.scoreArrivals(List.of(afterSale)), 0)).as("next arrival %s", describe(afterSale))
          .containsExactly(row(plain.scoreArrivals(List.of(afterSale)), 0));
    }
  }

  @Nested
  @DisplayName("Thread safety")
  class ThreadSafety {

    @Test
    @DisplayName("arrivals of one EPC from concurrent calls are each buffered once and scored with the arrivals buffered before them")
    void concurrentArrivalsOfOneEpc() throws Exception {
      List<ScanEvent> trail = withScanAfterSale(fastTrip(1));
      StreamingDetector detector = fresh();
      Map<Long, float[]> concurrent = scoreConcurrently(detector, trail);

      List<ScanEvent> order = detector.bufferedTrails().get(epc(1));
      assertThat(order).as("arrivals buffered from %d concurrent calls", trail.size())
          .containsExactlyInAnyOrderElementsOf(trail);
      StreamingDetector replay = fresh();
      for (ScanEvent event : order) {
        assertThat(concurrent.get(event.eventId())).as("%s, against the buffered order replayed", describe(event))
            .containsExactly(row(replay.scoreArrivals(List.of(event)), 0));
      }
    }

    /** One call per event, all released at once; each event's scores. */
    private Map<Long, float[]> scoreConcurrently(StreamingDetector detector, List<ScanEvent> events) throws Exception {
      ExecutorService pool = Executors.newFixedThreadPool(events.size());
      try {
        CountDownLatch start = new CountDownLatch(1);
        Map<Long, Future<float[]>> calls = new LinkedHashMap<>();
        for (ScanEvent event : events) {
          calls.put(event.eventId(), pool.submit(() -> {
            if (!start.await(1, TimeUnit.MINUTES)) {
              throw new IllegalStateException("the kit never released the concurrent calls");
            }
            return row(detector.scoreArrivals(List.of(event)), 0);
          }));
        }
        start.countDown();
        Map<Long, float[]> scores = new HashMap<>();
        for (Map.Entry<Long, Future<float[]>> call : calls.entrySet()) {
          scores.put(call.getKey(), call.getValue().get(1, TimeUnit.MINUTES));
        }
        return scores;
      } finally {
        pool.shutdownNow();
      }
    }
  }

  /** A well-formed EPC of the sample's lot, told apart by {@code serial}. */
  private static String epc(int serial) {
    return KitTrails.SAMPLE_EPC.substring(0, 36) + String.format("%09d", serial);
  }

  /**
   * The sample's complete trail (factory to {@code POS_Sell}, 10 events) under EPC
   * {@code epc(serial)}, event ids {@code 100 * serial + 1} to {@code + 10}.
   */
  private static List<ScanEvent> soldTrail(int serial) {
    List<ScanEvent> trail = new ArrayList<>();
    for (ScanEvent event : SAMPLE_TRAIL) {
      trail.add(new ScanEvent(100L * serial + event.eventId(), event.fileId(), epc(serial), event.locationId(),
          event.businessStep(), event.eventType(), event.eventTime(), event.manufactureTime()));
    }
    return List.copyOf(trail);
  }

  /** {@link #soldTrail} with its hub arrival (4th event) two minutes after the warehouse departure: a jump. */
  private static List<ScanEvent> fastTrip(int serial) {
    List<ScanEvent> trail = new ArrayList<>(soldTrail(serial));
    ScanEvent hub = trail.get(3);
    trail.set(3, new ScanEvent(hub.eventId(), hub.fileId(), hub.epcCode(), hub.locationId(), hub.businessStep(),
        hub.eventType(), trail.get(2).eventTime().plus(Duration.ofMinutes(2)), hub.manufactureTime()));
    return List.copyOf(trail);
  }

  /** A stock outbound at the shop two days after the sold trail's sale: an order error only the sale shows. */
  private static ScanEvent scanAfterSale(List<ScanEvent> soldTrail) {
    ScanEvent sale = soldTrail.get(soldTrail.size() - 1);
    return new ScanEvent(sale.eventId() + 50, sale.fileId(), sale.epcCode(), sale.locationId(),
        EventType.R_STOCK_OUTBOUND.step().dataName(), EventType.R_STOCK_OUTBOUND.dataName(),
        sale.eventTime().plus(Duration.ofDays(2)), sale.manufactureTime());
  }

  private static List<ScanEvent> withScanAfterSale(List<ScanEvent> soldTrail) {
    List<ScanEvent> events = new ArrayList<>(soldTrail);
    events.add(scanAfterSale(soldTrail));
    return events;
  }

  /** {@code first} and {@code second} alternating, the longer one's rest at the end. */
  private static List<ScanEvent> interleave(List<ScanEvent> first, List<ScanEvent> second) {
    List<ScanEvent> events = new ArrayList<>();
    for (int i = 0; i < Math.max(first.size(), second.size()); i++) {
      if (i < first.size()) {
        events.add(first.get(i));
      }
      if (i < second.size()) {
        events.add(second.get(i));
      }
    }
    return events;
  }

  /** Calls of {@code events}: the first event of every EPC, then the second of every EPC, and so on. */
  private static List<List<ScanEvent>> steps(List<ScanEvent> events) {
    Map<String, List<ScanEvent>> byEpc = new LinkedHashMap<>();
    events.forEach(event -> byEpc.computeIfAbsent(event.epcCode(), epc -> new ArrayList<>()).add(event));
    List<List<ScanEvent>> calls = new ArrayList<>();
    for (List<ScanEvent> trail : byEpc.values()) {
      for (int step = 0; step < trail.size(); step++) {
        if (calls.size() == step) {
          calls.add(new ArrayList<>());
        }
        calls.get(step).add(trail.get(step));
      }
    }
    return calls;
  }

  /** Streams {@code events} in calls of {@code perCall} events; each event's scores, by id. */
  private static Map<Long, float[]> streamInCalls(StreamingDetector detector, List<ScanEvent> events, int perCall) {
    Map<Long, float[]> scores = new HashMap<>();
    for (int from = 0; from < events.size(); from += perCall) {
      List<ScanEvent> call = events.subList(from, Math.min(events.size(), from + perCall));
      scores.putAll(byId(call, detector.scoreArrivals(call)));
    }
    return scores;
  }

  private static Map<Long, float[]> byId(List<ScanEvent> events, ScoreTable scores) {
    assertThat(scores.size()).as("rows for a call of %d arrivals", events.size()).isEqualTo(events.size());
    Map<Long, float[]> rows = new HashMap<>();
    for (int i = 0; i < events.size(); i++) {
      rows.put(events.get(i).eventId(), row(scores, i));
    }
    return rows;
  }

  private static float[] row(ScoreTable scores, int index) {
    float[] row = new float[AnomalyType.COUNT];
    for (AnomalyType type : AnomalyType.values()) {
      row[type.ordinal()] = scores.get(index, type);
    }
    return row;
  }

  private static Map<String, List<ScanEvent>> deepCopy(Map<String, List<ScanEvent>> trails) {
    Map<String, List<ScanEvent>> copy = new HashMap<>();
    trails.forEach((epc, events) -> copy.put(epc, List.copyOf(events)));
    return copy;
  }

  private static void assertReported(StreamingDetector detector, ScoreTable scores, ScanEvent event, AnomalyType type) {
    float score = scores.get(0, type);
    assertThat(detector.thresholds().reports(type, score)).as("%s reported %s (score %.1f, threshold %.1f)",
        describe(event), type.contractName(), score, detector.thresholds().get(type)).isTrue();
  }

  private static String describe(ScanEvent event) {
    return "event " + event.eventId() + " (" + event.epcCode() + " " + event.eventType() + " at location "
        + event.locationId() + ", " + event.eventTime() + ")";
  }
}
