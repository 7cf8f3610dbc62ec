package org.barcodeanomaly.lstm.serving;

import static org.assertj.core.api.Assertions.assertThat;

import org.barcodeanomaly.api.detector.ScoreTable;
import org.barcodeanomaly.api.detector.Thresholds;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.rule.RuleDetector;
import org.barcodeanomaly.rule.acceptance.LabelledBatch;
import org.barcodeanomaly.rule.acceptance.ReferenceTrails;
import org.barcodeanomaly.rule.acceptance.RocAuc;
import org.barcodeanomaly.rule.acceptance.TierRuleOnly;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The bundled LSTM on trails that the product's simulator did not make (rule-plugin's
 * independent {@link ReferenceTrails}: reference network, injected anomalies, blind zones,
 * re-reads, clock skew, late arrival), beside the rule detector on the same events.
 *
 * <p>Missed reads: the rule detector tells a blind zone from a skipped-tier fraud with a fixed
 * time tolerance (a skipped tier slower than 12 h) and reports none of them; the plain tier rule
 * of docs/spec/ANOMALIES.md reports them all. The network was never given that tolerance; it has to learn
 * the difference from time alone, and must do at least as well as the hand-set rule.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LstmAcceptanceTest {

  private static final int EPCS = 5_000;
  private static final double ANOMALOUS_SHARE = 0.3;
  private static final long SEED = 20_251_201L;

  private LabelledBatch batch;
  private ScoreTable lstm;
  private Thresholds lstmThresholds;
  private ScoreTable rule;
  private Thresholds ruleThresholds;

  @BeforeAll
  void score() {
    batch = new ReferenceTrails(SEED).generate(EPCS, ANOMALOUS_SHARE);
    try (LstmDetector detector = BundledModel.detector()) {
      lstm = detector.score(batch.events());
      lstmThresholds = detector.thresholds();
    }
    RuleDetector ruleDetector = new RuleDetector();
    rule = ruleDetector.score(batch.events());
    ruleThresholds = ruleDetector.thresholds();
  }

  @AfterAll
  void release() {
    batch = null;
  }

  @Test
  @DisplayName("macro ROC-AUC over the five types is at least 0.95")
  void macroAuc() {
    double sum = 0;
    for (AnomalyType type : AnomalyType.values()) {
      float[] column = new float[batch.size()];
      boolean[] positive = new boolean[batch.size()];
      for (int i = 0; i < batch.size(); i++) {
        column[i] = lstm.get(i, type);
        positive[i] = batch.labels().get(i).contains(type);
      }
      double auc = RocAuc.of(column, positive);
      System.out.printf("lstm acceptance %-12s ROC-AUC %.4f%n", type.contractName(), auc);
      sum += auc;
    }
    double macro = sum / AnomalyType.COUNT;
    System.out.printf("lstm acceptance macro ROC-AUC %.4f%n", macro);
    assertThat(macro).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  @DisplayName("on missed-read trails it reports fewer false locErr than the tier rule alone, and no more than the rule detector")
  void fewerFalseLocationErrorsOnMissedReads() {
    RuleDetector tierRuleOnly = TierRuleOnly.detector();
    int lstmFalse = batch.reportedOnMissedReads(lstm, lstmThresholds, AnomalyType.LOC_ERR);
    int ruleFalse = batch.reportedOnMissedReads(rule, ruleThresholds, AnomalyType.LOC_ERR);
    int tierRuleFalse = batch.reportedOnMissedReads(tierRuleOnly.score(batch.events()),
        tierRuleOnly.thresholds(), AnomalyType.LOC_ERR);

    System.out.printf("missed-read trails (%d events), false locErr: lstm %d, rule detector %d, "
        + "tier rule alone %d%n", batch.missedReadEvents(), lstmFalse, ruleFalse, tierRuleFalse);
    assertThat(batch.missedReadEvents()).isGreaterThan(500);
    assertThat(lstmFalse).isLessThan(tierRuleFalse).isLessThanOrEqualTo(ruleFalse);
  }
}
