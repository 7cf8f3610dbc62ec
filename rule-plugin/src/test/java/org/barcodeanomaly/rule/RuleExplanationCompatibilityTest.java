package org.barcodeanomaly.rule;

import org.barcodeanomaly.api.detector.ExplainingDetector;
import org.barcodeanomaly.contract.ExplainingDetectorCompatibilityKit;
import org.junit.jupiter.api.DisplayName;

/**
 * The rule detector's explanations pass the explaining-detector kit: exactly the reported events and
 * types, the scores score() gave, events of the alert's own trail, the changed event blamed.
 */
@DisplayName("RuleDetector explanations")
class RuleExplanationCompatibilityTest extends ExplainingDetectorCompatibilityKit {

  @Override
  protected ExplainingDetector createDetector() {
    return new RuleDetector();
  }
}
