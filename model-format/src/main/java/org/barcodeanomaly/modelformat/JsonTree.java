package org.barcodeanomaly.modelformat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one reader and writer of the product's own JSON files — model manifests, provenance,
 * training logs and reports, evaluation reports — as plain trees of {@link Map}, {@link List},
 * {@link String}, {@link Number}, {@link Boolean} and null, on jackson-core, which the host
 * already provides to plugins.
 *
 * <p>One policy for numbers JSON cannot hold: NaN and the infinities are written as {@code null}
 * (e.g. the ROC-AUC of a type without positives), never as a bare {@code NaN} token that other
 * JSON readers reject. Maps keep their iteration order, so the same tree writes the same bytes.
 */
public final class JsonTree {

  private static final JsonFactory JSON = new JsonFactory();

  private JsonTree() {
  }

  /**
   * Parses one JSON value; integers become {@link Long}, other numbers {@link Double}.
   *
   * @throws IOException when the input is not JSON
   */
  public static Object read(InputStream in) throws IOException {
    try (JsonParser parser = JSON.createParser(in)) {
      parser.nextToken();
      return value(parser);
    }
  }

  /**
   * {@code value} as the tree {@link #read} would give back after {@link #write}: maps and lists
   * copied, whole numbers as {@link Long}, other numbers as {@link Double} (non-finite ones as
   * null), arrays of numbers as lists, anything else not JSON as its text. Two values that write
   * the same JSON are equal once canonical, so a model's provenance compares equal to itself read
   * back.
   */
  public static Object canonical(Object value) {
    if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long) {
      return value;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((key, item) -> copy.put(String.valueOf(key), canonical(item)));
      return copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(item -> copy.add(canonical(item)));
      return copy;
    }
    if (value instanceof double[] doubles) {
      List<Object> copy = new ArrayList<>(doubles.length);
      for (double number : doubles) {
        copy.add(canonical(number));
      }
      return copy;
    }
    if (value instanceof float[] floats) {
      List<Object> copy = new ArrayList<>(floats.length);
      for (float number : floats) {
        copy.add(canonical((double) number));
      }
      return copy;
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Number number) {
      double real = number.doubleValue();
      return Double.isFinite(real) ? real : null;
    }
    return value.toString();
  }

  /**
   * Parses the JSON file {@code file}.
   *
   * @throws IOException naming the file when it cannot be read or is not JSON
   */
  public static Object read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in);
    } catch (JsonProcessingException e) {
      throw new IOException(file + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** Writes {@code tree} as indented JSON; maps keep their iteration order. */
  public static void write(Object tree, OutputStream out) throws IOException {
    try (JsonGenerator generator = JSON.createGenerator(out)) {
      generator.useDefaultPrettyPrinter();
      write(generator, tree);
    }
  }

  /** Writes {@code tree} as indented JSON into {@code file}, replacing it. */
  public static void write(Object tree, Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      write(tree, out);
    }
  }

  /** {@code tree} as JSON text: indented when {@code pretty}, else on one line (a log line). */
  public static String text(Object tree, boolean pretty) {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = JSON.createGenerator(out)) {
      if (pretty) {
        generator.useDefaultPrettyPrinter();
      }
      write(generator, tree);
    } catch (IOException e) {
      throw new UncheckedIOException("writing JSON to a string cannot fail", e);
    }
    return out.toString();
  }

  private static Object value(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == null) {
      throw new IOException("empty JSON document");
    }
    switch (token) {
      case START_OBJECT:
        Map<String, Object> object = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          parser.nextToken();
          object.put(name, value(parser));
        }
        return object;
      case START_ARRAY:
        List<Object> array = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          array.add(value(parser));
        }
        return array;
      case VALUE_STRING:
        return parser.getText();
      case VALUE_NUMBER_INT:
        return parser.getLongValue();
      case VALUE_NUMBER_FLOAT:
        return parser.getDoubleValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw new IOException("unexpected JSON token " + token + " at " + parser.currentLocation());
    }
  }

  private static void write(JsonGenerator generator, Object value) throws IOException {
    if (value == null) {
      generator.writeNull();
    } else if (value instanceof Map<?, ?> map) {
      generator.writeStartObject();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        generator.writeFieldName(String.valueOf(entry.getKey()));
        write(generator, entry.getValue());
      }
      generator.writeEndObject();
    } else if (value instanceof List<?> list) {
      generator.writeStartArray();
      for (Object item : list) {
        write(generator, item);
      }
      generator.writeEndArray();
    } else if (value instanceof double[] doubles) {
      generator.writeStartArray();
      for (double number : doubles) {
        writeDouble(generator, number);
      }
      generator.writeEndArray();
    } else if (value instanceof float[] floats) {
      generator.writeStartArray();
      for (float number : floats) {
        writeDouble(generator, number);
      }
      generator.writeEndArray();
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short
        || value instanceof Byte) {
      generator.writeNumber(((Number) value).longValue());
    } else if (value instanceof Number number) {
      writeDouble(generator, number.doubleValue());
    } else if (value instanceof Boolean bool) {
      generator.writeBoolean(bool);
    } else {
      generator.writeString(value.toString());
    }
  }

  private static void writeDouble(JsonGenerator generator, double number) throws IOException {
    if (Double.isFinite(number)) {
      generator.writeNumber(number);
    } else {
      generator.writeNull();
    }
  }
}
