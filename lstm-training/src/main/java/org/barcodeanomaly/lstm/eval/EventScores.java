package org.barcodeanomaly.lstm.eval;

import java.util.EnumMap;
import java.util.Map;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.evaluation.metrics.RankingMetrics;

/**
 * Scores and labels of a set of events, per type: what the metrics and the threshold
 * calibration read. Scores are on the detectors' 0–100 scale.
 *
 * @param scores {@code events × 5}
 * @param labels {@code events × 5}, 1 = anomalous
 */
public record EventScores(float[] scores, float[] labels) {

  /** Checks that both arrays have five values per event. */
  public EventScores {
    if (scores.length != labels.length || scores.length % AnomalyType.COUNT != 0) {
      throw new IllegalArgumentException("scores (" + scores.length + ") and labels ("
          + labels.length + ") must both hold 5 values per event");
    }
  }

  /** Number of events. */
  public int size() {
    return scores.length / AnomalyType.COUNT;
  }

  /** The scores of one type. */
  public float[] scoresOf(AnomalyType type) {
    float[] out = new float[size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = scores[i * AnomalyType.COUNT + type.ordinal()];
    }
    return out;
  }

  /** The scores of one type, widened to double (exactly), as threshold policies take them. */
  public double[] doubleScoresOf(AnomalyType type) {
    double[] out = new double[size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = scores[i * AnomalyType.COUNT + type.ordinal()];
    }
    return out;
  }

  /** The labels of one type. */
  public boolean[] positivesOf(AnomalyType type) {
    boolean[] out = new boolean[size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = labels[i * AnomalyType.COUNT + type.ordinal()] > 0.5f;
    }
    return out;
  }

  /** ROC-AUC per type ({@code NaN} for a type without positives). */
  public Map<AnomalyType, Double> aucByType() {
    Map<AnomalyType, Double> out = new EnumMap<>(AnomalyType.class);
    for (AnomalyType type : AnomalyType.values()) {
      out.put(type, RankingMetrics.rocAuc(scoresOf(type), positivesOf(type)));
    }
    return out;
  }

  /** Average precision per type ({@code NaN} for a type without positives). */
  public Map<AnomalyType, Double> averagePrecisionByType() {
    Map<AnomalyType, Double> out = new EnumMap<>(AnomalyType.class);
    for (AnomalyType type : AnomalyType.values()) {
      out.put(type, RankingMetrics.averagePrecision(scoresOf(type), positivesOf(type)));
    }
    return out;
  }

  /** Mean ROC-AUC over the types that can be judged; {@code NaN} when none can. */
  public double macroAuc() {
    return aucByType().values().stream().filter(v -> !v.isNaN())
        .mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }
}
