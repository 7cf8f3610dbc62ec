package org.barcodeanomaly.modelformat;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.barcodeanomaly.api.detector.Thresholds;
import org.barcodeanomaly.api.event.AnomalyType;

/**
 * How a trained model was made, in one shape for every learned detector: what data (hash and
 * recipe), which split and threshold policy (by name), the seed, the command with every option,
 * the libraries, the hyper-parameters and what training found. Written as {@code provenance.json}
 * into each model directory by {@link ModelManifest}, so the SVM's and the LSTM's provenance can
 * be compared field by field.
 *
 * @param detector        the detector the model is for: {@code svm}, {@code lstm}
 * @param modelVersion    the version the detector reports, e.g. {@code svm-20261125-b7ba88ea}
 * @param createdAt       when training finished
 * @param labelSource     where the labels came from (never a detector's output)
 * @param trainingCommand the command line that trained it, with every option that was set
 * @param seed            the seed of the split, sampling and training
 * @param data            the training data
 * @param split           the split strategy
 * @param thresholdPolicy the policy that chose the reporting thresholds
 * @param thresholds      the thresholds it chose
 * @param libraries       library and runtime versions, name to version
 * @param parameters      hyper-parameters, name to value (JSON values: strings, numbers, lists, maps)
 * @param training        what training found or did (sizes, epochs, timings), name to value
 * @param heldOut         the held-out figures, name to value; empty when none were measured
 */
public record ModelProvenance(String detector, String modelVersion, Instant createdAt,
    String labelSource, String trainingCommand, long seed, TrainingData data, NamedChoice split,
    NamedChoice thresholdPolicy, Thresholds thresholds, Map<String, String> libraries,
    Map<String, Object> parameters, Map<String, Object> training, Map<String, Object> heldOut) {

  /**
   * Checks that nothing required is missing; copies the maps, keeping their order, with their
   * values as the JSON file holds them ({@link JsonTree#canonical}), so a provenance read back
   * equals the one written.
   */
  public ModelProvenance {
    Objects.requireNonNull(detector, "detector");
    Objects.requireNonNull(modelVersion, "modelVersion");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(labelSource, "labelSource");
    Objects.requireNonNull(trainingCommand, "trainingCommand");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(split, "split");
    Objects.requireNonNull(thresholdPolicy, "thresholdPolicy");
    Objects.requireNonNull(thresholds, "thresholds");
    libraries = ordered(libraries);
    parameters = canonical(parameters);
    training = canonical(training);
    heldOut = canonical(heldOut);
  }

  /** A copy with other held-out figures (measured after the model is made). */
  public ModelProvenance withHeldOut(Map<String, Object> figures) {
    return new ModelProvenance(detector, modelVersion, createdAt, labelSource, trainingCommand, seed,
        data, split, thresholdPolicy, thresholds, libraries, parameters, training, figures);
  }

  /** A copy with one more fact under {@code training} (e.g. the cold-start index built after). */
  public ModelProvenance withTrainingFact(String name, Object value) {
    Map<String, Object> facts = new LinkedHashMap<>(training);
    facts.put(name, value);
    return new ModelProvenance(detector, modelVersion, createdAt, labelSource, trainingCommand, seed,
        data, split, thresholdPolicy, thresholds, libraries, parameters, facts, heldOut);
  }

  /** The provenance as a JSON tree of the newest format, {@link ModelManifest#FORMAT_VERSION}. */
  public Map<String, Object> toTree() {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("formatVersion", ModelManifest.FORMAT_VERSION);
    tree.put("detector", detector);
    tree.put("modelVersion", modelVersion);
    tree.put("createdAt", createdAt.toString());
    tree.put("labelSource", labelSource);
    tree.put("trainingCommand", trainingCommand);
    tree.put("seed", seed);
    Map<String, Object> dataTree = new LinkedHashMap<>();
    dataTree.put("source", data.source());
    dataTree.put("sha256", data.sha256());
    dataTree.put("events", data.events());
    dataTree.put("recipe", data.recipe());
    tree.put("data", dataTree);
    tree.put("split", choice(split));
    tree.put("thresholdPolicy", choice(thresholdPolicy));
    Map<String, Object> thresholdTree = new LinkedHashMap<>();
    for (AnomalyType type : AnomalyType.values()) {
      thresholdTree.put(type.contractName(), thresholds.get(type));
    }
    tree.put("thresholds", thresholdTree);
    tree.put("libraries", libraries);
    tree.put("parameters", parameters);
    tree.put("training", training);
    tree.put("heldOut", heldOut);
    return tree;
  }

  /**
   * Reads the tree {@link #toTree()} writes.
   *
   * @throws IOException naming the file and field when something is missing or malformed
   */
  public static ModelProvenance fromTree(JsonFields json) throws IOException {
    JsonFields dataJson = json.object("data");
    Object recipe = dataJson.raw("recipe");
    TrainingData data;
    try {
      data = new TrainingData(dataJson.string("source"), dataJson.string("sha256"),
          dataJson.integer("events"), recipe == null ? null : String.valueOf(recipe));
    } catch (IllegalArgumentException e) {
      throw new IOException(json.file() + ": " + e.getMessage(), e);
    }
    return new ModelProvenance(json.string("detector"), json.string("modelVersion"),
        instant(json, "createdAt"), json.string("labelSource"), json.string("trainingCommand"),
        json.integer("seed"), data, choice(json.object("split")), choice(json.object("thresholdPolicy")),
        thresholds(json.object("thresholds")), strings(json.object("libraries")),
        map(json, "parameters"), map(json, "training"), map(json, "heldOut"));
  }

  static Instant instant(JsonFields json, String name) throws IOException {
    String text = json.string(name);
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      try {
        return java.time.ZonedDateTime.parse(text).toInstant();
      } catch (DateTimeParseException again) {
        throw json.invalid(name, text, "an ISO-8601 instant");
      }
    }
  }

  static Thresholds thresholds(JsonFields json) throws IOException {
    Map<AnomalyType, Double> values = new EnumMap<>(AnomalyType.class);
    for (AnomalyType type : AnomalyType.values()) {
      values.put(type, json.number(type.contractName()));
    }
    try {
      return Thresholds.of(values);
    } catch (IllegalArgumentException e) {
      throw new IOException(json.file() + ": thresholds: " + e.getMessage(), e);
    }
  }

  static Map<String, String> strings(JsonFields json) throws IOException {
    Map<String, String> values = new LinkedHashMap<>();
    for (String key : json.keys()) {
      values.put(key, String.valueOf(json.raw(key)));
    }
    return values;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(JsonFields json, String name) throws IOException {
    if (!json.has(name)) {
      return Map.of();
    }
    Object value = json.raw(name);
    if (!(value instanceof Map<?, ?>)) {
      throw json.invalid(name, value, "a JSON object");
    }
    return (Map<String, Object>) value;
  }

  private static NamedChoice choice(JsonFields json) throws IOException {
    return new NamedChoice(json.string("name"), json.string("description"));
  }

  private static Map<String, Object> choice(NamedChoice choice) {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("name", choice.name());
    tree.put("description", choice.description());
    return tree;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> canonical(Map<String, Object> map) {
    return map == null ? Map.of()
        : java.util.Collections.unmodifiableMap((Map<String, Object>) JsonTree.canonical(map));
  }

  private static <V> Map<String, V> ordered(Map<String, V> map) {
    return map == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
