package org.barcodeanomaly.svm.train;

import java.util.stream.IntStream;

/**
 * How well scores rank anomalous events above normal ones, and what a threshold catches: ROC
 * AUC, average precision, and precision/recall/F1 at a threshold.
 *
 * <p>Ties are treated honestly: tied scores share their rank in the AUC (a tie counts half), and
 * the precision-recall curve steps over a whole group of tied scores at once, so a detector that
 * gives everyone the same score gets AUC 0.5 and AP equal to the positive share.
 */
public final class RankingMetrics {

  private RankingMetrics() {
  }

  /** Precision, recall and F1 of reporting events whose score is at or above a threshold. */
  public record AtThreshold(double threshold, double precision, double recall, double f1,
      long truePositives, long falsePositives, long falseNegatives) { }

  /**
   * The probability that a random anomalous event scores above a random normal one (Mann–Whitney
   * U, ties counting half); {@code NaN} when one of the two classes is empty.
   */
  public static double rocAuc(double[] scores, boolean[] positive) {
    int[] order = ascending(scores);
    double rankSumOfPositives = 0;
    long positives = 0;
    int start = 0;
    while (start < order.length) {
      int end = tieEnd(scores, order, start);
      double averageRank = (start + 1 + end) / 2.0;
      for (int i = start; i < end; i++) {
        if (positive[order[i]]) {
          rankSumOfPositives += averageRank;
          positives++;
        }
      }
      start = end;
    }
    long negatives = scores.length - positives;
    if (positives == 0 || negatives == 0) {
      return Double.NaN;
    }
    return (rankSumOfPositives - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
  }

  /**
   * Average precision: the mean, over anomalous events, of the precision among events scored at
   * or above each one (a tied group counted as one step); {@code NaN} when there is no positive.
   */
  public static double averagePrecision(double[] scores, boolean[] positive) {
    int[] order = ascending(scores);
    long totalPositives = 0;
    for (boolean p : positive) {
      totalPositives += p ? 1 : 0;
    }
    if (totalPositives == 0) {
      return Double.NaN;
    }
    double sum = 0;
    long seen = 0;
    long truePositives = 0;
    int end = order.length;
    while (end > 0) {
      int start = tieStart(scores, order, end);
      long groupPositives = 0;
      for (int i = start; i < end; i++) {
        groupPositives += positive[order[i]] ? 1 : 0;
      }
      seen += end - start;
      truePositives += groupPositives;
      sum += groupPositives * ((double) truePositives / seen);
      end = start;
    }
    return sum / totalPositives;
  }

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

  private static int tieEnd(double[] scores, int[] order, int start) {
    int end = start + 1;
    while (end < order.length && scores[order[end]] == scores[order[start]]) {
      end++;
    }
    return end;
  }

  private static int tieStart(double[] scores, int[] order, int end) {
    int start = end - 1;
    while (start > 0 && scores[order[start - 1]] == scores[order[end - 1]]) {
      start--;
    }
    return start;
  }
}
