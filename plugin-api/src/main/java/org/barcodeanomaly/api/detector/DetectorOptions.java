package org.barcodeanomaly.api.detector;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link DetectorProvider} needs to create a detector: where models live and free-form
 * settings (e.g. {@code lstm.precision=int8}). Fluent, copyable, as Vert.x options objects are.
 */
public final class DetectorOptions {

  /** Default models directory, relative to the working directory. */
  public static final Path DEFAULT_MODELS_DIR = Path.of("models");

  private Path modelsDir = DEFAULT_MODELS_DIR;
  private final Map<String, String> settings = new LinkedHashMap<>();

  /** Options with the defaults. */
  public DetectorOptions() {
  }

  /** A copy of {@code other}. */
  public DetectorOptions(DetectorOptions other) {
    this.modelsDir = other.modelsDir;
    this.settings.putAll(other.settings);
  }

  /**
   * The directory holding one sub-directory per detector ({@code models/svm}, {@code models/lstm}).
   */
  public Path getModelsDir() {
    return modelsDir;
  }

  /** Sets the models directory. */
  public DetectorOptions setModelsDir(Path modelsDir) {
    this.modelsDir = Objects.requireNonNull(modelsDir, "modelsDir");
    return this;
  }

  /** The model directory of the named detector: {@code modelsDir/name}. */
  public Path modelDir(String detectorName) {
    return modelsDir.resolve(detectorName);
  }

  /** A setting, or {@code defaultValue} when it is not set. */
  public String getSetting(String key, String defaultValue) {
    return settings.getOrDefault(key, defaultValue);
  }

  /** All settings, read-only. */
  public Map<String, String> getSettings() {
    return Collections.unmodifiableMap(settings);
  }

  /** Sets one setting. */
  public DetectorOptions setSetting(String key, String value) {
    settings.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    return this;
  }
}
