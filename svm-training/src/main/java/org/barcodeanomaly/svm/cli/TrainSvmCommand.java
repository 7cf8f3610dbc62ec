package org.barcodeanomaly.svm.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.barcodeanomaly.api.detector.DetectorOptions;
import org.barcodeanomaly.api.detector.DetectorUnavailableException;
import org.barcodeanomaly.evaluation.data.DataRecipe;
import org.barcodeanomaly.evaluation.data.LabelledDataSet;
import org.barcodeanomaly.features.FeatureExtractor;
import org.barcodeanomaly.modelformat.TrainingData;
import org.barcodeanomaly.pluginhost.AnomalyHome;
import org.barcodeanomaly.pluginhost.PluginDirectory;
import org.barcodeanomaly.svm.model.SvmModelStore;
import org.barcodeanomaly.svm.train.HeldOutEvaluation;
import org.barcodeanomaly.svm.train.SvmTrainer;
import org.barcodeanomaly.svm.train.TrainingOptions;
import org.barcodeanomaly.svm.train.TrainingReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code anomaly train-svm}: trains the SVM detector's model on a simulator output directory and
 * writes it, with its provenance and a held-out report beside the rule detector's figures, into
 * the model directory the {@code svm} detector loads.
 */
@Command(name = "train-svm", mixinStandardHelpOptions = true,
    description = "Train the one-class SVM detector on simulated, labelled scan data.")
public final class TrainSvmCommand implements Callable<Integer> {

  /** Exit status when the data directory cannot be used. */
  static final int EXIT_BAD_DATA = 2;

  @Option(names = "--data", required = true, paramLabel = "DIR",
      description = "Simulator output: DIR/scans/*.csv and DIR/labels.csv.")
  Path data;

  @Option(names = "--out", defaultValue = "models/svm", paramLabel = "DIR",
      description = "Model directory to write (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--seed", defaultValue = "7", paramLabel = "S",
      description = "Seed of the split, the subsampling and libsvm (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--max-events", defaultValue = "0", paramLabel = "N",
      description = "Use about N events (whole EPCs, seeded); 0 = all (default).")
  int maxEvents;

  @Option(names = "--per-type", defaultValue = "12000", paramLabel = "N",
      description = "Normal training events per type's SVM (default: ${DEFAULT-VALUE}).")
  int perType;

  @Option(names = "--plugins", paramLabel = "DIR",
      description = "Where the rule detector's plugin jar is, for the report (default: <home>/plugins).")
  Path plugins;

  @Override
  public Integer call() throws Exception {
    PrintStream console = System.out;
    long started = System.nanoTime();
    console.printf("reading %s%n", data);
    LabelledDataSet loaded;
    try {
      loaded = LabelledDataSet.read(data);
    } catch (IOException e) {
      System.err.println("anomaly train-svm: " + e.getMessage());
      return EXIT_BAD_DATA;
    }
    loaded.problems().stream().limit(20).forEach(problem -> System.err.println("  skipped: " + problem));
    console.printf("%,d labelled events (%,d rows skipped), %s%n", loaded.data().size(),
        loaded.problems().size(), loaded.sha256());
    TrainingOptions options = new TrainingOptions().setSeed(seed).setMaxEvents(maxEvents)
        .setTrainingEventsPerType(perType)
        .setProgress(line -> console.printf("[%6.1f s] %s%n", (System.nanoTime() - started) / 1e9, line));
    TrainingData trainingData = new TrainingData(describe(loaded), loaded.sha256(), loaded.data().size(),
        DataRecipe.command(data).orElse(null));
    SvmTrainer.Outcome outcome = new SvmTrainer(options, FeatureExtractor.standard()).train(
        loaded.data(), new SvmTrainer.DataDescription(trainingData, command()));
    SvmModelStore.save(outcome.model(), out);
    HeldOutEvaluation.Comparison comparison = evaluate(outcome);
    TrainingReport.write(out, outcome, comparison);
    console.printf(Locale.ROOT, "model %s written to %s; held-out macro AUC %.4f%s; see %s%n",
        outcome.model().provenance().modelVersion(), out, comparison.svm().macroAuc(),
        comparison.peer() == null ? "" : String.format(Locale.ROOT, " (rules %.4f)", comparison.peer().macroAuc()),
        out.resolve(TrainingReport.MARKDOWN));
    return 0;
  }

  private HeldOutEvaluation.Comparison evaluate(SvmTrainer.Outcome outcome) throws IOException {
    Path pluginsDir = plugins != null ? plugins : AnomalyHome.pluginsDir();
    try (PluginDirectory.OpenDetector rules = PluginDirectory.open(pluginsDir, "rule", new DetectorOptions())) {
      return HeldOutEvaluation.evaluate(outcome.model(), rules.detector(), outcome.data());
    } catch (DetectorUnavailableException e) {
      System.err.println("anomaly train-svm: the report will have no rule figures: " + e.getMessage());
      return HeldOutEvaluation.evaluate(outcome.model(), null, outcome.data());
    }
  }

  private String describe(LabelledDataSet loaded) {
    return data.toAbsolutePath().normalize() + " (" + loaded.data().size() + " events)";
  }

  private String command() {
    return "bin/anomaly train-svm --data " + data + " --out " + out + " --seed " + seed
        + " --max-events " + maxEvents + " --per-type " + perType;
  }
}
