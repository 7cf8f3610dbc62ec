package org.barcodeanomaly.lstm.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.barcodeanomaly.api.detector.ScoreTable;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.event.EventType;
import org.barcodeanomaly.api.event.ScanEvent;
import org.barcodeanomaly.features.TrailBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@link LstmDetector#scoreArrivals} with the bundled model: each event is judged with its EPC's
 * earlier arrivals, as batch mode judges that prefix, however the arrivals are split into calls.
 * Every test streams EPCs of its own, so the detector's buffers can be shared.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("LstmDetector streaming (bundled model)")
class LstmStreamingTest {

  private static final Instant T0 = Instant.parse("2025-07-01T10:23:38Z");

  private LstmDetector detector;

  @BeforeAll
  void load() {
    detector = BundledModel.detector();
  }

  @AfterAll
  void close() {
    detector.close();
  }

  /** A well-formed EPC of the ICN factory, told apart by its serial. */
  private static String epc(int serial) {
    return "001.8805843.2932031.010001.20250701." + String.format("%09d", serial);
  }

  /** A normal ICN trail: factory 1, warehouse 5, hub 13, wholesaler 23, retailer 53, sold. */
  private static List<ScanEvent> trail(String epc) {
    return new TrailBuilder().epc(epc).firstId(0).manufactured(T0)
        .at(T0, 1, EventType.AGGREGATION).at(hours(1), 5, EventType.WMS_INBOUND)
        .at(hours(100), 5, EventType.WMS_OUTBOUND).at(hours(105), 13, EventType.HUB_INBOUND)
        .at(hours(250), 13, EventType.HUB_OUTBOUND).at(hours(258), 23, EventType.W_STOCK_INBOUND)
        .at(hours(400), 23, EventType.W_STOCK_OUTBOUND).at(hours(406), 53, EventType.R_STOCK_INBOUND)
        .at(hours(480), 53, EventType.R_STOCK_OUTBOUND).at(hours(550), 53, EventType.POS_SELL).events();
  }

  private static ScanEvent event(String epc, int id, int location, String step, String type, long hours) {
    return new TrailBuilder().epc(epc).firstId(id).manufactured(T0).raw(hours(hours), location, step, type)
        .events().get(0);
  }

  private static Instant hours(long hours) {
    return T0.plusSeconds(3600 * hours);
  }

  private static float[] row(ScoreTable table, int index) {
    float[] scores = new float[AnomalyType.COUNT];
    for (AnomalyType type : AnomalyType.values()) {
      scores[type.ordinal()] = table.get(index, type);
    }
    return scores;
  }

  @Test
  @DisplayName("each event arriving on its own gets the score batch mode gives its trail prefix")
  void arrivalScoredAsItsPrefix() {
    List<ScanEvent> trail = trail(epc(77));
    for (int i = 0; i < trail.size(); i++) {
      ScoreTable streamed = detector.scoreArrivals(List.of(trail.get(i)));
      ScoreTable batch = detector.score(trail.subList(0, i + 1));
      assertThat(row(streamed, 0)).as("event %d", i).containsExactly(row(batch, i));
    }
  }

  @Test
  @DisplayName("events of a trail longer than the network's sequence length score as in batch mode, which cuts it into windows")
  void arrivalsBeyondTheSequenceLength() {
    String epc = epc(84);
    List<ScanEvent> trail = new ArrayList<>(trail(epc).subList(0, 9));
    trail.add(event(epc, 10, 53, "Retailer", "R_Stock_Inbound", 500));
    trail.add(event(epc, 11, 53, "Retailer", "R_Stock_Outbound", 520));
    trail.add(event(epc, 12, 53, "Retailer", "R_Stock_Inbound", 540));
    assertThat(trail.size()).isGreaterThan(detector.spec().maxLength());

    ScoreTable streamed = detector.scoreArrivals(trail);

    for (int i = 0; i < trail.size(); i++) {
      assertThat(row(streamed, i)).as("event %d", i)
          .containsExactly(row(detector.score(trail.subList(0, i + 1)), i));
    }
  }

  private static List<ScanEvent> interleaved(List<ScanEvent> first, List<ScanEvent> second) {
    List<ScanEvent> arrivals = new ArrayList<>();
    for (int i = 0; i < first.size(); i++) {
      arrivals.add(first.get(i));
      arrivals.add(second.get(i));
    }
    return arrivals;
  }

  @Test
  @DisplayName("two interleaved trails sent one event per call score as when all their events come in one call")
  void oneCallEqualsOneEventPerCall() {
    List<ScanEvent> arrivals = interleaved(trail(epc(78)), trail(epc(79)));
    List<float[]> oneByOne = new ArrayList<>();
    for (ScanEvent event : arrivals) {
      oneByOne.add(row(detector.scoreArrivals(List.of(event)), 0));
    }

    ScoreTable together = detector.scoreArrivals(interleaved(trail(epc(178)), trail(epc(179))));

    assertThat(together.size()).isEqualTo(arrivals.size());
    for (int i = 0; i < arrivals.size(); i++) {
      assertThat(row(together, i)).as("arrival %d", i).containsExactly(oneByOne.get(i));
    }
  }

  @Test
  @DisplayName("POS_Sell is scored with its history, and a scan 2 h after the sale is judged with it: reported evtOrderErr as in batch mode")
  void scanAfterSaleIsReported() {
    String epc = epc(80);
    List<ScanEvent> trail = new ArrayList<>(trail(epc));
    detector.scoreArrivals(trail.subList(0, 9));

    ScoreTable sale = detector.scoreArrivals(List.of(trail.get(9)));
    ScanEvent afterSale = event(epc, 10, 53, "Retailer", "R_Stock_Outbound", 552);
    float streamed = detector.scoreArrivals(List.of(afterSale)).get(0, AnomalyType.EVT_ORDER_ERR);

    assertThat(row(sale, 0)).containsExactly(row(detector.score(trail), 9));
    trail.add(afterSale);
    assertThat(streamed).isEqualTo(detector.score(trail).get(trail.size() - 1, AnomalyType.EVT_ORDER_ERR));
    assertThat(detector.thresholds().reports(AnomalyType.EVT_ORDER_ERR, streamed)).as("score %s", streamed).isTrue();
  }

  @Test
  @DisplayName("a request sent again (a retry after a timeout) gets the same scores and leaves the buffers as they were")
  void retriedRequestIsIdempotent() {
    List<ScanEvent> trail = trail(epc(85));
    ScoreTable first = detector.scoreArrivals(trail.subList(0, 4));

    ScoreTable again = detector.scoreArrivals(trail.subList(0, 4));

    for (int i = 0; i < 4; i++) {
      assertThat(row(again, i)).as("event %d", i).containsExactly(row(first, i));
    }
    assertThat(detector.bufferedEvents(epc(85))).isEqualTo(4);
  }

  @Test
  @DisplayName("a read at another location in the same second as a read buffered by an earlier call is reported epcDup; the same event alone is not")
  void historyFromAnEarlierCallChangesTheVerdict() {
    String epc = epc(81);
    ScanEvent hub = new ScanEvent(3, 1, epc, 13, "Logistics_HUB", "HUB_Inbound", T0.plusSeconds(3600), T0);
    detector.scoreArrivals(List.of(event(epc, 1, 1, "Factory", "Aggregation", 0),
        event(epc, 2, 5, "WMS", "WMS_Inbound", 1)));

    float streamed = detector.scoreArrivals(List.of(hub)).get(0, AnomalyType.EPC_DUP);
    float alone = detector.score(List.of(hub)).get(0, AnomalyType.EPC_DUP);

    assertThat(detector.thresholds().reports(AnomalyType.EPC_DUP, streamed)).as("streamed %s", streamed).isTrue();
    assertThat(detector.thresholds().reports(AnomalyType.EPC_DUP, alone)).as("alone %s", alone).isFalse();
  }

  @Test
  @DisplayName("an outbound whose inbound arrived in an earlier call scores its own evtOrderErr lower than the outbound alone")
  void outboundAfterItsInbound() {
    List<ScanEvent> trail = trail(epc(82));
    ScanEvent outbound = trail.get(2);
    detector.scoreArrivals(trail.subList(0, 2));

    float streamed = detector.scoreArrivals(List.of(outbound)).get(0, AnomalyType.EVT_ORDER_ERR);
    float alone = detector.score(List.of(outbound)).get(0, AnomalyType.EVT_ORDER_ERR);

    assertThat(streamed).isEqualTo(detector.score(trail.subList(0, 3)).get(2, AnomalyType.EVT_ORDER_ERR));
    assertThat(streamed).isLessThan(alone);
  }

  @Test
  @DisplayName("more arrivals than one ONNX Runtime run holds are all scored, as batch mode scores the same single events")
  void arrivalsBeyondOneRun() {
    List<ScanEvent> events = NormalEvents.singleAggregations(LstmDetector.TRAILS_PER_RUN + 10);

    ScoreTable streamed = detector.scoreArrivals(events);
    ScoreTable batch = detector.score(events);

    assertThat(streamed.size()).isEqualTo(events.size());
    for (int i = 0; i < events.size(); i++) {
      assertThat(row(streamed, i)).as("event %d", i).containsExactly(row(batch, i));
    }
  }

  @Test
  @DisplayName("the buffers keep at most lstm.stream.maxEpcs EPCs and the last lstm.stream.maxEventsPerEpc events of each")
  void boundsEvict() {
    try (LstmDetector bounded = BundledModel.detector(Map.of(
        StreamingOptions.MAX_EPCS, "10", StreamingOptions.MAX_EVENTS_PER_EPC, "3"))) {
      List<ScanEvent> trail = trail(epc(83));
      ScoreTable streamed = bounded.scoreArrivals(trail.subList(0, 6));

      assertThat(bounded.bufferedEvents(epc(83))).isEqualTo(3);
      assertThat(row(streamed, 5)).as("scored with the last three events only")
          .containsExactly(row(bounded.score(trail.subList(3, 6)), 2));

      bounded.scoreArrivals(NormalEvents.singleAggregations(50));
      assertThat(bounded.bufferedEpcs()).isEqualTo(10);
    }
  }

  @Test
  @DisplayName("a fresh detector that adopted another's buffered trails scores the next arrivals exactly as the original does")
  void adoptedTrailsScoreAsTheOriginal() {
    List<ScanEvent> first = trail(epc(86));
    List<ScanEvent> second = trail(epc(87));
    detector.scoreArrivals(interleaved(first.subList(0, 4), second.subList(0, 4)));
    List<ScanEvent> next = interleaved(first.subList(4, 10), second.subList(4, 10));

    try (LstmDetector fresh = BundledModel.detector()) {
      fresh.adoptTrails(detector.bufferedTrails());
      ScoreTable adopted = fresh.scoreArrivals(next);
      ScoreTable original = detector.scoreArrivals(next);

      assertThat(fresh.bufferedEvents(epc(86))).isEqualTo(10);
      for (int i = 0; i < next.size(); i++) {
        assertThat(row(adopted, i)).as("arrival %d", i).containsExactly(row(original, i));
      }
    }
  }

  @Test
  @DisplayName("adopted trails are held to the adopting detector's lstm.stream.maxEpcs and lstm.stream.maxEventsPerEpc")
  void adoptionKeepsTheBounds() {
    List<ScanEvent> trail = trail(epc(88));
    detector.scoreArrivals(trail.subList(0, 6));
    detector.scoreArrivals(NormalEvents.singleAggregations(50));
    assertThat(detector.bufferedTrails().size()).isGreaterThan(10);

    try (LstmDetector bounded = BundledModel.detector(Map.of(
        StreamingOptions.MAX_EPCS, "10", StreamingOptions.MAX_EVENTS_PER_EPC, "3"))) {
      bounded.adoptTrails(Map.of(epc(88), detector.bufferedTrails().get(epc(88))));
      assertThat(bounded.bufferedEvents(epc(88))).isEqualTo(3);
      assertThat(row(bounded.scoreArrivals(trail.subList(6, 7)), 0)).as("scored with the last three events only")
          .containsExactly(row(bounded.score(trail.subList(4, 7)), 2));

      bounded.adoptTrails(detector.bufferedTrails());
      assertThat(bounded.bufferedEpcs()).isEqualTo(10);
    }
  }
}
