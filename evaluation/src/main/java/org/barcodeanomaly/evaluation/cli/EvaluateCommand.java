package org.barcodeanomaly.evaluation.cli;

import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.barcodeanomaly.api.detector.Thresholds;
import org.barcodeanomaly.evaluation.CostMatrix;
import org.barcodeanomaly.evaluation.Evaluation;
import org.barcodeanomaly.evaluation.EvaluationReport;
import org.barcodeanomaly.evaluation.OperatingPoint;
import org.barcodeanomaly.evaluation.ThresholdSpec;
import org.barcodeanomaly.evaluation.data.GroundTruth;
import org.barcodeanomaly.evaluation.data.LabelTable;
import org.barcodeanomaly.evaluation.data.LabelledDataSet;
import org.barcodeanomaly.evaluation.data.ScoredEvents;
import org.barcodeanomaly.modelformat.JsonTree;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code anomaly evaluate}: judges a detector's scores against a simulated set's labels and
 * prints per-type and averaged metrics; {@code --out} also writes them as JSON.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = {"Compare scores.csv (from 'anomaly score') with labels.csv (from 'anomaly simulate'): "
        + "per type ROC-AUC, average precision, precision/recall/F1 at the reporting threshold; macro and "
        + "micro averages; hamming loss; cost-weighted accuracy (a miss costs epcFake 10, epcDup 5, locErr 3, "
        + "evtOrderErr 2, jump 3 false alarms)."})
public final class EvaluateCommand implements Callable<Integer> {

  @Option(names = "--labels", paramLabel = "FILE",
      description = "labels.csv: event_id,epcFake,epcDup,locErr,evtOrderErr,jump with 0/1 "
          + "(default: DATA/labels.csv).")
  Path labels;

  @Option(names = "--data", paramLabel = "DIR",
      description = "The labelled data set the scores are of (a simulate output): its labels.csv, and its scan "
          + "files, anomalies.csv and noise.csv for the operating point: false alerts per million events of "
          + "anomaly-free EPCs, per kind of normal variation, and recall per anomaly variant.")
  Path data;

  @Option(names = "--scores", required = true, paramLabel = "FILE",
      description = "scores.csv: event_id,epcFake,epcDup,locErr,evtOrderErr,jump with scores 0-100.")
  Path scores;

  @Option(names = "--out", paramLabel = "FILE", description = "Also write the report as JSON.")
  Path out;

  @Option(names = "--thresholds", paramLabel = "SPEC",
      description = "Reporting thresholds: one number for all types, type=value pairs "
          + "such as epcFake=60,jump=40, or a JSON file of such pairs (top level or under \"thresholds\"). "
          + "Default: the detector's own thresholds that `score` wrote beside the scores "
          + "(scores.thresholds.json), else 50.")
  String thresholds;

  @Override
  public Integer call() throws Exception {
    if (labels == null && data == null) {
      throw new IllegalArgumentException("name the labels: --labels FILE, or --data DIR of a labelled data set");
    }
    Path labelsFile = labels != null ? labels : data.resolve(LabelledDataSet.LABELS_FILE);
    requireFile(labelsFile, "labels.csv");
    requireFile(scores, "scores.csv");
    Thresholds applied = ThresholdSpec.parse(thresholdSpec());
    LabelTable table = LabelTable.read(labelsFile);
    ScoredEvents events = ScoredEvents.join(table, scores);
    EvaluationReport report = new Evaluation(applied, CostMatrix.standard()).evaluate(events);
    System.out.print(report.table());
    Map<String, Object> json = new LinkedHashMap<>(report.toMap());
    if (data != null) {
      GroundTruth truth = GroundTruth.read(data, table);
      OperatingPoint point = OperatingPoint.of(events, truth, applied);
      System.out.print(point.table());
      truth.problems().stream().limit(20).forEach(problem -> System.out.println("problem: " + problem));
      json.put("operatingPoint", point.toMap());
    }
    if (out != null) {
      JsonTree.write(json, out);
      System.out.println("wrote " + out);
    }
    return 0;
  }

  /** Reading a directory fails with a bare "Is a directory" that names no file: say which. */
  private static void requireFile(Path file, String expected) throws FileSystemException {
    if (Files.isDirectory(file)) {
      throw new FileSystemException(file.toString(), null, "is a directory: name the " + expected + " file");
    }
    if (!Files.exists(file)) {
      throw new NoSuchFileException(file.toString(), null, "no such file: name an existing " + expected);
    }
  }

  private String thresholdSpec() {
    if (thresholds != null) {
      return thresholds;
    }
    String own = ThresholdSpec.ownSpecOf(scores);
    if (own != null) {
      System.out.println("thresholds from " + own);
    }
    return own;
  }
}
