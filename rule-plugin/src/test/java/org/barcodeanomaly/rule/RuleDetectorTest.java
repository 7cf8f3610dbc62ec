package org.barcodeanomaly.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.barcodeanomaly.api.detector.Detector;
import org.barcodeanomaly.api.detector.DetectorOptions;
import org.barcodeanomaly.api.detector.DetectorProvider;
import org.barcodeanomaly.api.detector.DetectorUnavailableException;
import org.barcodeanomaly.api.detector.ScoreTable;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.event.ScanEvent;
import org.barcodeanomaly.evaluation.reference.ReferenceTrails;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RuleDetectorTest {

  private final RuleDetector detector = new RuleDetector();

  @Test
  @DisplayName("The real reference trail (10 events) and its neighbour score 0 for every type")
  void referenceTrailIsNormal() {
    List<ScanEvent> events = ReferenceSample.events();

    ScoreTable scores = detector.score(events);

    assertThat(scores.size()).isEqualTo(13);
    for (int i = 0; i < scores.size(); i++) {
      for (AnomalyType type : AnomalyType.values()) {
        assertThat(scores.get(i, type)).as("event %d %s", i + 1, type.contractName()).isZero();
      }
    }
  }

  @Test
  @DisplayName("Rows of the score table follow the input order, however the input is shuffled")
  void rowsFollowInputOrder() {
    List<ScanEvent> events = new ArrayList<>(Scans.referenceToWholesaler()
        .scan(25, "W_Stock_Inbound", "2025-09-18 01:00:00").events());
    Collections.shuffle(events, new Random(7));

    ScoreTable scores = detector.score(events);

    for (int i = 0; i < events.size(); i++) {
      float expected = events.get(i).locationId() == 25 ? 85f : 0f;
      assertThat(scores.get(i, AnomalyType.LOC_ERR)).isEqualTo(expected);
    }
  }

  @Test
  @DisplayName("An exact re-read gets the scores of its first read")
  void reReadSharesScores() {
    float[] scores = Scans.referenceToWholesaler()
        .scan(25, "W_Stock_Inbound", "2025-09-18 01:00:00")
        .scan(25, "W_Stock_Inbound", "2025-09-18 01:00:00")
        .scores(AnomalyType.LOC_ERR);

    assertThat(scores).endsWith(85f, 85f);
  }

  @Test
  @DisplayName("An empty batch gives an empty table; a null element is rejected by its index")
  void emptyAndNull() {
    assertThat(detector.score(List.of()).size()).isZero();
    List<ScanEvent> withNull = new ArrayList<>(Scans.referenceToWholesaler().events());
    withNull.add(2, null);

    assertThatThrownBy(() -> detector.score(withNull))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("events[2] is null");
  }

  @Test
  @DisplayName("The detector is named rule, versioned and reports at the documented thresholds")
  void identityAndThresholds() {
    assertThat(detector.name()).isEqualTo("rule");
    assertThat(detector.version()).isEqualTo("rule-1.0");
    assertThat(detector.thresholds().toMap()).containsExactlyInAnyOrderEntriesOf(Map.of(
        AnomalyType.EPC_FAKE, 10.0, AnomalyType.EPC_DUP, 50.0, AnomalyType.LOC_ERR, 50.0,
        AnomalyType.EVT_ORDER_ERR, 50.0, AnomalyType.JUMP, 50.0));
  }

  @Test
  @DisplayName("The provider is found by ServiceLoader and reads rule.* settings")
  void providerReadsSettings() throws DetectorUnavailableException {
    DetectorProvider provider = ServiceLoader.load(DetectorProvider.class).stream()
        .map(ServiceLoader.Provider::get)
        .filter(candidate -> candidate.name().equals("rule"))
        .findFirst().orElseThrow();

    Detector configured = provider.create(new DetectorOptions()
        .setSetting("rule.threshold.jump", "70")
        .setSetting("rule.jump.clockSkewMinutes", "0"));

    List<ScanEvent> trip = Scans.trail()
        .scan(5, "WMS_Outbound", "2025-07-29 16:00:00")
        .scan(13, "HUB_Inbound", "2025-07-29 16:50:15")
        .events();
    assertThat(configured.score(trip).get(1, AnomalyType.JUMP))
        .as("a trip of 0.75 x the fastest: a hint under the default skew, a jump with exact clocks")
        .isEqualTo(70f);
    assertThat(configured.thresholds().get(AnomalyType.JUMP)).isEqualTo(70f);
    assertThat(configured.thresholds().get(AnomalyType.LOC_ERR)).isEqualTo(50f);
  }

  @Test
  @DisplayName("A malformed or out-of-range setting makes the detector unavailable, naming key and value")
  void badSettings() {
    RuleDetectorProvider provider = new RuleDetectorProvider();

    assertThatThrownBy(() -> provider.create(new DetectorOptions().setSetting("rule.jump.clockSkewMinutes", "-1.5")))
        .isInstanceOf(DetectorUnavailableException.class)
        .hasMessageContaining("rule.jump.clockSkewMinutes").hasMessageContaining("-1.5");
    assertThatThrownBy(() -> provider.create(new DetectorOptions().setSetting("rule.threshold.locErr", "high")))
        .isInstanceOf(DetectorUnavailableException.class)
        .hasMessageContaining("rule.threshold.locErr").hasMessageContaining("'high'");
    assertThatThrownBy(() -> provider.create(new DetectorOptions().setSetting("rule.locErr.missedReadGapHours", "-2")))
        .isInstanceOf(DetectorUnavailableException.class)
        .hasMessageContaining("rule.locErr.missedReadGapHours").hasMessageContaining("-2");
  }

  @Test
  @DisplayName("Exact clocks (no skew allowance) report trips the default leaves as hints")
  void clockSkewOption() {
    RuleDetector wide = new RuleDetector(new RuleDetectorOptions().setClockSkewMinutes(0));
    List<ScanEvent> events = Scans.trail()
        .scan(5, "WMS_Outbound", "2025-07-29 16:00:00")
        .scan(13, "HUB_Inbound", "2025-07-29 16:50:15")
        .events();

    assertThat(detector.score(events).get(1, AnomalyType.JUMP)).isEqualTo(22.333334f);
    assertThat(wide.score(events).get(1, AnomalyType.JUMP)).isEqualTo(70f);
  }

  @Test
  @DisplayName("One detector scores from several threads at once with the same results as from one")
  void threadSafe() throws Exception {
    List<ScanEvent> events = new ReferenceTrails(3).generate(2_000, 0.3).events();
    ScoreTable expected = detector.score(events);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<ScoreTable>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(pool.submit(() -> detector.score(events)));
      }
      for (Future<ScoreTable> result : results) {
        ScoreTable actual = result.get(1, TimeUnit.MINUTES);
        for (int i = 0; i < events.size(); i++) {
          for (AnomalyType type : AnomalyType.values()) {
            assertThat(actual.get(i, type)).isEqualTo(expected.get(i, type));
          }
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @DisplayName("The first generation's made-up vocabulary is scored as findings, not rejected")
  void legacyVocabulary() {
    Scans legacy = Scans.trail().epc("001.8804823.0000003.000001.20241201.000000001")
        .scan(1, "Factory", "Outbound", "2024-12-01 08:00:00")
        .scan(2, "WMS", "Inbound", "2024-12-01 10:00:00")
        .scan(4, "Retailer", "Inbound", "2024-12-01 10:00:00");

    // Unowned product and lot prefix "00" of no factory: 60 + 60, capped.
    assertThat(legacy.scores(AnomalyType.EPC_FAKE)).containsExactly(100f, 100f, 100f);
    assertThat(legacy.scores(AnomalyType.EPC_DUP)).containsExactly(0f, 80f, 80f);
    // Factory to factory is lateral; "Retailer" is no business step.
    assertThat(legacy.scores(AnomalyType.LOC_ERR)).containsExactly(0f, 85f, 75f);
    assertThat(legacy.scores(AnomalyType.EVT_ORDER_ERR)).containsExactly(90f, 90f, 90f);
    assertThat(legacy.scores(AnomalyType.JUMP)).containsExactly(0f, 0f, 0f);
  }
}
