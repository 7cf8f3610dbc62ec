package org.barcodeanomaly.evaluation.reference;

import java.util.List;
import java.util.Set;
import org.barcodeanomaly.api.detector.ScoreTable;
import org.barcodeanomaly.api.detector.Thresholds;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.event.ScanEvent;
import org.barcodeanomaly.evaluation.data.LabelledEvents;
import org.barcodeanomaly.evaluation.metrics.RankingMetrics;

/**
 * Generated events with their ground truth.
 *
 * @param events     the events, in the (shuffled) order a detector receives them
 * @param labels     per event, the anomaly types injected on it
 * @param anomalyFree per event, whether its trail received no anomaly (noise only)
 * @param missedRead per event, whether its trail is anomaly-free but lost a whole visit in a blind
 *                   zone: it skips a tier, and only time tells it from a skipped-tier fraud
 */
public record LabelledBatch(List<ScanEvent> events, List<Set<AnomalyType>> labels, boolean[] anomalyFree,
    boolean[] missedRead) {

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
