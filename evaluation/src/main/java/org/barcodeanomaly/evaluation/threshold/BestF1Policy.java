package org.barcodeanomaly.evaluation.threshold;

import org.barcodeanomaly.evaluation.metrics.ThresholdMetrics;

/**
 * The validation score that maximises F1 (ties go to the higher threshold, which reports fewer
 * events), kept within [{@code floor}, 100]; {@code fallback} for a type without positives. The
 * SVM detector's policy: its calibrated scores separate the classes, and the best F1 sits at the
 * edge of the normal scores.
 *
 * @param floor    the lowest threshold: a score of 0 is never reported
 * @param fallback the threshold of a type that validation cannot judge
 */
public record BestF1Policy(double floor, double fallback) implements ThresholdPolicy {

  /** The SVM's floor. */
  public static final double DEFAULT_FLOOR = 0.01;

  /** Checks the bounds. */
  public BestF1Policy {
    if (!(floor > 0 && floor <= 100) || !(fallback > 0 && fallback <= 100)) {
      throw new IllegalArgumentException("floor and fallback must be in (0, 100], were " + floor
          + " and " + fallback);
    }
  }

  /** Floor {@value #DEFAULT_FLOOR}, fallback 50. */
  public static BestF1Policy standard() {
    return new BestF1Policy(DEFAULT_FLOOR, 50);
  }

  @Override
  public String name() {
    return "best-f1";
  }

  @Override
  public String description() {
    return "best F1 on validation (ties: higher threshold), at least " + floor;
  }

  @Override
  public double threshold(double[] scores, boolean[] positive) {
    ThresholdMetrics.AtThreshold best = ThresholdMetrics.bestF1(scores, positive);
    return best == null ? fallback : Math.min(100, Math.max(floor, best.threshold()));
  }
}
