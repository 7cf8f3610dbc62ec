package org.barcodeanomaly.evaluation.metrics;

import java.util.Arrays;

/**
 * Threshold-free metrics of one binary task: ROC-AUC and average precision.
 *
 * <ul>
 *   <li>ROC-AUC is the Mann-Whitney statistic: the probability that a random positive scores
 *       above a random negative, ties counting one half (average ranks).</li>
 *   <li>Average precision is the step-wise sum over the distinct scores taken as thresholds, from
 *       the highest down: {@code AP = sum (R_k - R_{k-1}) * P_k}, with tied scores entering
 *       together (scikit-learn's definition; no interpolation).</li>
 * </ul>
 * Both are NaN when undefined: AUC without a positive or without a negative, AP without a
 * positive. Sorting packs each score and its position into one long, so a million events sort as
 * primitives. Stateless.
 */
public final class RankingMetrics {

  private RankingMetrics() {
  }

  /** ROC-AUC of {@code scores} against {@code positive}; NaN when a class is empty. */
  public static double rocAuc(float[] scores, boolean[] positive) {
    checkSameLength(scores, positive);
    long[] order = ascending(scores);
    long positives = 0;
    double positiveRankSum = 0;
    int i = 0;
    while (i < order.length) {
      int end = tieEnd(order, i);
      double averageRank = (i + 1 + end) / 2.0;
      for (int k = i; k < end; k++) {
        if (positive[index(order[k])]) {
          positives++;
          positiveRankSum += averageRank;
        }
      }
      i = end;
    }
    long negatives = scores.length - positives;
    if (positives == 0 || negatives == 0) {
      return Double.NaN;
    }
    return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
  }

  /** Average precision of {@code scores} against {@code positive}; NaN without a positive. */
  public static double averagePrecision(float[] scores, boolean[] positive) {
    checkSameLength(scores, positive);
    long total = 0;
    for (boolean p : positive) {
      total += p ? 1 : 0;
    }
    if (total == 0) {
      return Double.NaN;
    }
    long[] order = ascending(scores);
    long truePositives = 0;
    long predicted = 0;
    double previousRecall = 0;
    double sum = 0;
    int end = order.length;
    while (end > 0) {
      int start = tieStart(order, end);
      for (int k = start; k < end; k++) {
        truePositives += positive[index(order[k])] ? 1 : 0;
      }
      predicted += end - start;
      double recall = (double) truePositives / total;
      sum += (recall - previousRecall) * ((double) truePositives / predicted);
      previousRecall = recall;
      end = start;
    }
    return sum;
  }

  /** Scores and positions packed as {@code sortableBits << 32 | position}, sorted ascending. */
  private static long[] ascending(float[] scores) {
    long[] packed = new long[scores.length];
    for (int i = 0; i < scores.length; i++) {
      if (Float.isNaN(scores[i])) {
        throw new IllegalArgumentException("score at position " + i + " is NaN");
      }
      packed[i] = ((long) sortable(scores[i]) << 32) | i;
    }
    Arrays.sort(packed);
    return packed;
  }

  /** An int whose signed order is the float's order (negative zero equals zero). */
  private static int sortable(float value) {
    int bits = Float.floatToIntBits(value == 0f ? 0f : value);
    return bits ^ ((bits >> 31) & 0x7fffffff);
  }

  private static int index(long packed) {
    return (int) (packed & 0xffffffffL);
  }

  private static int key(long packed) {
    return (int) (packed >> 32);
  }

  /** End (exclusive) of the run of equal scores starting at {@code start}. */
  private static int tieEnd(long[] order, int start) {
    int end = start + 1;
    while (end < order.length && key(order[end]) == key(order[start])) {
      end++;
    }
    return end;
  }

  /** Start of the run of equal scores ending (exclusive) at {@code end}. */
  private static int tieStart(long[] order, int end) {
    int start = end - 1;
    while (start > 0 && key(order[start - 1]) == key(order[end - 1])) {
      start--;
    }
    return start;
  }

  private static void checkSameLength(float[] scores, boolean[] positive) {
    if (scores.length != positive.length) {
      throw new IllegalArgumentException("scores and labels differ in length: " + scores.length
          + " scores, " + positive.length + " labels");
    }
  }
}
