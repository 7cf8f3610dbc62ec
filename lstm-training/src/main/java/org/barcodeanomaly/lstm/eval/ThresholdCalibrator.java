package org.barcodeanomaly.lstm.eval;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.barcodeanomaly.api.detector.Thresholds;
import org.barcodeanomaly.api.event.AnomalyType;

/**
 * Chooses each type's reporting threshold on the validation split: the middle of the range of
 * scores (at least {@code floor}) that maximise F1, raised to the
 * {@value #NORMAL_QUANTILE} quantile of the normal events' scores (docs/spec/ANOMALIES.md: no normal trail
 * may be flagged, so at most 1 in 1,000 normal validation events may pass), so a weak score never
 * reports (the first generation's fixed "jump 20" on every short trail is the failure this
 * prevents).
 *
 * <p>A type without positives in the validation split keeps {@code fallback}.
 */
public final class ThresholdCalibrator {

  /** Share of normal validation events a threshold must stay above. */
  static final double NORMAL_QUANTILE = 0.999;

  private final double floor;
  private final double fallback;

  /** A calibrator with thresholds no lower than {@code floor} and {@code fallback} for unjudged types. */
  public ThresholdCalibrator(double floor, double fallback) {
    this.floor = floor;
    this.fallback = fallback;
  }

  /** Thresholds for {@code validation}. */
  public Thresholds calibrate(EventScores validation) {
    Map<AnomalyType, Double> byType = new EnumMap<>(AnomalyType.class);
    for (AnomalyType type : AnomalyType.values()) {
      byType.put(type, best(validation.scoresOf(type), validation.positivesOf(type)));
    }
    return Thresholds.of(byType);
  }

  private static double f1(float[] scores, boolean[] positive, long positives, double threshold) {
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

  private static double normalQuantile(float[] scores, boolean[] positive) {
    float[] normal = new float[scores.length];
    int n = 0;
    for (int i = 0; i < scores.length; i++) {
      if (!positive[i]) {
        normal[n++] = scores[i];
      }
    }
    if (n == 0) {
      return 0;
    }
    float[] sorted = Arrays.copyOf(normal, n);
    Arrays.sort(sorted);
    return sorted[Math.min(n - 1, (int) Math.ceil(NORMAL_QUANTILE * n))] + 0.1;
  }

  private double best(float[] scores, boolean[] positive) {
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
