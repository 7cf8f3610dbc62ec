package org.barcodeanomaly.svm.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed access to one JSON object of a manifest read by {@link JsonTree}, with errors that name
 * the file, the field's path and what was expected.
 */
final class Fields {

  private final Path file;
  private final String path;
  private final Map<?, ?> object;

  Fields(Path file, String path, Object tree) throws IOException {
    this.file = file;
    this.path = path;
    if (!(tree instanceof Map<?, ?> map)) {
      throw new IOException(file + ": " + (path.isEmpty() ? "the document" : path)
          + " must be a JSON object");
    }
    this.object = map;
  }

  Set<String> keys() {
    Set<String> keys = new LinkedHashSet<>();
    for (Object key : object.keySet()) {
      keys.add(String.valueOf(key));
    }
    return keys;
  }

  Fields object(String name) throws IOException {
    return new Fields(file, describe(name), require(name));
  }

  String string(String name) throws IOException {
    Object value = require(name);
    if (!(value instanceof String text)) {
      throw invalid(name, value, "a string");
    }
    return text;
  }

  long integer(String name) throws IOException {
    Object value = require(name);
    if (!(value instanceof Long number)) {
      throw invalid(name, value, "an integer");
    }
    return number;
  }

  double number(String name) throws IOException {
    Object value = require(name);
    if (!(value instanceof Number number)) {
      throw invalid(name, value, "a number");
    }
    return number.doubleValue();
  }

  double[] numbers(String name) throws IOException {
    List<?> list = list(name);
    double[] values = new double[list.size()];
    for (int k = 0; k < values.length; k++) {
      if (!(list.get(k) instanceof Number number)) {
        throw invalid(name, list.get(k), "an array of numbers");
      }
      values[k] = number.doubleValue();
    }
    return values;
  }

  List<String> strings(String name) throws IOException {
    List<String> values = new ArrayList<>();
    for (Object item : list(name)) {
      if (!(item instanceof String text)) {
        throw invalid(name, item, "an array of strings");
      }
      values.add(text);
    }
    return values;
  }

  /** The dotted path of field {@code name} of this object. */
  String describe(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  IOException invalid(String name, Object value, String expected) {
    return new IOException(file + ": field " + describe(name) + " is " + value
        + "; expected " + expected);
  }

  private List<?> list(String name) throws IOException {
    Object value = require(name);
    if (!(value instanceof List<?> list)) {
      throw invalid(name, value, "an array");
    }
    return list;
  }

  private Object require(String name) throws IOException {
    if (!object.containsKey(name) || object.get(name) == null) {
      throw new IOException(file + ": field " + describe(name) + " is missing; the file was not "
          + "written by `bin/anomaly train-svm`, or was edited");
    }
    return object.get(name);
  }
}
