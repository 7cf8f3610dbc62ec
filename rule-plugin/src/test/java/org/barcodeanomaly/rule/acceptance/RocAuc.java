package org.barcodeanomaly.rule.acceptance;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Area under the ROC curve from scores and labels, by ranks (Mann–Whitney U): the probability
 * that a random positive scores above a random negative, ties counting half.
 */
public final class RocAuc {

  private RocAuc() {
  }

  /**
   * The AUC of {@code scores} against {@code positive}.
   *
   * @throws IllegalArgumentException when there is no positive or no negative
   */
  public static double of(float[] scores, boolean[] positive) {
    int size = scores.length;
    Integer[] order = new Integer[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
    double positiveRankSum = 0;
    long positives = 0;
    int start = 0;
    while (start < size) {
      int end = start;
      while (end < size && scores[order[end]] == scores[order[start]]) {
        end++;
      }
      double averageRank = (start + 1 + end) / 2.0;
      for (int i = start; i < end; i++) {
        if (positive[order[i]]) {
          positiveRankSum += averageRank;
          positives++;
        }
      }
      start = end;
    }
    long negatives = size - positives;
    if (positives == 0 || negatives == 0) {
      throw new IllegalArgumentException("AUC needs positives and negatives, had " + positives
          + " and " + negatives);
    }
    return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
  }
}
