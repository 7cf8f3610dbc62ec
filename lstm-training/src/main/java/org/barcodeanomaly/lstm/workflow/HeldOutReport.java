package org.barcodeanomaly.lstm.workflow;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.barcodeanomaly.api.detector.Thresholds;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.lstm.eval.EventScores;

/**
 * The held-out (test split) comparison: per type the number of positives, the LSTM's ROC-AUC and
 * average precision, the same for the rule detector on the same events, and the LSTM trained on
 * noisy labels. Renders as Markdown for people and as a map for {@code report.json}.
 *
 * @param lstm       LSTM scores on the test events
 * @param rule       rule detector scores on the same events, when its plugin was available
 * @param noisy      scores of the label-noise run, when it ran
 * @param noiseRate  share of flipped training labels in that run
 * @param thresholds the calibrated LSTM thresholds
 */
record HeldOutReport(EventScores lstm, Optional<EventScores> rule, Optional<EventScores> noisy,
    double noiseRate, Thresholds thresholds) {

  /** Markdown table and notes. */
  String markdown(String header) {
    StringBuilder md = new StringBuilder(header).append("\n\n");
    md.append("| type | positives | LSTM AUC | LSTM AP | rule AUC | rule AP | LSTM AUC, ")
        .append(percent(noiseRate)).append(" labels flipped | threshold |\n");
    md.append("|---|---|---|---|---|---|---|---|\n");
    Map<AnomalyType, Double> auc = lstm.aucByType();
    Map<AnomalyType, Double> ap = lstm.averagePrecisionByType();
    for (AnomalyType type : AnomalyType.values()) {
      md.append("| ").append(type.contractName())
          .append(" | ").append(positives(type))
          .append(" | ").append(number(auc.get(type)))
          .append(" | ").append(number(ap.get(type)))
          .append(" | ").append(rule.map(r -> number(r.aucByType().get(type))).orElse("n/a"))
          .append(" | ").append(rule.map(r -> number(r.averagePrecisionByType().get(type))).orElse("n/a"))
          .append(" | ").append(noisy.map(n -> number(n.aucByType().get(type))).orElse("not run"))
          .append(" | ").append(String.format(Locale.ROOT, "%.1f", thresholds.get(type)))
          .append(" |\n");
    }
    md.append("| macro | | ").append(number(lstm.macroAuc())).append(" | | ")
        .append(rule.map(r -> number(r.macroAuc())).orElse("n/a")).append(" | | ")
        .append(noisy.map(n -> number(n.macroAuc())).orElse("not run")).append(" | |\n\n");
    md.append("AUC/AP are `n/a` (NaN) for a type without positives in the test split. ")
        .append("Rule scores are those of `plugins/rule-plugin.jar` on exactly the same events.\n");
    return md.toString();
  }

  /** The numbers as nested maps for JSON. */
  Map<String, Object> asMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("events", lstm.size());
    map.put("lstm", metrics(lstm));
    rule.ifPresent(r -> map.put("rule", metrics(r)));
    noisy.ifPresent(n -> {
      Map<String, Object> noise = metrics(n);
      noise.put("flippedLabelShare", noiseRate);
      map.put("lstmLabelNoise", noise);
    });
    return map;
  }

  private static Map<String, Object> metrics(EventScores scores) {
    Map<String, Object> map = new LinkedHashMap<>();
    Map<String, Object> auc = new LinkedHashMap<>();
    Map<String, Object> ap = new LinkedHashMap<>();
    scores.aucByType().forEach((type, value) -> auc.put(type.contractName(), value));
    scores.averagePrecisionByType().forEach((type, value) -> ap.put(type.contractName(), value));
    map.put("macroAuc", scores.macroAuc());
    map.put("auc", auc);
    map.put("averagePrecision", ap);
    return map;
  }

  private long positives(AnomalyType type) {
    long n = 0;
    for (boolean positive : lstm.positivesOf(type)) {
      n += positive ? 1 : 0;
    }
    return n;
  }

  private static String number(Double value) {
    return value == null || value.isNaN() ? "n/a" : String.format(Locale.ROOT, "%.4f", value);
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.0f %%", share * 100);
  }
}
