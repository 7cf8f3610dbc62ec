package org.barcodeanomaly.svm;

import java.nio.file.Path;
import org.barcodeanomaly.api.detector.DetectorOptions;
import org.barcodeanomaly.api.detector.DetectorUnavailableException;

/**
 * The model committed in the repository's {@code models/} directory, reached from the module
 * directory Maven runs tests in: the tests check what ships, not a model made for them.
 */
final class BundledModel {

  /** The repository's models directory, seen from {@code svm-plugin/}. */
  static final Path MODELS_DIR = Path.of("..", "models");

  private BundledModel() {
  }

  /** The svm detector loaded by its provider from the bundled models directory. */
  static SvmDetector detector() throws DetectorUnavailableException {
    return (SvmDetector) new SvmDetectorProvider().create(new DetectorOptions().setModelsDir(MODELS_DIR));
  }
}
