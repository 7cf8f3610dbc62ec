package org.barcodeanomaly.svm.train;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.barcodeanomaly.api.detector.Detector;
import org.barcodeanomaly.api.detector.ScoreTable;
import org.barcodeanomaly.api.detector.Thresholds;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.event.ScanEvent;
import org.barcodeanomaly.evaluation.metrics.RankingMetrics;
import org.barcodeanomaly.evaluation.metrics.ThresholdMetrics;
import org.barcodeanomaly.evaluation.split.EpcSplit;
import org.barcodeanomaly.svm.model.SvmModel;

/**
 * Measures the trained model on the test split, which training never saw, beside a peer detector
 * (the rules) scoring exactly the same events: per type ROC AUC, average precision, and
 * precision/recall at each detector's own reporting threshold.
 */
public final class HeldOutEvaluation {

  private HeldOutEvaluation() {
  }

  /** One detector's figures for one type. */
  public record TypeMetrics(double auc, double averagePrecision, ThresholdMetrics.AtThreshold atThreshold,
      int positives) { }

  /** A detector's figures for all types. */
  public record DetectorMetrics(String detector, Map<AnomalyType, TypeMetrics> byType) {
    /** Mean ROC AUC over the types that have positives and negatives. */
    public double macroAuc() {
      return byType.values().stream().mapToDouble(TypeMetrics::auc).filter(v -> !Double.isNaN(v))
          .average().orElse(Double.NaN);
    }
  }

  /** The SVM's figures and, when a peer was given, the peer's, on {@code events} test events. */
  public record Comparison(int events, int epcs, DetectorMetrics svm, DetectorMetrics peer) { }

  /** Scores the test split with {@code model} and {@code peer} (null: no peer). */
  public static Comparison evaluate(SvmModel model, Detector peer, PreparedData data) {
    int[] rows = data.rows(EpcSplit.Part.TEST, false);
    List<ScanEvent> events = data.events(rows);
    DetectorMetrics svm = metrics("svm", model.score(events), model.thresholds(), data, rows);
    DetectorMetrics peerMetrics = peer == null ? null
        : metrics(peer.name(), peer.score(events), peer.thresholds(), data, rows);
    return new Comparison(rows.length, data.split().count(EpcSplit.Part.TEST), svm, peerMetrics);
  }

  /** Figures of {@code table} (rows in the order of {@code rows}) against the ground truth. */
  static DetectorMetrics metrics(String name, ScoreTable table, Thresholds thresholds,
      PreparedData data, int[] rows) {
    Map<AnomalyType, TypeMetrics> byType = new EnumMap<>(AnomalyType.class);
    for (AnomalyType type : AnomalyType.values()) {
      boolean[] labels = data.labels(rows, type);
      float[] scores = new float[rows.length];
      double[] thresholdScores = new double[rows.length];
      int positives = 0;
      for (int i = 0; i < rows.length; i++) {
        scores[i] = table.get(i, type);
        thresholdScores[i] = scores[i];
        positives += labels[i] ? 1 : 0;
      }
      byType.put(type, new TypeMetrics(RankingMetrics.rocAuc(scores, labels),
          RankingMetrics.averagePrecision(scores, labels),
          ThresholdMetrics.at(thresholdScores, labels, thresholds.get(type)), positives));
    }
    return new DetectorMetrics(name, byType);
  }
}
