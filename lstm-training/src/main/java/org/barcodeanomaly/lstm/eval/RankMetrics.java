package org.barcodeanomaly.lstm.eval;

import java.util.Arrays;

/**
 * Threshold-free ranking metrics of scores against binary labels.
 *
 * <p>ROC-AUC is the Mann–Whitney statistic with tied scores counted half (so a constant
 * scorer gets exactly 0.5); average precision is the step-wise area under the
 * precision–recall curve, with tied scores entering together. Both are {@code NaN} when the labels
 * hold no positive (or, for AUC, no negative): such a type cannot be judged on that set.
 */
public final class RankMetrics {

  private RankMetrics() {
  }

  /** ROC-AUC of {@code scores} (higher = more anomalous) against {@code positive}. */
  public static double auc(float[] scores, boolean[] positive) {
    Integer[] order = ascending(scores);
    long positives = count(positive);
    long negatives = positive.length - positives;
    if (positives == 0 || negatives == 0) {
      return Double.NaN;
    }
    double rankSum = 0;
    int i = 0;
    while (i < order.length) {
      int j = i;
      while (j + 1 < order.length && scores[order[j + 1]] == scores[order[i]]) {
        j++;
      }
      double averageRank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        if (positive[order[k]]) {
          rankSum += averageRank;
        }
      }
      i = j + 1;
    }
    return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
  }

  /** Average precision of {@code scores} against {@code positive}. */
  public static double averagePrecision(float[] scores, boolean[] positive) {
    Integer[] order = ascending(scores);
    long positives = count(positive);
    if (positives == 0) {
      return Double.NaN;
    }
    double ap = 0;
    long truePositives = 0;
    long seen = 0;
    int i = order.length - 1;
    while (i >= 0) {
      int j = i;
      while (j - 1 >= 0 && scores[order[j - 1]] == scores[order[i]]) {
        j--;
      }
      long newPositives = 0;
      for (int k = j; k <= i; k++) {
        newPositives += positive[order[k]] ? 1 : 0;
      }
      seen += i - j + 1;
      truePositives += newPositives;
      ap += (double) newPositives / positives * truePositives / seen;
      i = j - 1;
    }
    return ap;
  }

  private static Integer[] ascending(float[] scores) {
    Integer[] order = new Integer[scores.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Float.compare(scores[a], scores[b]));
    return order;
  }

  private static long count(boolean[] values) {
    long n = 0;
    for (boolean value : values) {
      n += value ? 1 : 0;
    }
    return n;
  }
}
