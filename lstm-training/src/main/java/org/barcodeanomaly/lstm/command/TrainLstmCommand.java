package org.barcodeanomaly.lstm.command;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.barcodeanomaly.lstm.workflow.TrainingRun;
import org.barcodeanomaly.lstm.workflow.TrainingRunOptions;
import org.barcodeanomaly.pluginhost.AnomalyHome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code anomaly train-lstm}: trains the LSTM on a simulator directory with DL4J (CPU backend,
 * one ND4J thread by default) and writes a complete, servable model directory.
 */
@Command(name = "train-lstm", mixinStandardHelpOptions = true,
    description = {"Train the LSTM detector on simulator output (scans/ + labels.csv) and write "
        + "the DL4J model, model.onnx, thresholds, provenance, logs, learning curves and the "
        + "held-out report beside the rule detector."})
public final class TrainLstmCommand implements Callable<Integer> {

  @Option(names = "--data", required = true, paramLabel = "DIR",
      description = "Simulator output directory (anomaly simulate --out DIR).")
  Path data;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "Model directory to write, e.g. models/lstm.")
  Path out;

  @Option(names = "--epochs", defaultValue = "12",
      description = "Most epochs; early stopping on validation macro AUC may end sooner (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--max-epcs", paramLabel = "N",
      description = "Use a seeded sample of at most N EPCs (default: all).")
  Integer maxEpcs;

  @Option(names = "--seed", defaultValue = "20261125", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--batch-size", defaultValue = "128", description = "Sequences per minibatch (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(names = "--patience", defaultValue = "3",
      description = "Epochs without a better validation AUC before stopping (default: ${DEFAULT-VALUE}).")
  int patience;

  @Option(names = "--label-noise", defaultValue = "0.05",
      description = "Share of training labels flipped in the extra label-noise run; 0 skips it (default: ${DEFAULT-VALUE}).")
  double labelNoise;

  @Option(names = "--buffer-hours", defaultValue = "24", paramLabel = "H",
      description = "Gap in hours between the last scans of the training, validation and test trails (default: ${DEFAULT-VALUE}).")
  long bufferHours;

  @Option(names = "--plugins", paramLabel = "DIR",
      description = "Plugin directory with the rule detector for the report (default: <home>/plugins).")
  Path plugins;

  @Override
  public Integer call() throws Exception {
    if (epochs < 1 || (maxEpcs != null && maxEpcs < 10) || labelNoise < 0 || labelNoise >= 0.5
        || bufferHours < 0) {
      throw new IllegalArgumentException("--epochs must be >= 1 (was " + epochs + "), --max-epcs >= 10 (was "
          + maxEpcs + "), 0 <= --label-noise < 0.5 (was " + labelNoise + ") and --buffer-hours >= 0 (was "
          + bufferHours + ")");
    }
    Nd4jThreads.configure();
    TrainingRunOptions options = new TrainingRunOptions().setData(data).setOut(out).setEpochs(epochs)
        .setMaxEpcs(maxEpcs == null ? Integer.MAX_VALUE : maxEpcs).setSeed(seed).setBatchSize(batchSize)
        .setPatience(patience).setLabelNoise(labelNoise).setBufferHours(bufferHours)
        .setPluginsDir(plugins != null ? plugins : AnomalyHome.pluginsDir());
    System.out.println(new TrainingRun(options, System.out).run());
    System.out.println("model written to " + out.toAbsolutePath());
    return 0;
  }
}
