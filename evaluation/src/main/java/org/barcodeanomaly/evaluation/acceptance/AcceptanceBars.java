package org.barcodeanomaly.evaluation.acceptance;

/**
 * The figures a detector must reach on the reference trails to be accepted: the bars of
 * {@link DetectorAcceptanceKit}, one set per detector. The operating-point bars (false alerts,
 * recall per variant, reports on normal variation) judge the detector as an operator lives with
 * it, at its own thresholds; the AUC bars judge its ranking.
 *
 * @param minTypeAuc               lowest ROC-AUC of any one type
 * @param minMacroAuc              lowest mean ROC-AUC over the five types
 * @param maxFalseAlertsPerMillion most events of anomaly-free EPCs reported (for any type), per
 *     million such events
 * @param maxMissedReadLocErr      most locErr reports on the events of missed-read trails (a visit
 *     lost in a blind zone: not fraud)
 * @param minVariantRecall         lowest share of a variant's labelled (event, type) pairs reported
 * @param maxNoiseReports          most reports on the events of anomaly-free EPCs that carry one kind
 *     of normal variation (duplicate reads, slow legs, long dwells, skewed clocks, missed visits)
 */
public record AcceptanceBars(double minTypeAuc, double minMacroAuc, double maxFalseAlertsPerMillion,
    int maxMissedReadLocErr, double minVariantRecall, int maxNoiseReports) {

  /** Checks the ranges. */
  public AcceptanceBars {
    if (!(minTypeAuc >= 0 && minTypeAuc <= 1) || !(minMacroAuc >= 0 && minMacroAuc <= 1)
        || !(minVariantRecall >= 0 && minVariantRecall <= 1)) {
      throw new IllegalArgumentException("AUC and recall bars must be in [0, 1], were " + minTypeAuc
          + ", " + minMacroAuc + " and " + minVariantRecall);
    }
    if (!(maxFalseAlertsPerMillion >= 0) || maxMissedReadLocErr < 0 || maxNoiseReports < 0) {
      throw new IllegalArgumentException("false-alert bars must be >= 0, were "
          + maxFalseAlertsPerMillion + ", " + maxMissedReadLocErr + " and " + maxNoiseReports);
    }
  }

  /**
   * The product's bars for every detector (issue 12): ROC-AUC of at least 0.99 for every type, at
   * most 100 false alerts per million events of anomaly-free EPCs, recall of at least 0.95 for
   * every variant, and no duplicate read, slow leg, long dwell, skewed-clock scan or missed visit
   * reported.
   */
  public static AcceptanceBars operatorGrade() {
    return new AcceptanceBars(0.99, 0.99, 100, 0, 0.95, 0);
  }
}
