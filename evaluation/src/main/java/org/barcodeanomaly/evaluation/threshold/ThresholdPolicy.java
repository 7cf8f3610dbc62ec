package org.barcodeanomaly.evaluation.threshold;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import org.barcodeanomaly.api.detector.Thresholds;
import org.barcodeanomaly.api.event.AnomalyType;

/**
 * How a trained model's reporting threshold of each type is chosen from its validation scores.
 * Each model chooses a policy and records it by {@link #name()} in its provenance, so two models'
 * thresholds can be compared knowing how they were set. The policies are {@link BestF1Policy}
 * and {@link OperatingPointPolicy}.
 */
public interface ThresholdPolicy {

  /** A stable name, e.g. {@code best-f1}. */
  String name();

  /** What the policy does, with its parameters, in one sentence. */
  String description();

  /**
   * The threshold for one type: scores at or above it are reported.
   *
   * @param scores   validation scores of the type, 0 to 100
   * @param positive whether each validation event is labelled with the type
   */
  double threshold(double[] scores, boolean[] positive);

  /**
   * The threshold for one type, told which validation events belong to anomaly-free trails (the
   * events an operator counts false alerts on; a negative event of an anomalous trail may be the
   * anomaly's unlabelled neighbour). Policies that do not use it ignore it.
   *
   * @param scores      validation scores of the type, 0 to 100
   * @param positive    whether each validation event is labelled with the type
   * @param anomalyFree whether each validation event belongs to a trail without any label
   */
  default double threshold(double[] scores, boolean[] positive, boolean[] anomalyFree) {
    return threshold(scores, positive);
  }

  /** Thresholds of all five types, from each type's validation scores and labels. */
  default Thresholds calibrate(Function<AnomalyType, double[]> scores,
      Function<AnomalyType, boolean[]> positives) {
    Map<AnomalyType, Double> values = new EnumMap<>(AnomalyType.class);
    for (AnomalyType type : AnomalyType.values()) {
      values.put(type, threshold(scores.apply(type), positives.apply(type)));
    }
    return Thresholds.of(values);
  }

  /** Thresholds of all five types, also told which validation events belong to anomaly-free trails. */
  default Thresholds calibrate(Function<AnomalyType, double[]> scores,
      Function<AnomalyType, boolean[]> positives, boolean[] anomalyFree) {
    Map<AnomalyType, Double> values = new EnumMap<>(AnomalyType.class);
    for (AnomalyType type : AnomalyType.values()) {
      values.put(type, threshold(scores.apply(type), positives.apply(type), anomalyFree));
    }
    return Thresholds.of(values);
  }
}
