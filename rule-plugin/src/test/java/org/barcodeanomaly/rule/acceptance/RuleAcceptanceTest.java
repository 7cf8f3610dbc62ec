package org.barcodeanomaly.rule.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import org.barcodeanomaly.api.detector.ScoreTable;
import org.barcodeanomaly.api.detector.Thresholds;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.rule.RuleDetector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The acceptance figures of the rule detector on {@link ReferenceTrails}: 5,000 EPCs, 30 % of
 * them with one injected anomaly, the rest with deployment noise only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RuleAcceptanceTest {

  private static final int EPCS = 5_000;
  private static final double ANOMALOUS_SHARE = 0.3;
  private static final long SEED = 20_251_201L;
  private static final double MIN_AUC = 0.95;
  private static final double MAX_NORMAL_REPORT_RATE = 0.001;

  private LabelledBatch batch;
  private ScoreTable scores;
  private Thresholds thresholds;
  private final Map<AnomalyType, String> figures = new EnumMap<>(AnomalyType.class);

  @BeforeAll
  void scoreGeneratedBatch() {
    batch = new ReferenceTrails(SEED).generate(EPCS, ANOMALOUS_SHARE);
    RuleDetector detector = new RuleDetector();
    scores = detector.score(batch.events());
    thresholds = detector.thresholds();
  }

  @ParameterizedTest
  @EnumSource(AnomalyType.class)
  @DisplayName("Each type ranks its labelled events above the others: ROC-AUC >= 0.95")
  void rocAuc(AnomalyType type) {
    float[] column = new float[batch.size()];
    boolean[] positive = new boolean[batch.size()];
    int positives = 0;
    for (int i = 0; i < batch.size(); i++) {
      column[i] = scores.get(i, type);
      positive[i] = batch.labels().get(i).contains(type);
      positives += positive[i] ? 1 : 0;
    }

    double auc = RocAuc.of(column, positive);

    System.out.printf("acceptance %-12s positives %5d of %6d events  ROC-AUC %.4f%n",
        type.contractName(), positives, batch.size(), auc);
    assertThat(positives).isGreaterThan(100);
    assertThat(auc).isGreaterThanOrEqualTo(MIN_AUC);
  }

  @ParameterizedTest
  @EnumSource(AnomalyType.class)
  @DisplayName("At most 0.1 % of the events of anomaly-free (noisy) trails are reported for any type")
  void normalTrailsAreNotReported(AnomalyType type) {
    int normalEvents = 0;
    int reported = 0;
    for (int i = 0; i < batch.size(); i++) {
      if (batch.anomalyFree()[i]) {
        normalEvents++;
        reported += thresholds.reports(type, scores.get(i, type)) ? 1 : 0;
      }
    }

    double rate = (double) reported / normalEvents;
    System.out.printf("acceptance %-12s reported %3d of %6d anomaly-free events (%.4f %%)%n",
        type.contractName(), reported, normalEvents, 100 * rate);
    assertThat(normalEvents).isGreaterThan(10_000);
    assertThat(rate).isLessThanOrEqualTo(MAX_NORMAL_REPORT_RATE);
  }

  @Test
  @DisplayName("On missed-read trails the time tolerance reports no locErr, where the tier rule alone reports them")
  void missedReadsAreToldApartByTime() {
    RuleDetector tierRuleOnly = TierRuleOnly.detector();

    int withTolerance = batch.reportedOnMissedReads(scores, thresholds, AnomalyType.LOC_ERR);
    int withoutTolerance = batch.reportedOnMissedReads(tierRuleOnly.score(batch.events()),
        tierRuleOnly.thresholds(), AnomalyType.LOC_ERR);

    System.out.printf("missed-read trails (%d events): false locErr %d, tier rule alone %d%n",
        batch.missedReadEvents(), withTolerance, withoutTolerance);
    assertThat(batch.missedReadEvents()).isGreaterThan(500);
    assertThat(withoutTolerance).isGreaterThan(100);
    assertThat(withTolerance).isZero();
  }
}
