package org.barcodeanomaly.gateway.routing;

/**
 * An explanation was asked of a detector that cannot give one (it does not implement
 * {@link org.barcodeanomaly.api.detector.ExplainingDetector}): a client error, answered with 400.
 */
public final class NotExplainingException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** Detector {@code detectorId} serves but cannot explain. */
  public NotExplainingException(String detectorId) {
    super("detector '" + detectorId + "' cannot explain its verdicts (it is no ExplainingDetector); "
        + "the bundled rule, svm and lstm detectors can");
  }
}
