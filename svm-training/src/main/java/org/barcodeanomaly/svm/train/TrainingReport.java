package org.barcodeanomaly.svm.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.modelformat.JsonTree;
import org.barcodeanomaly.modelformat.ModelProvenance;

/**
 * Writes what training found into the model directory: {@value #JSON} for tools and {@value #MARKDOWN}
 * for people, both with the held-out figures of the SVM beside the peer's on the same events.
 */
public final class TrainingReport {

  /** Machine-readable report file name. */
  public static final String JSON = "report.json";
  /** Human-readable report file name. */
  public static final String MARKDOWN = "report.md";

  private TrainingReport() {
  }

  /** Writes both files into {@code directory}. */
  public static void write(Path directory, SvmTrainer.Outcome outcome,
      HeldOutEvaluation.Comparison comparison) throws IOException {
    JsonTree.write(json(outcome, comparison), directory.resolve(JSON));
    Files.writeString(directory.resolve(MARKDOWN), markdown(outcome, comparison),
        StandardCharsets.UTF_8);
  }

  static Map<String, Object> json(SvmTrainer.Outcome outcome, HeldOutEvaluation.Comparison comparison) {
    ModelProvenance provenance = outcome.model().provenance();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("modelVersion", provenance.modelVersion());
    json.put("dataHash", provenance.data().sha256());
    json.put("seed", provenance.seed());
    json.put("testEvents", comparison.events());
    json.put("testEpcs", comparison.epcs());
    json.put("svm", detectorJson(comparison.svm()));
    if (comparison.peer() != null) {
      json.put("peer", detectorJson(comparison.peer()));
    }
    Map<String, Object> selection = new LinkedHashMap<>();
    outcome.types().forEach((type, typeOutcome) -> selection.put(type.contractName(), selectionJson(typeOutcome)));
    json.put("selection", selection);
    return json;
  }

  private static Map<String, Object> detectorJson(HeldOutEvaluation.DetectorMetrics metrics) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("detector", metrics.detector());
    json.put("macroAuc", finiteOrNull(metrics.macroAuc()));
    Map<String, Object> types = new LinkedHashMap<>();
    metrics.byType().forEach((type, m) -> {
      Map<String, Object> typeJson = new LinkedHashMap<>();
      typeJson.put("positives", m.positives());
      typeJson.put("auc", finiteOrNull(m.auc()));
      typeJson.put("averagePrecision", finiteOrNull(m.averagePrecision()));
      typeJson.put("threshold", m.atThreshold().threshold());
      typeJson.put("precision", m.atThreshold().precision());
      typeJson.put("recall", m.atThreshold().recall());
      typeJson.put("f1", m.atThreshold().f1());
      typeJson.put("truePositives", m.atThreshold().truePositives());
      typeJson.put("falsePositives", m.atThreshold().falsePositives());
      typeJson.put("falseNegatives", m.atThreshold().falseNegatives());
      types.put(type.contractName(), typeJson);
    });
    json.put("types", types);
    return json;
  }

  private static Map<String, Object> selectionJson(SvmTrainer.TypeOutcome outcome) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("trainingEvents", outcome.trainingEvents());
    json.put("nu", outcome.chosen().nu());
    json.put("gamma", outcome.chosen().gamma());
    json.put("supportVectors", outcome.chosen().supportVectors());
    json.put("validationAuc", finiteOrNull(outcome.chosen().validationAuc()));
    json.put("threshold", outcome.model().threshold());
    List<Object> grid = new ArrayList<>();
    for (SvmTrainer.GridPoint point : outcome.grid()) {
      Map<String, Object> pointJson = new LinkedHashMap<>();
      pointJson.put("nu", point.nu());
      pointJson.put("gamma", point.gamma());
      pointJson.put("validationAuc", finiteOrNull(point.validationAuc()));
      pointJson.put("validationAp", finiteOrNull(point.validationAp()));
      pointJson.put("supportVectors", point.supportVectors());
      pointJson.put("trainSeconds", point.trainSeconds());
      grid.add(pointJson);
    }
    json.put("grid", grid);
    return json;
  }

  static String markdown(SvmTrainer.Outcome outcome, HeldOutEvaluation.Comparison comparison) {
    ModelProvenance provenance = outcome.model().provenance();
    StringBuilder md = new StringBuilder();
    md.append("# SVM detector: held-out report\n\n");
    md.append("- model `").append(provenance.modelVersion()).append("`, trained ")
        .append(provenance.createdAt()).append(" with Tribuo ").append(provenance.libraries().get("tribuo"))
        .append('\n');
    md.append("- data ").append(provenance.data().source()).append(", `").append(provenance.data().sha256())
        .append("`, seed ").append(provenance.seed()).append('\n');
    if (provenance.data().recipe() != null) {
      md.append("- data made by: `").append(provenance.data().recipe()).append("`\n");
    }
    md.append("- split: ").append(provenance.split().name()).append(" (").append(provenance.split().description())
        .append("); thresholds: ").append(provenance.thresholdPolicy().name()).append('\n');
    md.append("- command: `").append(provenance.trainingCommand()).append("`\n");
    md.append(String.format(Locale.ROOT, "- test split: %,d events of %,d EPCs that training and "
        + "validation never saw; labels are the simulator's ground truth%n%n", comparison.events(), comparison.epcs()));
    HeldOutEvaluation.DetectorMetrics peer = comparison.peer();
    md.append("| type | positives | SVM AUC | SVM AP | SVM threshold | SVM precision | SVM recall |");
    md.append(peer == null ? "\n|---|---|---|---|---|---|---|\n"
        : " " + peer.detector() + " AUC | " + peer.detector() + " AP | " + peer.detector()
            + " precision | " + peer.detector() + " recall |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (AnomalyType type : AnomalyType.values()) {
      HeldOutEvaluation.TypeMetrics svm = comparison.svm().byType().get(type);
      md.append(String.format(Locale.ROOT, "| %s | %,d | %s | %s | %.2f | %.3f | %.3f |", type.contractName(),
          svm.positives(), figure(svm.auc()), figure(svm.averagePrecision()), svm.atThreshold().threshold(),
          svm.atThreshold().precision(), svm.atThreshold().recall()));
      if (peer != null) {
        HeldOutEvaluation.TypeMetrics rule = peer.byType().get(type);
        md.append(String.format(Locale.ROOT, " %s | %s | %.3f | %.3f |", figure(rule.auc()),
            figure(rule.averagePrecision()), rule.atThreshold().precision(), rule.atThreshold().recall()));
      }
      md.append('\n');
    }
    md.append(String.format(Locale.ROOT, "| **macro** | | **%s** | | | | |%s%n%n", figure(comparison.svm().macroAuc()),
        peer == null ? "" : " **" + figure(peer.macroAuc()) + "** | | | |"));
    md.append("## Chosen hyper-parameters (validation split)\n\n");
    md.append("| type | training events | ν | γ | support vectors | validation AUC | threshold |\n");
    md.append("|---|---|---|---|---|---|---|\n");
    outcome.types().forEach((type, t) -> md.append(String.format(Locale.ROOT,
        "| %s | %,d | %s | %.4f | %,d | %s | %.2f |%n", type.contractName(), t.trainingEvents(),
        t.chosen().nu(), t.chosen().gamma(), t.chosen().supportVectors(),
        figure(t.chosen().validationAuc()), t.model().threshold())));
    return md.toString();
  }

  private static String figure(double value) {
    return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.4f", value);
  }

  private static Object finiteOrNull(double value) {
    return Double.isFinite(value) ? value : null;
  }
}
