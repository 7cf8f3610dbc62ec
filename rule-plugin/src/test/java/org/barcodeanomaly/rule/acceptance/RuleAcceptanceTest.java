package org.barcodeanomaly.rule.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import org.barcodeanomaly.api.detector.Detector;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.evaluation.acceptance.AcceptanceBars;
import org.barcodeanomaly.evaluation.acceptance.DetectorAcceptanceKit;
import org.barcodeanomaly.rule.RuleDetector;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The rule detector on the independent reference trails: every type ranked with ROC-AUC of at
 * least 0.99, at most 100 false alerts per million events of anomaly-free EPCs, and no locErr on
 * missed-read trails, where the plain tier rule reports them.
 */
class RuleAcceptanceTest extends DetectorAcceptanceKit {

  @Override
  protected Detector openDetector() {
    return new RuleDetector();
  }

  @Override
  protected AcceptanceBars bars() {
    return AcceptanceBars.operatorGrade();
  }

  @Test
  @DisplayName("on missed-read trails the time tolerance is what keeps locErr away: the tier rule alone reports them")
  void missedReadsAreToldApartByTime() {
    RuleDetector tierRuleOnly = TierRuleOnly.detector();
    int withoutTolerance = batch().reportedOnMissedReads(tierRuleOnly.score(batch().events()),
        tierRuleOnly.thresholds(), AnomalyType.LOC_ERR);

    System.out.printf("missed-read trails (%d events): tier rule alone reports locErr on %d%n",
        batch().missedReadEvents(), withoutTolerance);
    assertThat(withoutTolerance).isGreaterThan(100);
  }
}
