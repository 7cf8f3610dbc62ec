package org.barcodeanomaly.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.evaluation.metrics.Reported;

/**
 * Several detectors' runs on the same labelled data set, side by side: the table an analyst
 * reads to choose between them and the one the README shows. Each run is judged at its own
 * thresholds; rows are the operating point (false alerts per million events of anomaly-free
 * EPCs, reports per kind of normal variation, recall per variant) and the ranking figures
 * (ROC-AUC per type and macro). Immutable.
 *
 * @param runs the detectors' runs, in column order
 */
public record DetectorComparison(List<Run> runs) {

  /**
   * One detector's run.
   *
   * @param name  the column heading, e.g. {@code rule}
   * @param report the ranking and threshold figures of its scores
   * @param point  its operating point
   */
  public record Run(String name, EvaluationReport report, OperatingPoint point) {
  }

  /** Copies the list; at least one run. */
  public DetectorComparison {
    if (runs.isEmpty()) {
      throw new IllegalArgumentException("compare at least one detector's scores");
    }
    runs = List.copyOf(runs);
  }

  /** The table in Markdown: one column per run, figures at each run's own thresholds. */
  public String markdown() {
    StringBuilder md = new StringBuilder("| | ");
    runs.forEach(run -> md.append(run.name()).append(" | "));
    md.setLength(md.length() - 1);
    md.append("\n|---|");
    runs.forEach(run -> md.append("---:|"));
    md.append('\n');
    row(md, "false alerts per million events of anomaly-free EPCs",
        run -> String.format(Locale.ROOT, "%,.0f", run.point().falseAlerts().perMillion()));
    row(md, "anomaly-free events reported",
        run -> String.format(Locale.ROOT, "%,d of %,d", run.point().falseAlerts().reported(),
            run.point().falseAlerts().events()));
    for (String kind : names(run -> run.point().byNoise().keySet())) {
      row(md, "normal variation `" + kind + "`: events reported", run -> {
        Reported count = run.point().byNoise().get(kind);
        return count == null ? "–" : String.format(Locale.ROOT, "%,d of %,d", count.reported(), count.events());
      });
    }
    for (String variant : names(run -> run.point().byVariant().keySet())) {
      row(md, "recall `" + variant + "`", run -> {
        Reported count = run.point().byVariant().get(variant);
        return count == null ? "–" : String.format(Locale.ROOT, "%.3f", count.share());
      });
    }
    for (AnomalyType type : AnomalyType.values()) {
      row(md, "ROC-AUC " + type.contractName(),
          run -> auc(run.report().type(type.contractName()).rocAuc()));
    }
    row(md, "ROC-AUC macro", run -> auc(run.report().macro().rocAuc()));
    return md.toString();
  }

  private void row(StringBuilder md, String heading, Function<Run, String> cell) {
    md.append("| ").append(heading).append(" | ");
    runs.forEach(run -> md.append(cell.apply(run)).append(" | "));
    md.setLength(md.length() - 1);
    md.append('\n');
  }

  private List<String> names(Function<Run, Set<String>> of) {
    TreeSet<String> names = new TreeSet<>();
    runs.forEach(run -> names.addAll(of.apply(run)));
    return new ArrayList<>(names);
  }

  private static String auc(double value) {
    return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.4f", value);
  }
}
