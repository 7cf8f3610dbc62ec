package org.barcodeanomaly.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.barcodeanomaly.api.detector.DetectorOptions;
import org.barcodeanomaly.api.detector.ExplainingDetector;
import org.barcodeanomaly.evaluation.data.GroundTruth;
import org.barcodeanomaly.evaluation.data.LabelTable;
import org.barcodeanomaly.evaluation.data.LabelledDataSet;
import org.barcodeanomaly.evaluation.explain.ExplanationAlignment;
import org.barcodeanomaly.pluginhost.AnomalyHome;
import org.barcodeanomaly.pluginhost.PluginDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code anomaly explain-alignment}: how often each detector's explanations point at the cause the
 * simulator injected (the top attributed event is the injected one; the top feature belongs to the
 * changed field), per type and per variant, as Markdown ({@link ExplanationAlignment}). The
 * README's alignment table is made with it.
 */
@Command(name = "explain-alignment", mixinStandardHelpOptions = true,
    description = {"Explain every reported event of a labelled (simulated) data set with each detector and "
        + "measure how often the explanation points at the injected cause: the share of reports of injected "
        + "anomalies whose top attributed event is the injected one, then whose top feature belongs to the "
        + "changed field, per type and per variant. Prints Markdown."})
public final class ExplainAlignmentCommand implements Callable<Integer> {

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--data", required = true, paramLabel = "DIR",
      description = "The labelled data set (a simulate output: labels.csv, scans/, anomalies.csv).")
  Path data;

  @Option(names = "--detector", required = true, arity = "1..*", split = ",", paramLabel = "NAME",
      description = "Detectors to measure, e.g. rule,svm,lstm; each must explain (ExplainingDetector).")
  List<String> detectors;

  @Option(names = "--plugins", paramLabel = "DIR", description = "Directory of detector plugin jars (default: <home>/plugins).")
  Path plugins;

  @Option(names = "--models", paramLabel = "DIR",
      description = "Directory of models, one sub-directory per detector (default: <home>/models).")
  Path models;

  @Option(names = "--out", paramLabel = "FILE", description = "Also write the tables to FILE.")
  Path out;

  @Override
  public Integer call() throws Exception {
    LabelledDataSet set = LabelledDataSet.read(data);
    GroundTruth truth = GroundTruth.read(data, LabelTable.read(data.resolve(LabelledDataSet.LABELS_FILE)));
    List<ExplanationAlignment> runs = new ArrayList<>();
    for (String name : detectors) {
      runs.add(measure(name, set, truth));
    }
    String markdown = "Share of explained reports of injected anomalies whose top event is the injected one / "
        + "whose top feature is of the injected cause (reports)\n\n" + ExplanationAlignment.markdown(runs)
        + "\n" + ExplanationAlignment.variantMarkdown(runs);
    System.out.print(markdown);
    if (out != null) {
      Files.writeString(out, markdown, StandardCharsets.UTF_8);
      System.out.println("wrote " + out);
    }
    return 0;
  }

  private ExplanationAlignment measure(String name, LabelledDataSet set, GroundTruth truth) throws Exception {
    DetectorOptions options = new DetectorOptions().setModelsDir(models == null ? AnomalyHome.modelsDir() : models);
    try (PluginDirectory.OpenDetector open = PluginDirectory.open(plugins == null ? AnomalyHome.pluginsDir() : plugins,
        name, options)) {
      if (!(open.detector() instanceof ExplainingDetector explaining)) {
        throw new ParameterException(spec.commandLine(), "--detector " + name
            + ": this detector cannot explain its verdicts (it is no ExplainingDetector)");
      }
      long started = System.nanoTime();
      int total = set.data().size();
      PrintStream err = System.err;
      ExplanationAlignment alignment = ExplanationAlignment.measure(explaining, set.data(), truth::variant,
          done -> err.printf(Locale.ROOT, "\r%s: explained %,d / %,d events (%.0f %%)", name, done, total,
              100.0 * done / Math.max(1, total)));
      err.printf(Locale.ROOT, "%n%s: %,d reports of injected anomalies explained in %.1f s%n", name,
          alignment.overall().reports(), (System.nanoTime() - started) / 1e9);
      return alignment;
    }
  }
}
