package org.barcodeanomaly.evaluation;

import org.barcodeanomaly.api.event.AnomalyType;

/**
 * The metrics of one anomaly type.
 *
 * @param type             the type
 * @param positives        events labelled anomalous for it
 * @param negatives        events labelled normal for it
 * @param rocAuc           ROC-AUC, NaN when a class is empty
 * @param averagePrecision average precision, NaN without a positive
 * @param threshold        the reporting threshold applied (score at or above it is reported)
 * @param truePositives    anomalous and reported
 * @param falsePositives   normal and reported
 * @param falseNegatives   anomalous and not reported
 * @param trueNegatives    normal and not reported
 */
public record TypeResult(AnomalyType type, long positives, long negatives, double rocAuc,
    double averagePrecision, double threshold, long truePositives, long falsePositives,
    long falseNegatives, long trueNegatives) {

  /** Reported events that are anomalous; 0 when nothing is reported. */
  public double precision() {
    return ratio(truePositives, truePositives + falsePositives);
  }

  /** Anomalous events that are reported; 0 when there is no anomalous event. */
  public double recall() {
    return ratio(truePositives, truePositives + falseNegatives);
  }

  /** Harmonic mean of precision and recall; 0 when both are 0. */
  public double f1() {
    return f1(precision(), recall());
  }

  static double f1(double precision, double recall) {
    return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
  }

  static double ratio(long part, long whole) {
    return whole == 0 ? 0 : (double) part / whole;
  }
}
