package org.barcodeanomaly.evaluation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.barcodeanomaly.api.detector.Thresholds;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.modelformat.JsonFields;
import org.barcodeanomaly.modelformat.JsonTree;

/**
 * Reads the reporting thresholds an evaluation applies, from the forms the command accepts:
 * <ul>
 *   <li>one number, e.g. {@code 50}: the same threshold for every type;</li>
 *   <li>{@code type=value} pairs, e.g. {@code epcFake=60,jump=40}: the types not named keep
 *       {@value #DEFAULT_THRESHOLD};</li>
 *   <li>the path of a JSON file holding an object of such pairs, either at the top level or under
 *       a {@code thresholds} key (e.g. a detector's model manifest).</li>
 * </ul>
 * A score at or above its type's threshold is reported, as {@link Thresholds#reports} says.
 */
public final class ThresholdSpec {

  /** The threshold of a type that is not named: the detectors' documented default. */
  public static final double DEFAULT_THRESHOLD = 50.0;

  private ThresholdSpec() {
  }

  /**
   * Parses {@code spec}; {@code null} or blank gives {@value #DEFAULT_THRESHOLD} for every type.
   *
   * @throws IllegalArgumentException naming the part that is wrong and what is accepted
   * @throws IOException when {@code spec} names a JSON file that cannot be read
   */
  public static Thresholds parse(String spec) throws IOException {
    if (spec == null || spec.isBlank()) {
      return Thresholds.uniform(DEFAULT_THRESHOLD);
    }
    String text = spec.trim();
    if (text.endsWith(".json") || Files.isRegularFile(Path.of(text))) {
      return fromJson(Path.of(text));
    }
    if (!text.contains("=")) {
      return Thresholds.uniform(number(text, "threshold"));
    }
    Map<AnomalyType, Double> values = defaults();
    for (String pair : text.split(",")) {
      String[] parts = pair.split("=", -1);
      if (parts.length != 2) {
        throw new IllegalArgumentException("threshold '" + pair.trim()
            + "' is not type=value; e.g. epcFake=60,jump=40");
      }
      values.put(type(parts[0].trim()), number(parts[1].trim(), parts[0].trim()));
    }
    return Thresholds.of(values);
  }

  /**
   * The thresholds file written beside a scores file ({@code scores.csv} →
   * {@code scores.thresholds.json}), so that evaluate judges a detector at its own reporting
   * thresholds without being told them.
   */
  public static Path sidecarOf(Path scoresFile) {
    String name = scoresFile.getFileName().toString();
    String stem = name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
    return scoresFile.resolveSibling(stem + ".thresholds.json");
  }

  /**
   * The spec of a detector's own thresholds for {@code scoresFile}: its {@link #sidecarOf sidecar}
   * when {@code score} wrote one, else null (which {@link #parse} reads as 50 for every type).
   */
  public static String ownSpecOf(Path scoresFile) {
    Path sidecar = sidecarOf(scoresFile);
    return Files.isRegularFile(sidecar) ? sidecar.toString() : null;
  }

  /** Writes {@code thresholds} of {@code detector} to {@link #sidecarOf(Path) the sidecar} of {@code scoresFile}. */
  public static void writeSidecar(Path scoresFile, String detector, Thresholds thresholds)
      throws IOException {
    Map<String, Object> values = new LinkedHashMap<>();
    for (AnomalyType type : AnomalyType.values()) {
      values.put(type.contractName(), (double) thresholds.get(type));
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("detector", detector);
    root.put("thresholds", values);
    JsonTree.write(root, sidecarOf(scoresFile));
  }

  private static Thresholds fromJson(Path file) throws IOException {
    JsonFields root;
    try {
      root = JsonFields.read(file);
    } catch (IOException e) {
      if (Files.isRegularFile(file)) {
        throw new IllegalArgumentException(file + ": expected a JSON object of type: threshold pairs, "
            + "at the top level or under \"thresholds\" (" + e.getMessage() + ")", e);
      }
      throw e;
    }
    JsonFields object = root.has("thresholds") ? root.object("thresholds") : root;
    Map<AnomalyType, Double> values = defaults();
    for (String name : object.keys()) {
      if (!(object.raw(name) instanceof Number number)) {
        throw new IllegalArgumentException(file + ": threshold of " + name + " is "
            + object.raw(name) + ", not a number");
      }
      values.put(type(name), number.doubleValue());
    }
    return Thresholds.of(values);
  }

  private static Map<AnomalyType, Double> defaults() {
    Map<AnomalyType, Double> values = new EnumMap<>(AnomalyType.class);
    for (AnomalyType type : AnomalyType.values()) {
      values.put(type, DEFAULT_THRESHOLD);
    }
    return values;
  }

  private static AnomalyType type(String name) {
    return AnomalyType.fromContractName(name);
  }

  private static double number(String text, String what) {
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("threshold of " + what + " is '" + text
          + "', not a number; thresholds are scores in (0, 100]", e);
    }
  }
}
