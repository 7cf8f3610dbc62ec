package org.barcodeanomaly.svm.train;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.barcodeanomaly.simulator.Simulator;
import org.barcodeanomaly.simulator.anomaly.AnomalyVariant;
import org.barcodeanomaly.svm.model.JsonTree;

/**
 * The {@code bin/anomaly simulate} command that made a simulator output, rebuilt from the
 * options its manifest records. The data hash proves which data trained a model; this says how
 * to make that data again, so a model's provenance is enough to reproduce it.
 */
public final class SimulationRecipe {

  private SimulationRecipe() {
  }

  /**
   * The simulate command for {@code directory}, or empty when it has no manifest (data that did
   * not come from the simulator, or an older one).
   *
   * @throws IOException when the manifest exists but cannot be read or lacks its options
   */
  public static Optional<String> command(Path directory) throws IOException {
    Path manifest = directory.resolve(Simulator.MANIFEST_FILE);
    if (!Files.isRegularFile(manifest)) {
      return Optional.empty();
    }
    Object tree;
    try (InputStream in = Files.newInputStream(manifest)) {
      tree = JsonTree.read(in);
    }
    if (!(tree instanceof Map<?, ?> root) || !(root.get("options") instanceof Map<?, ?> options)) {
      throw new IOException(manifest + ": no \"options\" object; expected the manifest `bin/anomaly simulate` writes");
    }
    return Optional.of(command(directory, options));
  }

  private static String command(Path directory, Map<?, ?> options) throws IOException {
    StringBuilder command = new StringBuilder("bin/anomaly simulate --out ").append(directory)
        .append(" --epcs ").append(required(options, "epcs"))
        .append(" --seed ").append(required(options, "seed"))
        .append(" --anomaly-rate ").append(required(options, "anomalyRate"))
        .append(" --profile ").append(required(options, "profile"));
    if (options.get("variants") instanceof List<?> variants && variants.size() != AnomalyVariant.values().length) {
      command.append(" --variants ").append(String.join(",", variants.stream().map(String::valueOf).toList()));
    }
    return command.toString();
  }

  private static Object required(Map<?, ?> options, String name) throws IOException {
    Object value = options.get(name);
    if (value == null) {
      throw new IOException("the simulation manifest's options have no '" + name + "'");
    }
    return value;
  }
}
