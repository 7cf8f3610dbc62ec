package org.barcodeanomaly.svm;

import org.barcodeanomaly.api.detector.Detector;
import org.barcodeanomaly.api.detector.DetectorUnavailableException;
import org.barcodeanomaly.contract.DetectorCompatibilityKit;
import org.junit.jupiter.api.DisplayName;

/**
 * The SVM detector, with the model bundled in {@code models/svm}, passes the detector
 * compatibility kit: the contract's shape and statistics, normal traffic reported for nothing,
 * each anomaly type reported on an obvious case, thread safety.
 */
@DisplayName("SvmDetector compatibility (bundled model)")
class SvmDetectorCompatibilityTest extends DetectorCompatibilityKit {

  @Override
  protected Detector createDetector() {
    try {
      return BundledModel.detector();
    } catch (DetectorUnavailableException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }
}
