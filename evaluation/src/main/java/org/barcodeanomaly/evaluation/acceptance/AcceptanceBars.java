package org.barcodeanomaly.evaluation.acceptance;

/**
 * The figures a detector must reach on the reference trails to be accepted: the bars of
 * {@link DetectorAcceptanceKit}, one set per detector.
 *
 * @param minTypeAuc             lowest ROC-AUC of any one type
 * @param minMacroAuc            lowest mean ROC-AUC over the five types
 * @param maxFalseAlertsPerMillion most events of anomaly-free EPCs reported (for any type), per
 *     million such events
 * @param maxMissedReadLocErr    most locErr reports on the events of missed-read trails (a visit
 *     lost in a blind zone: not fraud)
 */
public record AcceptanceBars(double minTypeAuc, double minMacroAuc, double maxFalseAlertsPerMillion,
    int maxMissedReadLocErr) {

  /** Checks the ranges. */
  public AcceptanceBars {
    if (!(minTypeAuc >= 0 && minTypeAuc <= 1) || !(minMacroAuc >= 0 && minMacroAuc <= 1)) {
      throw new IllegalArgumentException("AUC bars must be in [0, 1], were " + minTypeAuc + " and "
          + minMacroAuc);
    }
    if (!(maxFalseAlertsPerMillion >= 0) || maxMissedReadLocErr < 0) {
      throw new IllegalArgumentException("false-alert bars must be >= 0, were "
          + maxFalseAlertsPerMillion + " and " + maxMissedReadLocErr);
    }
  }
}
