package org.barcodeanomaly.svm;

import org.barcodeanomaly.api.detector.DetectorUnavailableException;
import org.barcodeanomaly.api.detector.ExplainingDetector;
import org.barcodeanomaly.contract.ExplainingDetectorCompatibilityKit;
import org.junit.jupiter.api.DisplayName;

/** The SVM detector's explanations, with the bundled model, pass the explaining-detector kit. */
@DisplayName("SvmDetector explanations (bundled model)")
class SvmExplanationCompatibilityTest extends ExplainingDetectorCompatibilityKit {

  @Override
  protected ExplainingDetector createDetector() {
    try {
      return BundledModel.detector();
    } catch (DetectorUnavailableException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }
}
