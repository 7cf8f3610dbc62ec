package org.barcodeanomaly.lstm.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.barcodeanomaly.api.event.ScanEvent;
import org.barcodeanomaly.api.explain.Explanation;
import org.barcodeanomaly.api.explain.TypeEvidence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The LSTM's occlusion explanations are of the served network's own numbers, for any bundled model. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OcclusionExplanationTest {

  private static final Instant START = Instant.parse("2025-07-01T10:34:17Z");
  private LstmDetector detector;

  @BeforeAll
  void open() {
    detector = BundledModel.detector();
  }

  @AfterAll
  void close() {
    detector.close();
  }

  /** Trails whose hub arrival comes {@code minutes} after the warehouse departure, one EPC each. */
  private static List<ScanEvent> fastTrips(int... minutes) {
    List<ScanEvent> events = new ArrayList<>();
    for (int t = 0; t < minutes.length; t++) {
      String epc = String.format("001.8804823.1293291.010004.20250701.%09d", 7_000 + t);
      Instant departure = START.plus(Duration.ofDays(28));
      long id = 100L * t;
      events.add(new ScanEvent(id + 1, 1, epc, 1, "Factory", "Aggregation", START));
      events.add(new ScanEvent(id + 2, 1, epc, 5, "WMS", "WMS_Inbound", START.plus(Duration.ofMinutes(28))));
      events.add(new ScanEvent(id + 3, 1, epc, 5, "WMS", "WMS_Outbound", departure));
      events.add(new ScanEvent(id + 4, 1, epc, 13, "Logistics_HUB", "HUB_Inbound",
          departure.plus(Duration.ofMinutes(minutes[t]))));
    }
    return events;
  }

  @Test
  @DisplayName("the explained value is the score the detector served, and the event and feature lists cover the window and the model spec's features")
  void explainsTheServedScore() {
    List<ScanEvent> events = fastTrips(2, 5, 9);
    List<Explanation> explanations = detector.explain(events);
    assertThat(explanations).as("fast trips the bundled LSTM reports").isNotEmpty();
    for (Explanation explanation : explanations) {
      for (TypeEvidence evidence : explanation.types()) {
        assertThat(evidence.value()).as("explained value of %s", evidence.type())
            .isCloseTo(evidence.score(), offset(0.01));
        assertThat(evidence.events()).hasSize(4);
        assertThat(evidence.features()).hasSize(detector.spec().featureCount());
      }
    }
  }
}
