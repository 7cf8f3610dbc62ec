package org.barcodeanomaly.api.detector;

/**
 * Creates a {@link Detector}; discovered through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/org.barcodeanomaly.api.detector.DetectorProvider}) in each plugin jar.
 *
 * <p>Providers are cheap to instantiate; the work (loading a model) happens in {@link #create}.
 */
public interface DetectorProvider {

  /** The name of the detectors this provider creates: {@code rule}, {@code svm}, {@code lstm}. */
  String name();

  /**
   * Loads a detector.
   *
   * @throws DetectorUnavailableException when it cannot run (no model, bad model file), with a
   *     message telling the operator what to do
   */
  Detector create(DetectorOptions options) throws DetectorUnavailableException;
}
