package org.barcodeanomaly.lstm.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.barcodeanomaly.api.detector.ScoreTable;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.event.ScanEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * EPCs with a single event (no history in the request) are scored by the same network and
 * thresholds: normal first scans are never reported (the first generation gave every short trail
 * a fixed "jump 20"), while a single event whose own content is impossible still is.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ColdStartTest {

  private LstmDetector detector;

  @BeforeAll
  void load() {
    detector = BundledModel.detector();
  }

  @AfterAll
  void close() {
    detector.close();
  }

  @Test
  @DisplayName("400 normal single-event EPCs: zero reports for every type")
  void normalSingleEventsAreNotReported() {
    List<ScanEvent> events = NormalEvents.singleAggregations(400);
    ScoreTable scores = detector.score(events);
    for (AnomalyType type : AnomalyType.values()) {
      int reported = 0;
      for (int i = 0; i < events.size(); i++) {
        reported += detector.thresholds().reports(type, scores.get(i, type)) ? 1 : 0;
      }
      assertThat(reported).as(type.contractName()).isZero();
    }
  }

  @Test
  @DisplayName("a single event of a malformed EPC passes the epcFake threshold on its own evidence")
  void singleFakeIsReported() {
    ScanEvent normal = NormalEvents.singleAggregations(1).get(0);
    ScanEvent fake = new ScanEvent(1, 1, "001.8805843.2932031.X", normal.locationId(),
        normal.businessStep(), normal.eventType(), normal.eventTime(), normal.manufactureTime());
    ScoreTable scores = detector.score(List.of(fake));
    assertThat(detector.thresholds().reports(AnomalyType.EPC_FAKE, scores.get(0, AnomalyType.EPC_FAKE)))
        .isTrue();
  }
}
