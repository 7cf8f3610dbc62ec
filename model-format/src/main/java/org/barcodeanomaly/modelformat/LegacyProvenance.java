package org.barcodeanomaly.modelformat;

import java.io.IOException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.barcodeanomaly.api.detector.Thresholds;
import org.barcodeanomaly.api.event.AnomalyType;

/**
 * The two shapes of format 1, mapped onto {@link ModelProvenance}: nothing recorded is lost, and
 * what format 1 did not record by name (the split strategy, the threshold policy) is named after
 * the fixed policy each trainer had then.
 */
final class LegacyProvenance {

  /** The SVM's format-1 manifest, which carried its provenance. */
  static final String SVM_MANIFEST = "svm-model.json";
  /** Format-1 SVM details that were outcomes of training; the others were its settings. */
  private static final Set<String> SVM_TRAINING_FACTS = Set.of("eventsUsed", "normalTrainingEvents",
      "validationEvents");

  /** The buffer of the LSTM's format-1 split, recorded only inside its rule text. */
  private static final Pattern BUFFER_HOURS = Pattern.compile("(\\d+) h buffers");

  private LegacyProvenance() {
  }

  /** The provenance of an SVM model directory of format 1 ({@code svm-model.json}). */
  static ModelProvenance fromSvmManifest(JsonFields manifest) throws IOException {
    FormatVersion.check(manifest.file(), manifest.integer("formatVersion"), 1,
        "this svm-model.json carries no provenance; add the provenance.json its training wrote");
    JsonFields json = manifest.object("provenance");
    JsonFields detailsJson = json.object("details");
    Map<String, String> details = ModelProvenance.strings(detailsJson);
    Map<String, String> libraries = new LinkedHashMap<>();
    libraries.put("tribuo", json.string("tribuoVersion"));
    if (details.containsKey("javaVersion")) {
      libraries.put("java", details.remove("javaVersion"));
    }
    String split = details.remove("split");
    String threshold = details.remove("threshold");
    Map<String, Object> training = new LinkedHashMap<>();
    Map<String, Object> parameters = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : details.entrySet()) {
      (SVM_TRAINING_FACTS.contains(entry.getKey()) ? training : parameters).put(entry.getKey(), entry.getValue());
    }
    String labelSource = String.valueOf(parameters.remove("labelSource"));
    long events = details.containsKey("eventsUsed") ? Long.parseLong(details.get("eventsUsed")) : 0;
    Map<AnomalyType, Double> thresholds = new EnumMap<>(AnomalyType.class);
    JsonFields types = manifest.object("types");
    for (AnomalyType type : AnomalyType.values()) {
      thresholds.put(type, types.object(type.contractName()).number("threshold"));
    }
    return new ModelProvenance("svm", json.string("version"), ModelProvenance.instant(json, "createdAt"),
        labelSource, json.string("trainingCommand"), json.integer("seed"),
        new TrainingData(json.string("dataSource"), json.string("dataHash"), events, null),
        new NamedChoice("epc-hash-60-20-20", split == null ? "by EPC, seeded hash" : split),
        new NamedChoice("best-f1", threshold == null ? "best F1 on validation" : threshold),
        Thresholds.of(thresholds), libraries, parameters, training, Map.of());
  }

  /** The provenance of an LSTM model directory of format 1 ({@code provenance.json}). */
  static ModelProvenance fromLstmProvenance(JsonFields json) throws IOException {
    JsonFields dataJson = json.object("data");
    Map<String, Object> data = ModelProvenance.map(json, "data");
    Object splitValue = data.get("split");
    String splitRule = splitValue instanceof Map<?, ?> split && split.get("rule") != null
        ? String.valueOf(split.get("rule")) : "by EPC, ordered by last scan: 70 % / 15 % / 15 %";
    Map<String, Object> training = new LinkedHashMap<>(ModelProvenance.map(json, "training"));
    Map<String, String> libraries = new LinkedHashMap<>();
    Object backend = training.remove("backend");
    if (backend != null) {
      libraries.put("dl4j", String.valueOf(backend));
    }
    if (splitValue != null) {
      training.put("split", splitValue);
    }
    if (json.has("features")) {
      training.put("features", json.raw("features"));
    }
    for (String key : json.keys()) {
      if (key.equals("coldStartIndex") || key.equals("coldStart")) {
        training.put(key, json.raw(key));
      }
    }
    Map<String, Object> parameters = new LinkedHashMap<>(ModelProvenance.map(json, "hyperParameters"));
    Matcher buffer = BUFFER_HOURS.matcher(splitRule);
    if (buffer.find()) {
      parameters.put("bufferHours", Long.parseLong(buffer.group(1)));
    }
    if (data.get("maxEpcs") != null) {
      parameters.put("maxEpcs", data.get("maxEpcs"));
    }
    String hash = dataJson.string("sha256");
    return new ModelProvenance("lstm", json.string("modelVersion"), ModelProvenance.instant(json, "date"),
        json.string("labelSource"), json.string("command"), json.integer("seed"),
        new TrainingData(dataJson.string("directory"), hash.startsWith("sha256:") ? hash : "sha256:" + hash,
            dataJson.integer("events"), null),
        new NamedChoice("epc-time-70-15-15", splitRule),
        new NamedChoice("f1-plateau-above-normal-quantile", "the middle of the best-F1 plateau on "
            + "validation, raised to the 99.9 % quantile of normal validation scores, at least 5"),
        ModelProvenance.thresholds(json.object("thresholds")), libraries, parameters, training,
        ModelProvenance.map(json, "heldOut"));
  }
}
