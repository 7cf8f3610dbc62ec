package org.barcodeanomaly.rule;

import org.barcodeanomaly.api.detector.Detector;
import org.barcodeanomaly.api.detector.DetectorOptions;
import org.barcodeanomaly.api.detector.DetectorProvider;
import org.barcodeanomaly.api.detector.DetectorUnavailableException;

/**
 * Makes the rule detector discoverable through {@link java.util.ServiceLoader}. It needs no model
 * file, so it is always available unless its {@code rule.*} settings are wrong.
 */
public final class RuleDetectorProvider implements DetectorProvider {

  @Override
  public String name() {
    return RuleDetector.NAME;
  }

  /**
   * A rule detector set up by the {@code rule.*} settings of {@code options}
   * ({@link RuleDetectorOptions#fromSettings}).
   *
   * @throws DetectorUnavailableException when a setting is malformed or out of range, naming it
   */
  @Override
  public Detector create(DetectorOptions options) throws DetectorUnavailableException {
    try {
      return new RuleDetector(RuleDetectorOptions.fromSettings(options.getSettings()));
    } catch (IllegalArgumentException e) {
      throw new DetectorUnavailableException("rule detector: " + e.getMessage(), e);
    }
  }
}
