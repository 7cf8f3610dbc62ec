package org.barcodeanomaly.evaluation.acceptance;

import java.util.Map;
import java.util.TreeMap;

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
 * @param knownShortfalls          variants held to a lower recall bar than {@code minVariantRecall},
 *     each with the bar it must still reach and why: a gap the product documents and has not closed
 *     yet stays visible in the test (and cannot widen unnoticed) instead of being dropped from it
 */
public record AcceptanceBars(double minTypeAuc, double minMacroAuc, double maxFalseAlertsPerMillion,
    int maxMissedReadLocErr, double minVariantRecall, int maxNoiseReports,
    Map<String, KnownShortfall> knownShortfalls) {

  /**
   * A variant the detector is known to miss more often than the bar allows.
   *
   * @param minRecall the recall it must still reach
   * @param why       the cause, and where it is documented
   */
  public record KnownShortfall(double minRecall, String why) {
  }

  /** Checks the ranges; copies the shortfalls. */
  public AcceptanceBars {
    knownShortfalls = Map.copyOf(knownShortfalls);
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
    return new AcceptanceBars(0.99, 0.99, 100, 0, 0.95, 0, Map.of());
  }

  /** These bars, with {@code variant} held to {@code minRecall} instead, for the reason given. */
  public AcceptanceBars withKnownShortfall(String variant, double minRecall, String why) {
    Map<String, KnownShortfall> shortfalls = new TreeMap<>(knownShortfalls);
    shortfalls.put(variant, new KnownShortfall(minRecall, why));
    return new AcceptanceBars(minTypeAuc, minMacroAuc, maxFalseAlertsPerMillion, maxMissedReadLocErr,
        minVariantRecall, maxNoiseReports, shortfalls);
  }

  /** The recall bar of {@code variant}: its known shortfall's, else {@link #minVariantRecall()}. */
  public double recallBarOf(String variant) {
    KnownShortfall shortfall = knownShortfalls.get(variant);
    return shortfall == null ? minVariantRecall : shortfall.minRecall();
  }
}
