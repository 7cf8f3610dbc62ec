package org.barcodeanomaly.evaluation.reference;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.barcodeanomaly.api.detector.ScoreTable;
import org.barcodeanomaly.api.detector.Thresholds;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.event.ScanEvent;
import org.barcodeanomaly.evaluation.data.LabelledEvents;
import org.barcodeanomaly.evaluation.metrics.RankingMetrics;
import org.barcodeanomaly.evaluation.metrics.Reported;

/**
 * Generated events with their ground truth.
 *
 * @param events     the events, in the (shuffled) order a detector receives them
 * @param labels     per event, the anomaly types injected on it
 * @param anomalyFree per event, whether its trail received no anomaly (noise only)
 * @param missedRead per event, whether its trail is anomaly-free but lost a whole visit in a blind
 *                   zone: it skips a tier, and only time tells it from a skipped-tier fraud
 * @param variants   per event, the name of the variant injected into its EPC's trail, or null
 * @param noise      per event, the names of the normal variation it carries (none for most)
 */
public record LabelledBatch(List<ScanEvent> events, List<Set<AnomalyType>> labels, boolean[] anomalyFree,
    boolean[] missedRead, List<String> variants, List<Set<String>> noise) {

  /**
   * Per variant, the labelled (event, type) pairs and how many of them {@code thresholds} reports:
   * the recall at the detector's operating point, variant by variant.
   */
  public Map<String, Reported> recallByVariant(ScoreTable scores, Thresholds thresholds) {
    Map<String, int[]> counts = new TreeMap<>();
    for (int i = 0; i < size(); i++) {
      String variant = variants.get(i);
      for (AnomalyType type : labels.get(i)) {
        int[] count = counts.computeIfAbsent(variant == null ? "unnamed" : variant, name -> new int[2]);
        count[0]++;
        count[1] += thresholds.reports(type, scores.get(i, type)) ? 1 : 0;
      }
    }
    Map<String, Reported> recall = new TreeMap<>();
    counts.forEach((variant, count) -> recall.put(variant, new Reported(count[0], count[1])));
    return recall;
  }

  /**
   * Per kind of normal variation, the events of anomaly-free EPCs that carry it and how many of
   * them {@code thresholds} reports for any type (each one a false alert).
   */
  public Map<String, Reported> reportsByNoise(ScoreTable scores, Thresholds thresholds) {
    Map<String, int[]> counts = new TreeMap<>();
    for (int i = 0; i < size(); i++) {
      if (!anomalyFree[i]) {
        continue;
      }
      boolean reported = reportsAny(scores, thresholds, i);
      for (String kind : noise.get(i)) {
        int[] count = counts.computeIfAbsent(kind, name -> new int[2]);
        count[0]++;
        count[1] += reported ? 1 : 0;
      }
    }
    Map<String, Reported> reports = new TreeMap<>();
    counts.forEach((kind, count) -> reports.put(kind, new Reported(count[0], count[1])));
    return reports;
  }

  /** Events of anomaly-free EPCs and how many of them {@code thresholds} reports for any type. */
  public Reported anomalyFreeReports(ScoreTable scores, Thresholds thresholds) {
    int events = 0;
    int reported = 0;
    for (int i = 0; i < size(); i++) {
      if (anomalyFree[i]) {
        events++;
        reported += reportsAny(scores, thresholds, i) ? 1 : 0;
      }
    }
    return new Reported(events, reported);
  }

  private static boolean reportsAny(ScoreTable scores, Thresholds thresholds, int event) {
    for (AnomalyType type : AnomalyType.values()) {
      if (thresholds.reports(type, scores.get(event, type))) {
        return true;
      }
    }
    return false;
  }

  /** Number of events. */
  public int size() {
    return events.size();
  }

  /** The events with their labels, as trainers and evaluations take them. */
  public LabelledEvents toLabelledEvents() {
    byte[] bits = new byte[size()];
    for (int i = 0; i < bits.length; i++) {
      for (AnomalyType type : labels.get(i)) {
        bits[i] |= (byte) (1 << type.ordinal());
      }
    }
    return new LabelledEvents(events, bits);
  }

  /** ROC-AUC of {@code scores}' column {@code type} against the labels (NaN without both classes). */
  public double rocAuc(ScoreTable scores, AnomalyType type) {
    float[] column = new float[size()];
    boolean[] positive = new boolean[size()];
    for (int i = 0; i < size(); i++) {
      column[i] = scores.get(i, type);
      positive[i] = labels.get(i).contains(type);
    }
    return RankingMetrics.rocAuc(column, positive);
  }

  /** Mean ROC-AUC over the five types. */
  public double macroRocAuc(ScoreTable scores) {
    double sum = 0;
    for (AnomalyType type : AnomalyType.values()) {
      sum += rocAuc(scores, type);
    }
    return sum / AnomalyType.COUNT;
  }

  /** Number of events on missed-read trails. */
  public int missedReadEvents() {
    int count = 0;
    for (boolean missed : missedRead) {
      count += missed ? 1 : 0;
    }
    return count;
  }

  /**
   * How many events of missed-read trails {@code thresholds} reports as {@code type}: each is a
   * false report, since those trails carry no anomaly.
   */
  public int reportedOnMissedReads(ScoreTable scores, Thresholds thresholds, AnomalyType type) {
    int reported = 0;
    for (int i = 0; i < size(); i++) {
      if (missedRead[i] && thresholds.reports(type, scores.get(i, type))) {
        reported++;
      }
    }
    return reported;
  }
}
