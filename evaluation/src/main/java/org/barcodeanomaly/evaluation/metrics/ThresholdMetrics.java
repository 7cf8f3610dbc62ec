package org.barcodeanomaly.evaluation.metrics;

import java.util.stream.IntStream;

/**
 * What a reporting threshold catches: precision, recall and F1 at a threshold, and the threshold
 * that maximises F1 (how training picks each type's threshold on validation data). Ranking
 * metrics (ROC AUC, average precision) are the evaluate command's
 * {@link org.barcodeanomaly.evaluation.metrics.RankingMetrics}, so every detector is measured alike.
 *
 * <p>A group of tied scores is stepped over at once: a threshold reports all of them or none.
 */
public final class ThresholdMetrics {

  private ThresholdMetrics() {
  }

  /** Precision, recall and F1 of reporting events whose score is at or above a threshold. */
  public record AtThreshold(double threshold, double precision, double recall, double f1,
      long truePositives, long falsePositives, long falseNegatives) { }

  /** Precision, recall and F1 when events scoring {@code >= threshold} are reported. */
  public static AtThreshold at(double[] scores, boolean[] positive, double threshold) {
    long tp = 0;
    long fp = 0;
    long fn = 0;
    for (int i = 0; i < scores.length; i++) {
      boolean reported = scores[i] >= threshold;
      if (reported && positive[i]) {
        tp++;
      } else if (reported) {
        fp++;
      } else if (positive[i]) {
        fn++;
      }
    }
    return of(threshold, tp, fp, fn);
  }

  /**
   * The threshold among the scores that maximises F1 (ties go to the higher threshold, which
   * reports fewer events); {@code null} when there is no positive.
   */
  public static AtThreshold bestF1(double[] scores, boolean[] positive) {
    int[] order = ascending(scores);
    long totalPositives = 0;
    for (boolean p : positive) {
      totalPositives += p ? 1 : 0;
    }
    if (totalPositives == 0) {
      return null;
    }
    AtThreshold best = null;
    long tp = 0;
    long fp = 0;
    int end = order.length;
    while (end > 0) {
      int start = tieStart(scores, order, end);
      for (int i = start; i < end; i++) {
        if (positive[order[i]]) {
          tp++;
        } else {
          fp++;
        }
      }
      AtThreshold candidate = of(scores[order[start]], tp, fp, totalPositives - tp);
      if (best == null || candidate.f1() > best.f1()) {
        best = candidate;
      }
      end = start;
    }
    return best;
  }

  private static AtThreshold of(double threshold, long tp, long fp, long fn) {
    double precision = tp + fp == 0 ? 1 : (double) tp / (tp + fp);
    double recall = tp + fn == 0 ? 1 : (double) tp / (tp + fn);
    double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    return new AtThreshold(threshold, precision, recall, f1, tp, fp, fn);
  }

  private static int[] ascending(double[] scores) {
    return IntStream.range(0, scores.length).boxed()
        .sorted((a, b) -> Double.compare(scores[a], scores[b]))
        .mapToInt(Integer::intValue).toArray();
  }

  private static int tieStart(double[] scores, int[] order, int end) {
    int start = end - 1;
    while (start > 0 && scores[order[start - 1]] == scores[order[end - 1]]) {
      start--;
    }
    return start;
  }
}
