package org.barcodeanomaly.svm;

import java.io.IOException;
import java.nio.file.Path;
import org.barcodeanomaly.api.detector.Detector;
import org.barcodeanomaly.api.detector.DetectorOptions;
import org.barcodeanomaly.api.detector.DetectorProvider;
import org.barcodeanomaly.api.detector.DetectorUnavailableException;
import org.barcodeanomaly.features.FeatureExtractor;
import org.barcodeanomaly.svm.model.SvmModelStore;

/**
 * Creates the {@code svm} detector from the model directory {@code <modelsDir>/svm}, which
 * {@code bin/anomaly train-svm} writes. Registered in
 * {@code META-INF/services/org.barcodeanomaly.api.detector.DetectorProvider}.
 */
public final class SvmDetectorProvider implements DetectorProvider {

  @Override
  public String name() {
    return SvmDetector.NAME;
  }

  /**
   * Loads the model.
   *
   * @throws DetectorUnavailableException when the directory holds no model, or a model that
   *     cannot be read; the message names the directory and the command that makes a model
   */
  @Override
  public Detector create(DetectorOptions options) throws DetectorUnavailableException {
    Path directory = options.modelDir(SvmDetector.NAME);
    if (!SvmModelStore.exists(directory)) {
      throw new DetectorUnavailableException("no SVM model in " + directory.toAbsolutePath()
          + " (" + SvmModelStore.MANIFEST + " is missing): train one with `bin/anomaly train-svm "
          + "--data DIR --out " + directory + "`, or point --models at a directory holding svm/");
    }
    try {
      return new SvmDetector(SvmModelStore.load(directory, FeatureExtractor.standard()));
    } catch (IOException | RuntimeException e) {
      throw new DetectorUnavailableException("the SVM model in " + directory.toAbsolutePath()
          + " cannot be loaded: " + e.getMessage() + "; retrain it with `bin/anomaly train-svm`", e);
    }
  }
}
