package org.barcodeanomaly.gateway.config;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A detector the gateway serves under an id: which provider creates it, optionally from which
 * jar of the plugins directory and with which models directory and settings. Two specs of one
 * provider are two versions served side by side, e.g. {@code svm} and a canary {@code svm-next}
 * reading another models directory or pinned to another jar.
 *
 * <p>Every provider found in the plugins directory is served under its own name without a spec;
 * specs add variants. A jar pinned by a spec serves only that spec.
 *
 * @param id        the detector id used by routes and shown in the detector list
 * @param provider  the {@code DetectorProvider} name, e.g. {@code svm}
 * @param jar       file name of the jar in the plugins directory to take the provider from, or
 *                  {@code null} for the newest jar that provides it
 * @param modelsDir the models directory to create it with, or {@code null} for the gateway's
 * @param settings  provider settings, passed through {@code DetectorOptions}
 */
public record DetectorSpec(String id, String provider, String jar, Path modelsDir,
    Map<String, String> settings) {

  private static final Set<String> KEYS = Set.of("provider", "jar", "modelsDir", "settings");

  /** Copies the settings. */
  public DetectorSpec {
    settings = Map.copyOf(settings);
  }

  /** The spec every provider gets without configuration: its own name, default models. */
  public static DetectorSpec implicit(String provider) {
    return new DetectorSpec(provider, provider, null, null, Map.of());
  }

  /** Reads detector {@code id}, resolving a relative {@code modelsDir} against {@code home}. */
  static DetectorSpec fromJson(String id, JsonObject json, Path home) {
    ConfigFields fields = new ConfigFields(json, "detectors." + id, KEYS);
    String modelsDir = fields.string("modelsDir", null);
    Map<String, String> settings = new LinkedHashMap<>();
    JsonObject settingsJson = fields.object("settings");
    for (String key : settingsJson.fieldNames()) {
      Object value = settingsJson.getValue(key);
      if (!(value instanceof String text)) {
        throw fields.wrong("settings." + key, value, "a string");
      }
      settings.put(key, text);
    }
    return new DetectorSpec(id, fields.string("provider", id), fields.string("jar", null),
        modelsDir == null ? null : home.resolve(modelsDir).normalize(), settings);
  }

  /** This spec as configuration JSON. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("provider", provider);
    if (jar != null) {
      json.put("jar", jar);
    }
    if (modelsDir != null) {
      json.put("modelsDir", modelsDir.toString());
    }
    return json.put("settings", new JsonObject(new LinkedHashMap<>(settings)));
  }
}
