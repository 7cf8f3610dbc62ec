package org.barcodeanomaly.evaluation;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.barcodeanomaly.api.detector.Thresholds;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.evaluation.data.GroundTruth;
import org.barcodeanomaly.evaluation.data.ScoredEvents;
import org.barcodeanomaly.evaluation.metrics.Reported;

/**
 * A detector judged as an operator lives with it, at its own thresholds: how many events of
 * anomaly-free EPCs it reports (false alerts per million, overall and per kind of normal
 * variation) and, per injected variant, how many of the variant's labelled (event, type) pairs it
 * reports (recall). ROC-AUC hides both. Immutable.
 *
 * @param falseAlerts events of anomaly-free EPCs, and how many were reported for any type
 * @param byNoise     the same, per kind of normal variation the events carry
 * @param byVariant   per variant, its labelled (event, type) pairs and how many were reported
 */
public record OperatingPoint(Reported falseAlerts, Map<String, Reported> byNoise,
    Map<String, Reported> byVariant) {

  /** Copies the maps. */
  public OperatingPoint {
    byNoise = java.util.Collections.unmodifiableMap(new TreeMap<>(byNoise));
    byVariant = java.util.Collections.unmodifiableMap(new TreeMap<>(byVariant));
  }

  /** The operating point of {@code events} at {@code thresholds}, broken down by {@code truth}. */
  public static OperatingPoint of(ScoredEvents events, GroundTruth truth, Thresholds thresholds) {
    long normalEvents = 0;
    long normalReported = 0;
    Map<String, long[]> noise = new TreeMap<>();
    Map<String, long[]> variants = new TreeMap<>();
    for (int i = 0; i < events.size(); i++) {
      long id = events.id(i);
      String variant = truth.variant(id);
      if (variant == null) {
        boolean reported = reportsAny(events, thresholds, i);
        normalEvents++;
        normalReported += reported ? 1 : 0;
        for (String kind : truth.noise(id)) {
          long[] count = noise.computeIfAbsent(kind, name -> new long[2]);
          count[0]++;
          count[1] += reported ? 1 : 0;
        }
        continue;
      }
      for (AnomalyType type : AnomalyType.values()) {
        if (events.truth(type)[i]) {
          long[] count = variants.computeIfAbsent(variant, name -> new long[2]);
          count[0]++;
          count[1] += thresholds.reports(type, events.scores(type)[i]) ? 1 : 0;
        }
      }
    }
    return new OperatingPoint(new Reported(normalEvents, normalReported), reported(noise), reported(variants));
  }

  /** A readable table. */
  public String table() {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%nat the operating point: %,d of %,d events of anomaly-free EPCs reported,"
        + " %.0f false alerts per million%n", falseAlerts.reported(), falseAlerts.events(), falseAlerts.perMillion()));
    if (!byNoise.isEmpty()) {
      out.append(String.format(Locale.ROOT, "%-34s %9s %9s %12s%n", "normal variation", "events", "reported",
          "per million"));
      byNoise.forEach((kind, count) -> out.append(String.format(Locale.ROOT, "%-34s %,9d %,9d %,12.0f%n", kind,
          count.events(), count.reported(), count.perMillion())));
    }
    if (!byVariant.isEmpty()) {
      out.append(String.format(Locale.ROOT, "%-34s %9s %9s %9s%n", "variant", "labelled", "reported", "recall"));
      byVariant.forEach((variant, count) -> out.append(String.format(Locale.ROOT, "%-34s %,9d %,9d %9.4f%n",
          variant, count.events(), count.reported(), count.share())));
    }
    return out.toString();
  }

  /** The figures as nested maps, ready for a JSON writer. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("anomalyFreeEvents", falseAlerts.events());
    map.put("anomalyFreeEventsReported", falseAlerts.reported());
    map.put("falseAlertsPerMillion", falseAlerts.perMillion());
    Map<String, Object> noise = new LinkedHashMap<>();
    byNoise.forEach((kind, count) -> noise.put(kind, Map.of("events", count.events(), "reported",
        count.reported(), "perMillion", count.perMillion())));
    map.put("falseAlertsByNoise", noise);
    Map<String, Object> variants = new LinkedHashMap<>();
    byVariant.forEach((variant, count) -> variants.put(variant, Map.of("labelled", count.events(), "reported",
        count.reported(), "recall", count.share())));
    map.put("recallByVariant", variants);
    return map;
  }

  private static boolean reportsAny(ScoredEvents events, Thresholds thresholds, int i) {
    for (AnomalyType type : AnomalyType.values()) {
      if (thresholds.reports(type, events.scores(type)[i])) {
        return true;
      }
    }
    return false;
  }

  private static Map<String, Reported> reported(Map<String, long[]> counts) {
    Map<String, Reported> result = new TreeMap<>();
    counts.forEach((name, count) -> result.put(name, new Reported(count[0], count[1])));
    return result;
  }
}
