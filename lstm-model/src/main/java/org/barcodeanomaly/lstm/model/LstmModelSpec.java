package org.barcodeanomaly.lstm.model;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.barcodeanomaly.api.detector.Thresholds;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.features.Feature;
import org.barcodeanomaly.modelformat.FormatVersion;

/**
 * Everything serving needs besides the network: which features in which order, how each is
 * normalised, the longest sequence the network was trained on, and the per-type thresholds
 * calibrated on the validation split. Written next to {@code model.onnx} as
 * {@value #FILE_NAME}, so a model directory is self-describing.
 *
 * <p>Immutable. The feature list is stored by {@link Feature#id()}, so a model trained on features
 * this version no longer computes fails to load with the unknown name instead of being fed the
 * wrong column.
 *
 * @param version         model version shown in responses, e.g. {@code lstm-2026.11.25}
 * @param maxLength       events per sequence; longer trails are scored in windows of this length
 * @param features        input columns in network order
 * @param means           per-feature mean subtracted before the network
 * @param scales          per-feature standard deviation divided by (at least {@value #MIN_SCALE})
 * @param thresholds      reporting thresholds on the 0–100 score scale
 */
public record LstmModelSpec(String version, int maxLength, List<Feature> features, float[] means,
    float[] scales, Thresholds thresholds) {

  /** File name inside a model directory. */
  public static final String FILE_NAME = "lstm-model.properties";
  /** Version of this file's layout; bumped when keys change meaning. Readers accept 1 up to it. */
  public static final int FORMAT_VERSION = 1;
  /** Smallest scale: a feature constant in training must not blow up to infinity in serving. */
  public static final float MIN_SCALE = 1e-3f;

  /** Checks that the arrays match the feature list. */
  public LstmModelSpec {
    features = List.copyOf(features);
    if (means.length != features.size() || scales.length != features.size()) {
      throw new IllegalArgumentException("means (" + means.length + ") and scales ("
          + scales.length + ") must have one value per feature (" + features.size() + ")");
    }
    if (maxLength < 1) {
      throw new IllegalArgumentException("maxLength must be >= 1, was " + maxLength);
    }
    means = means.clone();
    scales = scales.clone();
  }

  /** Number of input features. */
  public int featureCount() {
    return features.size();
  }

  /** {@code value} of feature column {@code column}, normalised as the network expects. */
  public float normalise(int column, float value) {
    return (value - means[column]) / Math.max(MIN_SCALE, scales[column]);
  }

  /** A copy with other thresholds (training calibrates them after fitting the network). */
  public LstmModelSpec withThresholds(Thresholds newThresholds) {
    return new LstmModelSpec(version, maxLength, features, means, scales, newThresholds);
  }

  /** Writes {@value #FILE_NAME} into {@code directory}. */
  public void write(Path directory) throws IOException {
    Properties properties = new Properties();
    properties.setProperty("formatVersion", Integer.toString(FORMAT_VERSION));
    properties.setProperty("version", version);
    properties.setProperty("maxLength", Integer.toString(maxLength));
    List<String> ids = new ArrayList<>();
    for (Feature feature : features) {
      ids.add(feature.id());
    }
    properties.setProperty("features", String.join(",", ids));
    properties.setProperty("means", join(means));
    properties.setProperty("scales", join(scales));
    for (AnomalyType type : AnomalyType.values()) {
      // Exactly the served float, so the file, the detector and the provenance agree.
      properties.setProperty("threshold." + type.contractName(), Float.toString(thresholds.get(type)));
    }
    Files.createDirectories(directory);
    try (Writer writer = Files.newBufferedWriter(directory.resolve(FILE_NAME), StandardCharsets.UTF_8)) {
      properties.store(writer, "LSTM model: features, normalisation and calibrated thresholds");
    }
  }

  /**
   * Reads {@value #FILE_NAME} from {@code directory}.
   *
   * @throws NoSuchFileException when the file is absent
   * @throws IllegalArgumentException naming the key and value when the file is inconsistent
   */
  public static LstmModelSpec read(Path directory) throws IOException {
    Path file = directory.resolve(FILE_NAME);
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    String format = required(properties, file, "formatVersion");
    try {
      FormatVersion.check(file, Long.parseLong(format), FORMAT_VERSION,
          "update the lstm plugin, or retrain the model with this version's `bin/anomaly train-lstm`");
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(file + ": formatVersion '" + format + "' is not a number", e);
    } catch (IOException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    List<Feature> features = new ArrayList<>();
    for (String id : required(properties, file, "features").split(",")) {
      features.add(Feature.fromId(id.trim()));
    }
    Map<AnomalyType, Double> thresholds = new EnumMap<>(AnomalyType.class);
    for (AnomalyType type : AnomalyType.values()) {
      thresholds.put(type, Double.parseDouble(
          required(properties, file, "threshold." + type.contractName())));
    }
    return new LstmModelSpec(required(properties, file, "version"),
        Integer.parseInt(required(properties, file, "maxLength")), features,
        floats(required(properties, file, "means")), floats(required(properties, file, "scales")),
        Thresholds.of(thresholds));
  }

  private static String required(Properties properties, Path file, String key) {
    String value = properties.getProperty(key);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(file + ": key '" + key + "' is missing; "
          + "the model directory is incomplete, retrain or re-export it");
    }
    return value.trim();
  }

  private static String join(float[] values) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      out.append(i == 0 ? "" : ",").append(Float.toString(values[i]));
    }
    return out.toString();
  }

  private static float[] floats(String joined) {
    String[] parts = joined.split(",");
    float[] values = new float[parts.length];
    for (int i = 0; i < parts.length; i++) {
      values[i] = Float.parseFloat(parts[i].trim());
    }
    return values;
  }
}
