package org.barcodeanomaly.lstm.serving;

import org.barcodeanomaly.api.detector.Detector;
import org.barcodeanomaly.contract.DetectorCompatibilityKit;
import org.junit.jupiter.api.DisplayName;

/**
 * The LSTM detector, with the model bundled in {@code models/lstm}, passes the detector
 * compatibility kit: the contract's shape and statistics, normal traffic reported for nothing,
 * each anomaly type reported on an obvious case, thread safety.
 */
@DisplayName("LstmDetector compatibility (bundled model)")
class LstmDetectorCompatibilityTest extends DetectorCompatibilityKit {

  @Override
  protected Detector createDetector() {
    return BundledModel.detector();
  }
}
