package org.barcodeanomaly.evaluation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The outcome of an {@link Evaluation}: what was joined, the metrics per type, their averages,
 * hamming loss and cost-weighted accuracy. {@link #table()} is for people, {@link #toMap()} for
 * the JSON report (undefined metrics become {@code null}). Immutable.
 *
 * @param events          events evaluated (with both a label and a score)
 * @param labelled        events in the labels file
 * @param unscored        labelled events without a score (left out)
 * @param unlabelled      scored events without a label (left out)
 * @param problemCount    rows of either file that could not be used
 * @param problems        the first of those problems, as messages
 * @param types           metrics per anomaly type, in column order
 * @param macro           mean of the per-type metrics (AUC and AP over the types where defined)
 * @param micro           metrics of all event-type pairs pooled
 * @param hammingLoss     share of event-type decisions that are wrong
 * @param cost            cost of the decisions, by the cost matrix
 * @param worstCost       cost had every decision been wrong
 * @param costs           the cost matrix both costs were counted with
 */
public record EvaluationReport(long events, long labelled, long unscored, long unlabelled,
    long problemCount, List<String> problems, List<TypeResult> types, Averages macro, Averages micro,
    double hammingLoss, double cost, double worstCost, CostMatrix costs) {

  /** Precision, recall, F1, ROC-AUC and average precision of an average. */
  public record Averages(double precision, double recall, double f1, double rocAuc,
      double averagePrecision) {

    Map<String, Object> toMap() {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("precision", defined(precision));
      map.put("recall", defined(recall));
      map.put("f1", defined(f1));
      map.put("rocAuc", defined(rocAuc));
      map.put("averagePrecision", defined(averagePrecision));
      return map;
    }
  }

  /** {@code 1 - cost / worstCost}: 1 when every decision is right. */
  public double costWeightedAccuracy() {
    return worstCost == 0 ? 1 : 1 - cost / worstCost;
  }

  /** The metrics of {@code type}'s contract name, e.g. {@code jump}. */
  public TypeResult type(String contractName) {
    return types.stream().filter(t -> t.type().contractName().equals(contractName)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no anomaly type '" + contractName + "'"));
  }

  /** A readable table. */
  public String table() {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "events evaluated %,d (labelled %,d; labelled without score %,d; "
        + "scored without label %,d; unusable rows %,d)%n%n", events, labelled, unscored, unlabelled, problemCount));
    out.append(String.format(Locale.ROOT, "%-12s %9s %9s %7s %7s %6s %8s %8s %8s %9s %7s %7s%n", "type", "positive",
        "negative", "ROC-AUC", "AP", "thr", "TP", "FP", "FN", "precision", "recall", "F1"));
    for (TypeResult type : types) {
      out.append(String.format(Locale.ROOT, "%-12s %,9d %,9d %7s %7s %6.1f %,8d %,8d %,8d %9.4f %7.4f %7.4f%n",
          type.type().contractName(), type.positives(), type.negatives(), metric(type.rocAuc()),
          metric(type.averagePrecision()), type.threshold(), type.truePositives(), type.falsePositives(),
          type.falseNegatives(), type.precision(), type.recall(), type.f1()));
    }
    averageRow(out, "macro", macro);
    averageRow(out, "micro", micro);
    out.append(String.format(Locale.ROOT, "%nhamming loss            %.6f%n", hammingLoss));
    out.append(String.format(Locale.ROOT, "cost-weighted accuracy  %.6f  (cost %,.0f of %,.0f if every "
        + "decision were wrong; miss/false-alarm costs: %s)%n", costWeightedAccuracy(), cost, worstCost, costs));
    for (String problem : problems) {
      out.append("problem: ").append(problem).append(System.lineSeparator());
    }
    return out.toString();
  }

  /** The report as nested maps and lists, ready for a JSON writer. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("events", events);
    map.put("labelled", labelled);
    map.put("labelledWithoutScore", unscored);
    map.put("scoredWithoutLabel", unlabelled);
    map.put("unusableRows", problemCount);
    map.put("problems", problems);
    Map<String, Object> perType = new LinkedHashMap<>();
    for (TypeResult type : types) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("positives", type.positives());
      entry.put("negatives", type.negatives());
      entry.put("rocAuc", defined(type.rocAuc()));
      entry.put("averagePrecision", defined(type.averagePrecision()));
      entry.put("threshold", type.threshold());
      entry.put("truePositives", type.truePositives());
      entry.put("falsePositives", type.falsePositives());
      entry.put("falseNegatives", type.falseNegatives());
      entry.put("trueNegatives", type.trueNegatives());
      entry.put("precision", type.precision());
      entry.put("recall", type.recall());
      entry.put("f1", type.f1());
      perType.put(type.type().contractName(), entry);
    }
    map.put("types", perType);
    map.put("macro", macro.toMap());
    map.put("micro", micro.toMap());
    map.put("hammingLoss", hammingLoss);
    map.put("cost", cost);
    map.put("worstCost", worstCost);
    map.put("costWeightedAccuracy", costWeightedAccuracy());
    map.put("costMatrix", costs.toString());
    return map;
  }

  private static void averageRow(StringBuilder out, String name, Averages averages) {
    out.append(String.format(Locale.ROOT, "%-12s %9s %9s %7s %7s %6s %8s %8s %8s %9.4f %7.4f %7.4f%n", name, "", "",
        metric(averages.rocAuc()), metric(averages.averagePrecision()), "", "", "", "", averages.precision(),
        averages.recall(), averages.f1()));
  }

  private static String metric(double value) {
    return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.4f", value);
  }

  private static Double defined(double value) {
    return Double.isNaN(value) ? null : value;
  }
}
