package org.barcodeanomaly.rule.acceptance;

import org.barcodeanomaly.evaluation.reference.ReferenceTrails;
import org.barcodeanomaly.rule.RuleDetector;
import org.barcodeanomaly.rule.RuleDetectorOptions;

/**
 * The rule detector without its missed-read time tolerance: every skipped tier is scored as the
 * plain tier rule of docs/spec/ANOMALIES.md says ("a skipped tier is wrong"), however long the gap.
 *
 * <p>It is the peer that shows what telling missed reads apart by time is worth: on the blind-zone
 * trails of {@link ReferenceTrails} it reports locErr where the full rule detector and a learned
 * detector should not. Public for the other detectors' acceptance tests.
 */
public final class TierRuleOnly {

  /** A missed-read gap no trail reaches (100 years). */
  static final double GAP_HOURS = 24.0 * 365 * 100;

  private TierRuleOnly() {
  }

  /** A rule detector whose missed-read gap is never reached. */
  public static RuleDetector detector() {
    return new RuleDetector(new RuleDetectorOptions().setMissedReadGapHours(GAP_HOURS));
  }
}
