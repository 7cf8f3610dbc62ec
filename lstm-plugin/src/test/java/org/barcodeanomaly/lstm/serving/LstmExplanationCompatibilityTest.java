package org.barcodeanomaly.lstm.serving;

import org.barcodeanomaly.api.detector.ExplainingDetector;
import org.barcodeanomaly.contract.ExplainingDetectorCompatibilityKit;
import org.junit.jupiter.api.DisplayName;

/**
 * The LSTM detector's occlusion explanations, with the model bundled in {@code models/lstm}, pass the
 * explaining-detector kit: exactly the reported events and types, the scores score() gave, events of
 * the alert's own trail, and the changed scan blamed most.
 */
@DisplayName("LstmDetector explanations (bundled model)")
class LstmExplanationCompatibilityTest extends ExplainingDetectorCompatibilityKit {

  @Override
  protected ExplainingDetector createDetector() {
    return BundledModel.detector();
  }
}
