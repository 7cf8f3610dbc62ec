package org.barcodeanomaly.gateway.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed, strict reading of one JSON object of the configuration file: every error names the
 * field by its dotted path, the value found and what was expected, and a key the gateway does
 * not know is refused (a misspelt key would otherwise be ignored silently).
 */
final class ConfigFields {

  private final JsonObject json;
  private final String path;

  ConfigFields(JsonObject json, String path, Set<String> knownKeys) {
    this.json = json;
    this.path = path;
    for (String key : json.fieldNames()) {
      if (!knownKeys.contains(key)) {
        throw new IllegalArgumentException("unknown configuration key '" + qualified(key)
            + "'; known keys here: " + String.join(", ", new TreeSet<>(knownKeys)));
      }
    }
  }

  boolean has(String key) {
    return json.containsKey(key) && json.getValue(key) != null;
  }

  String string(String key, String defaultValue) {
    Object value = json.getValue(key);
    if (value == null) {
      return defaultValue;
    }
    if (!(value instanceof String text) || text.isBlank()) {
      throw wrong(key, value, "a non-empty string");
    }
    return text;
  }

  long number(String key, long defaultValue, long min, long max) {
    Object value = json.getValue(key);
    if (value == null) {
      return defaultValue;
    }
    if (!(value instanceof Number number) || number.doubleValue() != number.longValue()
        || number.longValue() < min || number.longValue() > max) {
      throw wrong(key, value, "a whole number from " + min + " to " + max);
    }
    return number.longValue();
  }

  boolean bool(String key, boolean defaultValue) {
    Object value = json.getValue(key);
    if (value == null) {
      return defaultValue;
    }
    if (!(value instanceof Boolean flag)) {
      throw wrong(key, value, "true or false");
    }
    return flag;
  }

  List<String> strings(String key, List<String> defaultValue) {
    Object value = json.getValue(key);
    if (value == null) {
      return defaultValue;
    }
    if (!(value instanceof JsonArray array)) {
      throw wrong(key, value, "an array of strings");
    }
    List<String> strings = new ArrayList<>(array.size());
    for (Object item : array) {
      if (!(item instanceof String text) || text.isBlank()) {
        throw wrong(key, value, "an array of non-empty strings");
      }
      strings.add(text);
    }
    return strings;
  }

  JsonObject object(String key) {
    Object value = json.getValue(key);
    if (value == null) {
      return new JsonObject();
    }
    if (!(value instanceof JsonObject object)) {
      throw wrong(key, value, "a JSON object");
    }
    return object;
  }

  String qualified(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  IllegalArgumentException wrong(String key, Object value, String expected) {
    String shown = value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
    return new IllegalArgumentException("configuration field '" + qualified(key) + "' must be "
        + expected + ", was " + shown);
  }
}
