package org.barcodeanomaly.lstm.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.barcodeanomaly.api.detector.ScoreTable;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.event.ScanEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LstmStreamTest {

  private static final String EPC = "001.8805843.2932031.010001.20250701.000000077";
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

  /** A normal ICN trail: factory 1, warehouse 5, hub 13, wholesaler 23, retailer 53. */
  private static List<ScanEvent> trail() {
    Object[][] steps = {
        {1, "Factory", "Aggregation", 0L}, {5, "WMS", "WMS_Inbound", 1L}, {5, "WMS", "WMS_Outbound", 100L},
        {13, "Logistics_HUB", "HUB_Inbound", 105L}, {13, "Logistics_HUB", "HUB_Outbound", 250L},
        {23, "Wholesaler", "W_Stock_Inbound", 258L}, {23, "Wholesaler", "W_Stock_Outbound", 400L},
        {53, "Retailer", "R_Stock_Inbound", 406L}, {53, "Retailer", "R_Stock_Outbound", 480L},
        {53, "Retailer", "POS_Sell", 550L}};
    List<ScanEvent> events = new ArrayList<>();
    for (int i = 0; i < steps.length; i++) {
      events.add(new ScanEvent(i, 1, EPC, (int) steps[i][0], (String) steps[i][1], (String) steps[i][2],
          T0.plusSeconds(3600 * (long) steps[i][3]), T0));
    }
    return events;
  }

  @Test
  @DisplayName("each streamed event gets the score its trail prefix gets in batch mode")
  void streamedEqualsPrefix() {
    LstmStream stream = new LstmStream(detector, StreamingOptions.defaults());
    List<ScanEvent> trail = trail();
    for (int i = 0; i < trail.size(); i++) {
      float[] streamed = stream.accept(trail.get(i));
      ScoreTable batch = detector.score(trail.subList(0, i + 1));
      for (AnomalyType type : AnomalyType.values()) {
        assertThat(streamed[type.ordinal()]).as("event %d %s", i, type).isEqualTo(batch.get(i, type));
      }
    }
  }

  @Test
  @DisplayName("POS_Sell ends the trail: its buffer is released")
  void saleReleasesBuffer() {
    LstmStream stream = new LstmStream(detector, StreamingOptions.defaults());
    List<ScanEvent> trail = trail();
    for (ScanEvent event : trail.subList(0, 9)) {
      stream.accept(event);
    }
    assertThat(stream.bufferedEvents(EPC)).isEqualTo(9);
    stream.accept(trail.get(9));
    assertThat(stream.bufferedEvents(EPC)).isZero();
  }

  @Test
  @DisplayName("the buffer holds at most maxEpcs EPCs and maxEventsPerEpc events each")
  void bounded() {
    LstmStream stream = new LstmStream(detector, new StreamingOptions(10, Duration.ofDays(1), 3));
    for (ScanEvent event : NormalEvents.singleAggregations(50)) {
      stream.accept(event);
    }
    assertThat(stream.bufferedEpcs()).isLessThanOrEqualTo(10);
    for (ScanEvent event : trail().subList(0, 6)) {
      stream.accept(event);
    }
    assertThat(stream.bufferedEvents(EPC)).isEqualTo(3);
  }
}
