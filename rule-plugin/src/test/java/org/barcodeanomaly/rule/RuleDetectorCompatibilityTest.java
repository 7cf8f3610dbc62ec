package org.barcodeanomaly.rule;

import org.barcodeanomaly.api.detector.Detector;
import org.barcodeanomaly.contract.DetectorCompatibilityKit;
import org.junit.jupiter.api.DisplayName;

/**
 * The rule detector passes the detector compatibility kit: the JSON contract's shape and
 * statistics, normal traffic reported for nothing, each anomaly type reported on an obvious case,
 * thread safety.
 */
@DisplayName("RuleDetector compatibility")
class RuleDetectorCompatibilityTest extends DetectorCompatibilityKit {

  @Override
  protected Detector createDetector() {
    return new RuleDetector();
  }
}
