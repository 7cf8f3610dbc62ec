package org.barcodeanomaly.lstm.serving;

import java.nio.file.Path;
import org.barcodeanomaly.api.detector.DetectorOptions;
import org.barcodeanomaly.api.detector.DetectorUnavailableException;

/**
 * The model committed in the repository's {@code models/} directory, reached from the module
 * directory Maven runs tests in: the tests check what ships, not a model made for them.
 */
final class BundledModel {

  /** The repository's models directory, seen from {@code lstm-plugin/}. */
  static final Path MODELS_DIR = Path.of("..", "models");

  private BundledModel() {
  }

  /** The lstm detector loaded by its provider from the bundled models directory. */
  static LstmDetector detector() {
    try {
      return (LstmDetector) new LstmDetectorProvider().create(new DetectorOptions().setModelsDir(MODELS_DIR));
    } catch (DetectorUnavailableException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }
}
