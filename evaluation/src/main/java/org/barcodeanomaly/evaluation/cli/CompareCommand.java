package org.barcodeanomaly.evaluation.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.barcodeanomaly.api.detector.Thresholds;
import org.barcodeanomaly.evaluation.CostMatrix;
import org.barcodeanomaly.evaluation.DetectorComparison;
import org.barcodeanomaly.evaluation.Evaluation;
import org.barcodeanomaly.evaluation.OperatingPoint;
import org.barcodeanomaly.evaluation.ThresholdSpec;
import org.barcodeanomaly.evaluation.data.GroundTruth;
import org.barcodeanomaly.evaluation.data.LabelTable;
import org.barcodeanomaly.evaluation.data.LabelledDataSet;
import org.barcodeanomaly.evaluation.data.ScoredEvents;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code anomaly compare}: several detectors' scores of one labelled data set side by side, each
 * at its own thresholds, as a Markdown table (the README's comparison table and the robustness
 * run's are made with it).
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = {"Compare several detectors' scores of one labelled data set side by side, each at its own "
        + "thresholds (the sidecar `score` wrote): false alerts per million events of anomaly-free EPCs, "
        + "reports per kind of normal variation, recall per anomaly variant, ROC-AUC per type. Prints Markdown."})
public final class CompareCommand implements Callable<Integer> {

  @Option(names = "--data", required = true, paramLabel = "DIR",
      description = "The labelled data set (a simulate output: labels.csv, scans/, anomalies.csv, noise.csv).")
  Path data;

  @Option(names = "--scores", required = true, paramLabel = "NAME=FILE",
      description = "A detector's scores.csv under a column name, e.g. rule=out/rule.csv; repeat per detector.")
  Map<String, Path> scores = new LinkedHashMap<>();

  @Option(names = "--out", paramLabel = "FILE", description = "Also write the table to FILE.")
  Path out;

  @Override
  public Integer call() throws Exception {
    Path labelsFile = data.resolve(LabelledDataSet.LABELS_FILE);
    if (!Files.isRegularFile(labelsFile)) {
      throw new NoSuchFileException(labelsFile.toString(), null,
          "no labels.csv: --data must name a labelled data set (anomaly simulate --out DIR)");
    }
    LabelTable table = LabelTable.read(labelsFile);
    GroundTruth truth = GroundTruth.read(data, table);
    List<DetectorComparison.Run> runs = new ArrayList<>();
    for (Map.Entry<String, Path> entry : scores.entrySet()) {
      Path file = entry.getValue();
      if (!Files.isRegularFile(file)) {
        throw new NoSuchFileException(file.toString(), null,
            "no such scores file for --scores " + entry.getKey() + "=…: name an existing scores.csv");
      }
      Thresholds thresholds = ThresholdSpec.parse(ThresholdSpec.ownSpecOf(file));
      ScoredEvents events = ScoredEvents.join(table, file);
      runs.add(new DetectorComparison.Run(entry.getKey(),
          new Evaluation(thresholds, CostMatrix.standard()).evaluate(events),
          OperatingPoint.of(events, truth, thresholds)));
    }
    String markdown = new DetectorComparison(runs).markdown();
    System.out.print(markdown);
    if (out != null) {
      Files.writeString(out, markdown, StandardCharsets.UTF_8);
      System.out.println("wrote " + out);
    }
    return 0;
  }
}
