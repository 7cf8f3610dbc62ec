package org.barcodeanomaly.lstm.serving;

import com.github.benmanes.caffeine.cache.Ticker;
import java.nio.file.Path;
import java.util.Map;
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
    return detector(Map.of());
  }

  /** The lstm detector loaded by its provider from the bundled models directory, with {@code settings}. */
  static LstmDetector detector(Map<String, String> settings) {
    return detector(settings, Ticker.systemTicker());
  }

  /**
   * The lstm detector loaded by its provider from the bundled models directory, with
   * {@code settings}, its streaming buffer keeping time by {@code ticker}.
   */
  static LstmDetector detector(Map<String, String> settings, Ticker ticker) {
    DetectorOptions options = new DetectorOptions().setModelsDir(MODELS_DIR);
    settings.forEach(options::setSetting);
    try {
      return new LstmDetectorProvider().create(options, ticker);
    } catch (DetectorUnavailableException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }
}
