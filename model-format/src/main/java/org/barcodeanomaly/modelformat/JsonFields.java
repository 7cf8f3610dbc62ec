package org.barcodeanomaly.modelformat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed access to one JSON object of a file read by {@link JsonTree}, with errors that name the
 * file, the field's dotted path and what was expected, so a damaged or foreign model file is
 * refused with a message an operator can act on rather than read wrongly.
 */
public final class JsonFields {

  private final Path file;
  private final String path;
  private final Map<?, ?> object;

  private JsonFields(Path file, String path, Object tree) throws IOException {
    this.file = file;
    this.path = path;
    if (!(tree instanceof Map<?, ?> map)) {
      throw new IOException(file + ": " + (path.isEmpty() ? "the document" : path)
          + " must be a JSON object");
    }
    this.object = map;
  }

  /**
   * The top-level object of {@code file}'s tree.
   *
   * @throws IOException when the tree is not a JSON object
   */
  public static JsonFields of(Path file, Object tree) throws IOException {
    return new JsonFields(file, "", tree);
  }

  /** Reads {@code file} and gives its top-level object. */
  public static JsonFields read(Path file) throws IOException {
    return of(file, JsonTree.read(file));
  }

  /** The file these fields were read from. */
  public Path file() {
    return file;
  }

  /** Whether field {@code name} is present and not null. */
  public boolean has(String name) {
    return object.get(name) != null;
  }

  /** The raw value of {@code name} (a map, list, string, number, boolean), or null. */
  public Object raw(String name) {
    return object.get(name);
  }

  /** Field names, in file order. */
  public Set<String> keys() {
    Set<String> keys = new LinkedHashSet<>();
    for (Object key : object.keySet()) {
      keys.add(String.valueOf(key));
    }
    return keys;
  }

  /** The object of field {@code name}. */
  public JsonFields object(String name) throws IOException {
    return new JsonFields(file, describe(name), require(name));
  }

  /** The string of field {@code name}. */
  public String string(String name) throws IOException {
    Object value = require(name);
    if (!(value instanceof String text)) {
      throw invalid(name, value, "a string");
    }
    return text;
  }

  /** The integer of field {@code name}. */
  public long integer(String name) throws IOException {
    Object value = require(name);
    if (!(value instanceof Long number)) {
      throw invalid(name, value, "an integer");
    }
    return number;
  }

  /** The number of field {@code name}. */
  public double number(String name) throws IOException {
    Object value = require(name);
    if (!(value instanceof Number number)) {
      throw invalid(name, value, "a number");
    }
    return number.doubleValue();
  }

  /** The array of numbers of field {@code name}. */
  public double[] numbers(String name) throws IOException {
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

  /** The array of strings of field {@code name}. */
  public List<String> strings(String name) throws IOException {
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
  public String describe(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  /** An error naming the file, field {@code name}, its value and what was expected instead. */
  public IOException invalid(String name, Object value, String expected) {
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
          + "written by this product's training commands, or was edited");
    }
    return object.get(name);
  }
}
