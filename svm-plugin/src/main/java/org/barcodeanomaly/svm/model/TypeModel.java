package org.barcodeanomaly.svm.model;

import java.util.Arrays;
import java.util.Objects;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.features.Feature;
import org.tribuo.anomaly.Event;
import org.tribuo.common.libsvm.LibSVMModel;

/**
 * Everything that scores one anomaly type: which features it reads, how they are scaled, the
 * trained Tribuo one-class SVM, the calibration of its decision values and the reporting
 * threshold chosen on validation data. Immutable and thread-safe.
 */
public final class TypeModel {

  /**
   * Name of a feature every training example carries with value 1: Tribuo rejects an example
   * with no non-zero feature, and a normal event's scaled vector can be all zeros. It adds
   * nothing to any kernel distance.
   */
  public static final String CONSTANT_FEATURE = "constant";

  private final AnomalyType type;
  private final Feature[] features;
  private final FeatureScaler scaler;
  private final LibSVMModel<Event> svm;
  private final RbfDecisionFunction decision;
  private final PlattCalibration calibration;
  private final double threshold;

  /**
   * Assembles a type's model.
   *
   * @throws IllegalArgumentException when the scaler's width differs from the features', the SVM
   *     was not trained on exactly these features, or the threshold is outside (0, 100]
   */
  public TypeModel(AnomalyType type, Feature[] features, FeatureScaler scaler,
      LibSVMModel<Event> svm, PlattCalibration calibration, double threshold) {
    this.type = Objects.requireNonNull(type, "type");
    this.features = features.clone();
    this.scaler = Objects.requireNonNull(scaler, "scaler");
    this.svm = Objects.requireNonNull(svm, "svm");
    this.calibration = Objects.requireNonNull(calibration, "calibration");
    if (scaler.dimensions() != features.length) {
      throw new IllegalArgumentException(type.contractName() + ": scaler has "
          + scaler.dimensions() + " features, the model " + features.length);
    }
    if (!(threshold > 0 && threshold <= 100)) {
      throw new IllegalArgumentException(type.contractName() + ": threshold " + threshold
          + " must be in (0, 100]");
    }
    this.threshold = threshold;
    this.decision = RbfDecisionFunction.of(svm, this.features);
  }

  /** The type this model scores. */
  public AnomalyType type() {
    return type;
  }

  /** The features it reads, in the order of its vectors (a copy). */
  public Feature[] features() {
    return features.clone();
  }

  /** The scaler fitted on the training events. */
  public FeatureScaler scaler() {
    return scaler;
  }

  /** The trained Tribuo model, as saved. */
  public LibSVMModel<Event> svm() {
    return svm;
  }

  /** The decision function evaluated per event. */
  public RbfDecisionFunction decisionFunction() {
    return decision;
  }

  /** The calibration of decision values into scores. */
  public PlattCalibration calibration() {
    return calibration;
  }

  /** The reporting threshold, 0–100. */
  public double threshold() {
    return threshold;
  }

  /** Log decision ratio of an unscaled feature vector; {@code values} is scaled in place. */
  public double logRatio(double[] values) {
    scaler.scaleInPlace(values);
    return decision.logRatio(values);
  }

  /** Score 0–100 of an unscaled feature vector; {@code values} is scaled in place. */
  public double score(double[] values) {
    return calibration.score(logRatio(values));
  }

  @Override
  public String toString() {
    return "TypeModel{" + type.contractName() + ", features=" + Arrays.toString(features)
        + ", supportVectors=" + decision.supportVectorCount() + ", threshold=" + threshold + "}";
  }
}
