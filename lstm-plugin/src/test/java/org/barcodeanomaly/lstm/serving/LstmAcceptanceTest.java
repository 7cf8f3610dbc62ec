package org.barcodeanomaly.lstm.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.barcodeanomaly.api.detector.Detector;
import org.barcodeanomaly.api.detector.ScoreTable;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.evaluation.acceptance.AcceptanceBars;
import org.barcodeanomaly.evaluation.acceptance.DetectorAcceptanceKit;
import org.barcodeanomaly.rule.RuleDetector;
import org.barcodeanomaly.rule.acceptance.TierRuleOnly;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The bundled LSTM on trails that the product's simulator did not make (evaluation's independent
 * reference trails: reference network, injected anomalies, blind zones, re-reads, clock skew,
 * late arrival), held to the LSTM's bars of the acceptance kit, beside the rule detector.
 *
 * <p>Missed reads: the rule detector tells a blind zone from a skipped-tier fraud with a fixed
 * time tolerance (a skipped tier slower than 12 h) and reports none of them; the plain tier rule
 * of docs/spec/ANOMALIES.md reports them all. The network was never given that tolerance; it has
 * to learn the difference from time alone, and must do at least as well as the hand-set rule.
 */
class LstmAcceptanceTest extends DetectorAcceptanceKit {

  @Override
  protected Detector openDetector() throws Exception {
    return BundledModel.detector();
  }

  /**
   * The operator-grade bars, lowered only where the bundled model (2026-11-25, trained before issue
   * 12's variation-proof features, variants and thresholds) is known to fall short, each at about
   * what it reaches, so that none can widen unnoticed. The retrained model that closes all but one
   * of these is not bundled yet (lstm-plugin/README.md, Training, "State"); when it is, these go.
   */
  static final String WHY = "bundled model of 2026-11-25, trained before issue 12 (lstm-plugin/README.md, "
      + "Training, State)";

  @Override
  protected AcceptanceBars bars() {
    AcceptanceBars operatorGrade = AcceptanceBars.operatorGrade();
    return new AcceptanceBars(0.85, 0.95, 4_000, operatorGrade.maxMissedReadLocErr(),
        operatorGrade.minVariantRecall(), 130, Map.of())
        .withKnownShortfall("fake-date-invalid", 0.0, "never in its training data; " + WHY)
        .withKnownShortfall("fake-date-old", 0.0, "never in its training data; " + WHY)
        .withKnownShortfall("loc-lateral", 0.0, "never in its training data; " + WHY)
        .withKnownShortfall("jump-backwards-first-leg", 0.0, "never in its training data; " + WHY)
        .withKnownShortfall("fake-manufacture-after-scan", 0.90, WHY)
        .withKnownShortfall("jump-far-minutes-later", 0.70, WHY)
        .withKnownShortfall("loc-backward", 0.60, WHY)
        .withKnownShortfall("loc-skipped-tier-one-leg", 0.78, WHY)
        .withKnownShortfall("order-type-of-another-step", 0.85, WHY);
  }

  @Test
  @DisplayName("on missed-read trails it reports fewer false locErr than the tier rule alone, and no more than the rule detector")
  void fewerFalseLocationErrorsOnMissedReads() {
    RuleDetector tierRuleOnly = TierRuleOnly.detector();
    RuleDetector rules = new RuleDetector();
    ScoreTable rule = rules.score(batch().events());
    int lstmFalse = batch().reportedOnMissedReads(scores(), thresholds(), AnomalyType.LOC_ERR);
    int ruleFalse = batch().reportedOnMissedReads(rule, rules.thresholds(), AnomalyType.LOC_ERR);
    int tierRuleFalse = batch().reportedOnMissedReads(tierRuleOnly.score(batch().events()),
        tierRuleOnly.thresholds(), AnomalyType.LOC_ERR);

    System.out.printf("missed-read trails (%d events), false locErr: lstm %d, rule detector %d, "
        + "tier rule alone %d%n", batch().missedReadEvents(), lstmFalse, ruleFalse, tierRuleFalse);
    assertThat(lstmFalse).isLessThan(tierRuleFalse).isLessThanOrEqualTo(ruleFalse);
  }
}
