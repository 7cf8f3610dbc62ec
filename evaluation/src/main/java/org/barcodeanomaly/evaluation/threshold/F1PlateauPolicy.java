package org.barcodeanomaly.evaluation.threshold;

import java.util.Arrays;

/**
 * Chooses each type's reporting threshold on the validation split: the middle of the range of
 * scores (at least {@code floor}) that maximise F1, raised to the
 * {@value #NORMAL_QUANTILE} quantile of the normal events' scores (docs/spec/ANOMALIES.md: no normal trail
 * may be flagged, so at most 1 in 1,000 normal validation events may pass), so a weak score never
 * reports (the first generation's fixed "jump 20" on every short trail is the failure this
 * prevents).
 *
 * <p>A type without positives in the validation split keeps {@code fallback}. The LSTM detector's
 * policy: its scores rise gradually, and a threshold in the middle of the plateau keeps a margin
 * on both sides.
 *
 * @param floor    the lowest threshold
 * @param fallback the threshold of a type that validation cannot judge
 */
public record F1PlateauPolicy(double floor, double fallback) implements ThresholdPolicy {

  /** Share of normal validation events a threshold must stay above. */
  static final double NORMAL_QUANTILE = 0.999;

  /** Checks the bounds. */
  public F1PlateauPolicy {
    if (!(floor >= 0 && floor < 100) || !(fallback > 0 && fallback <= 100)) {
      throw new IllegalArgumentException("floor must be in [0, 100) and fallback in (0, 100], were "
          + floor + " and " + fallback);
    }
  }

  /** The LSTM's: floor 5, fallback 50. */
  public static F1PlateauPolicy standard() {
    return new F1PlateauPolicy(5, 50);
  }

  @Override
  public String name() {
    return "f1-plateau-above-normal-quantile";
  }

  @Override
  public String description() {
    return "the middle of the best-F1 plateau on validation (1,000 steps from " + floor + " to 100), "
        + "raised to the " + NORMAL_QUANTILE * 100 + " % quantile of normal validation scores + 0.1";
  }

  private static double f1(double[] scores, boolean[] positive, long positives, double threshold) {
    long tp = 0;
    long fp = 0;
    for (int i = 0; i < scores.length; i++) {
      if (scores[i] >= threshold) {
        if (positive[i]) {
          tp++;
        } else {
          fp++;
        }
      }
    }
    return 2.0 * tp / (2.0 * tp + fp + (positives - tp));
  }

  private static double normalQuantile(double[] scores, boolean[] positive) {
    double[] normal = new double[scores.length];
    int n = 0;
    for (int i = 0; i < scores.length; i++) {
      if (!positive[i]) {
        normal[n++] = scores[i];
      }
    }
    if (n == 0) {
      return 0;
    }
    double[] sorted = Arrays.copyOf(normal, n);
    Arrays.sort(sorted);
    return sorted[Math.min(n - 1, (int) Math.ceil(NORMAL_QUANTILE * n))] + 0.1;
  }

  @Override
  public double threshold(double[] scores, boolean[] positive) {
    long positives = 0;
    for (boolean p : positive) {
      positives += p ? 1 : 0;
    }
    if (positives == 0) {
      return fallback;
    }
    double bestF1 = -1;
    double plateauLow = fallback;
    double plateauHigh = fallback;
    boolean onPlateau = false;
    for (int step = 0; step <= 1000; step++) {
      double threshold = floor + (100 - floor) * step / 1000.0;
      double f1 = f1(scores, positive, positives, threshold);
      if (f1 > bestF1 + 1e-12) {
        bestF1 = f1;
        plateauLow = threshold;
        plateauHigh = threshold;
        onPlateau = true;
      } else if (onPlateau && f1 >= bestF1 - 1e-12) {
        plateauHigh = threshold;
      } else {
        onPlateau = false;
      }
    }
    // The middle of the best-F1 plateau: when validation separates the classes, this keeps a
    // margin on both sides instead of sitting just above the highest normal score.
    double bestThreshold = (plateauLow + plateauHigh) / 2;
    double normalCeiling = normalQuantile(scores, positive);
    return Math.max(floor, Math.min(100, Math.max(bestThreshold, normalCeiling)));
  }
}
