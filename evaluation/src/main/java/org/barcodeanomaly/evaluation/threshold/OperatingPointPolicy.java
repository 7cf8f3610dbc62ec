package org.barcodeanomaly.evaluation.threshold;

import java.util.Arrays;
import java.util.Locale;

/**
 * Chooses each type's threshold for the operator's operating point: no alert on normal traffic,
 * and as few anomalies missed as that allows. A best-F1 threshold counts the anomaly's unlabelled
 * neighbours (events of the same trail that a learned model also scores high) as false positives,
 * so it climbs above the weaker anomalies: the LSTM's F1-plateau thresholds (33 to 64) missed one
 * in five fast arrivals that scored ten times higher than any event of an anomaly-free trail.
 *
 * <p>The threshold is {@code max(lower, min(plateau, recallThreshold))}:
 * <ul>
 *   <li>{@code lower} = max(floor, {@code normalMargin} × the {@value #NORMAL_QUANTILE} quantile of
 *       the scores of events of anomaly-free validation trails): a margin over what normal traffic
 *       does, short of the one event in ten thousand (100 per million, the operator's false-alert
 *       budget) that a quantile leaves out, so one odd normal event cannot push a type's
 *       threshold to 100;</li>
 *   <li>{@code plateau}: the middle of the range of thresholds with the best validation F1;</li>
 *   <li>{@code recallThreshold}: the highest threshold at which validation recall is still at least
 *       {@code recallTarget}.</li>
 * </ul>
 * So the threshold drops below the F1 plateau only as far as recall needs, and never to within
 * the margin of normal traffic. Without the anomaly-free mask, every negative event counts as
 * normal traffic (the margin is then over the anomalies' neighbours too).
 *
 * @param floor        the lowest threshold
 * @param fallback     the threshold of a type that validation cannot judge (no positives)
 * @param recallTarget the validation recall the threshold must keep, when the margin allows
 * @param normalMargin factor over the highest anomaly-free score
 */
public record OperatingPointPolicy(double floor, double fallback, double recallTarget, double normalMargin)
    implements ThresholdPolicy {

  /** Share of anomaly-free validation events the margin is taken over. */
  static final double NORMAL_QUANTILE = 0.9999;
  private static final int STEPS = 1000;

  /** Checks the bounds. */
  public OperatingPointPolicy {
    if (!(floor >= 0 && floor < 100) || !(fallback > 0 && fallback <= 100)) {
      throw new IllegalArgumentException("floor must be in [0, 100) and fallback in (0, 100], were "
          + floor + " and " + fallback);
    }
    if (!(recallTarget > 0 && recallTarget <= 1) || !(normalMargin >= 1)) {
      throw new IllegalArgumentException("recallTarget must be in (0, 1] and normalMargin at least 1, were "
          + recallTarget + " and " + normalMargin);
    }
  }

  /** The LSTM's: floor 5, fallback 50, recall target 0.99, twice the anomaly-free scores' 0.9999 quantile. */
  public static OperatingPointPolicy standard() {
    return new OperatingPointPolicy(5, 50, 0.99, 2);
  }

  @Override
  public String name() {
    return "operating-point";
  }

  @Override
  public String description() {
    return String.format(Locale.ROOT, "on validation: the middle of the best-F1 plateau, lowered while recall "
        + "stays >= %.2f, never below %.0f x the %s quantile of the scores of anomaly-free trails' events (nor %.0f)",
        recallTarget, normalMargin, NORMAL_QUANTILE, floor);
  }

  @Override
  public double threshold(double[] scores, boolean[] positive) {
    boolean[] anomalyFree = new boolean[positive.length];
    for (int i = 0; i < positive.length; i++) {
      anomalyFree[i] = !positive[i];
    }
    return threshold(scores, positive, anomalyFree);
  }

  @Override
  public double threshold(double[] scores, boolean[] positive, boolean[] anomalyFree) {
    if (scores.length != positive.length || scores.length != anomalyFree.length) {
      throw new IllegalArgumentException("scores (" + scores.length + "), labels (" + positive.length
          + ") and the anomaly-free mask (" + anomalyFree.length + ") must have one entry per event");
    }
    long positives = 0;
    double[] normal = new double[scores.length];
    int normals = 0;
    for (int i = 0; i < scores.length; i++) {
      positives += positive[i] ? 1 : 0;
      if (anomalyFree[i] && !positive[i]) {
        normal[normals++] = scores[i];
      }
    }
    double normalCeiling = 0;
    if (normals > 0) {
      double[] sorted = Arrays.copyOf(normal, normals);
      Arrays.sort(sorted);
      normalCeiling = sorted[Math.min(normals - 1, (int) Math.floor(NORMAL_QUANTILE * normals))];
    }
    if (positives == 0) {
      return fallback;
    }
    double lower = Math.max(floor, normalMargin * normalCeiling);
    double plateau = plateauMiddle(scores, positive, positives);
    double recall = recallThreshold(scores, positive, positives);
    return Math.min(100, Math.max(lower, Math.min(plateau, recall)));
  }

  private double stepThreshold(int step) {
    return floor + (100 - floor) * step / (double) STEPS;
  }

  private double plateauMiddle(double[] scores, boolean[] positive, long positives) {
    double bestF1 = -1;
    double low = fallback;
    double high = fallback;
    boolean onPlateau = false;
    for (int step = 0; step <= STEPS; step++) {
      double threshold = stepThreshold(step);
      long[] counts = counts(scores, positive, threshold);
      double f1 = 2.0 * counts[0] / (2.0 * counts[0] + counts[1] + (positives - counts[0]));
      if (f1 > bestF1 + 1e-12) {
        bestF1 = f1;
        low = threshold;
        high = threshold;
        onPlateau = true;
      } else if (onPlateau && f1 >= bestF1 - 1e-12) {
        high = threshold;
      } else {
        onPlateau = false;
      }
    }
    return (low + high) / 2;
  }

  private double recallThreshold(double[] scores, boolean[] positive, long positives) {
    double best = floor;
    for (int step = 0; step <= STEPS; step++) {
      double threshold = stepThreshold(step);
      if (counts(scores, positive, threshold)[0] >= recallTarget * positives - 1e-9) {
        best = threshold;
      } else {
        break;
      }
    }
    return best;
  }

  /** True and false positives at {@code threshold}. */
  private static long[] counts(double[] scores, boolean[] positive, double threshold) {
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
    return new long[] {tp, fp};
  }
}
