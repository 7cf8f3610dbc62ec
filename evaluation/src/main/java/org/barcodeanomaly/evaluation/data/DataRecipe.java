package org.barcodeanomaly.evaluation.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.barcodeanomaly.modelformat.JsonFields;

/**
 * The command that made a labelled data set, read from the manifest the simulator writes beside
 * it ({@value #MANIFEST_FILE}). The data hash proves which data trained a model; the recipe says
 * how to make that data again, so a model's provenance is enough to reproduce it.
 */
public final class DataRecipe {

  /** The simulator's manifest in a data set directory. */
  public static final String MANIFEST_FILE = "simulation.json";

  private DataRecipe() {
  }

  /**
   * The command that wrote {@code directory}: {@code bin/anomaly simulate --out <directory>} and the
   * manifest's {@code arguments}, or for manifests of simulators that did not record them, the
   * arguments rebuilt from its {@code options}; empty when there is no manifest (data that did not
   * come from the simulator).
   *
   * @throws IOException when the manifest exists but is not one the simulator writes
   */
  public static Optional<String> command(Path directory) throws IOException {
    Path manifest = directory.resolve(MANIFEST_FILE);
    if (!Files.isRegularFile(manifest)) {
      return Optional.empty();
    }
    JsonFields json = JsonFields.read(manifest);
    String arguments = json.has("arguments") ? json.string("arguments") : rebuilt(json.object("options"));
    return Optional.of("bin/anomaly simulate --out " + directory + " " + arguments);
  }

  private static String rebuilt(JsonFields options) throws IOException {
    StringBuilder command = new StringBuilder()
        .append("--epcs ").append(options.integer("epcs"))
        .append(" --seed ").append(options.integer("seed"))
        .append(" --anomaly-rate ").append(number(options.number("anomalyRate")))
        .append(" --profile ").append(options.string("profile"));
    if (options.has("variants")) {
      command.append(" --variants ").append(String.join(",", options.strings("variants")));
    }
    return command.toString();
  }

  private static String number(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
  }
}
