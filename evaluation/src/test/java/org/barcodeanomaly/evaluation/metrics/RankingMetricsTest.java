package org.barcodeanomaly.evaluation.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** ROC-AUC and average precision against cases computed by hand and by brute force. */
class RankingMetricsTest {

  private static final boolean T = true;
  private static final boolean F = false;

  @Test
  @DisplayName("AUC and AP of a small case without ties (scikit-learn's documentation example)")
  void withoutTies() {
    float[] scores = {0.1f, 0.4f, 0.35f, 0.8f};
    boolean[] truth = {F, F, T, T};
    assertThat(RankingMetrics.rocAuc(scores, truth)).isCloseTo(0.75, within(1e-12));
    // thresholds 0.8: P=1 R=1/2; 0.4: P=1/2 R=1/2; 0.35: P=2/3 R=1 -> 1/2*1 + 0 + 1/2*2/3
    assertThat(RankingMetrics.averagePrecision(scores, truth)).isCloseTo(5.0 / 6, within(1e-12));
  }

  @Test
  @DisplayName("ties count one half in AUC (average ranks) and enter AP together")
  void withTies() {
    float[] scores = {1, 1, 2, 2, 3};
    boolean[] truth = {F, T, F, T, T};
    // positive-negative pairs: (1,1) 1/2, (1,2) 0, (2,1) 1, (2,2) 1/2, (3,1) 1, (3,2) 1 -> 4 of 6
    assertThat(RankingMetrics.rocAuc(scores, truth)).isCloseTo(4.0 / 6, within(1e-12));
    // thresholds 3: P=1 R=1/3; 2: P=2/3 R=2/3; 1: P=3/5 R=1 -> 1/3 + 1/3*2/3 + 1/3*3/5 = 34/45
    assertThat(RankingMetrics.averagePrecision(scores, truth)).isCloseTo(34.0 / 45, within(1e-12));
  }

  @Test
  @DisplayName("perfect, reversed and constant scores")
  void extremes() {
    boolean[] truth = {F, F, T, T};
    assertThat(RankingMetrics.rocAuc(new float[] {0, 1, 2, 3}, truth)).isEqualTo(1.0);
    assertThat(RankingMetrics.averagePrecision(new float[] {0, 1, 2, 3}, truth)).isEqualTo(1.0);
    assertThat(RankingMetrics.rocAuc(new float[] {3, 2, 1, 0}, truth)).isEqualTo(0.0);
    assertThat(RankingMetrics.rocAuc(new float[] {5, 5, 5, 5}, truth)).isEqualTo(0.5);
    assertThat(RankingMetrics.averagePrecision(new float[] {5, 5, 5, 5}, truth)).isEqualTo(0.5);
  }

  @Test
  @DisplayName("undefined without a positive (both) or without a negative (AUC): NaN")
  void undefined() {
    float[] scores = {1, 2, 3};
    assertThat(RankingMetrics.rocAuc(scores, new boolean[] {F, F, F})).isNaN();
    assertThat(RankingMetrics.averagePrecision(scores, new boolean[] {F, F, F})).isNaN();
    assertThat(RankingMetrics.rocAuc(scores, new boolean[] {T, T, T})).isNaN();
    assertThat(RankingMetrics.averagePrecision(scores, new boolean[] {T, T, T})).isEqualTo(1.0);
  }

  @Test
  @DisplayName("on 2,000 random scores with many ties both agree with a brute-force computation")
  void agreesWithBruteForce() {
    SplittableRandom random = new SplittableRandom(3);
    float[] scores = new float[2_000];
    boolean[] truth = new boolean[scores.length];
    for (int i = 0; i < scores.length; i++) {
      truth[i] = random.nextDouble() < 0.1;
      scores[i] = random.nextInt(21) * 5 + (truth[i] ? 10 : 0);
    }
    assertThat(RankingMetrics.rocAuc(scores, truth)).isCloseTo(bruteForceAuc(scores, truth), within(1e-9));
    assertThat(RankingMetrics.averagePrecision(scores, truth)).isCloseTo(bruteForceAp(scores, truth), within(1e-9));
  }

  private static double bruteForceAuc(float[] scores, boolean[] truth) {
    double wins = 0;
    long pairs = 0;
    for (int p = 0; p < scores.length; p++) {
      for (int n = 0; n < scores.length; n++) {
        if (truth[p] && !truth[n]) {
          pairs++;
          wins += scores[p] > scores[n] ? 1 : scores[p] == scores[n] ? 0.5 : 0;
        }
      }
    }
    return wins / pairs;
  }

  /** AP over every distinct score as a threshold, counting from scratch each time. */
  private static double bruteForceAp(float[] scores, boolean[] truth) {
    long positives = 0;
    for (boolean t : truth) {
      positives += t ? 1 : 0;
    }
    double previousRecall = 0;
    double sum = 0;
    for (int threshold = 200; threshold >= 0; threshold--) {
      long tp = 0;
      long predicted = 0;
      boolean any = false;
      for (int i = 0; i < scores.length; i++) {
        if (scores[i] >= threshold) {
          predicted++;
          tp += truth[i] ? 1 : 0;
        }
        any |= scores[i] == threshold;
      }
      if (!any) {
        continue;
      }
      double recall = (double) tp / positives;
      sum += (recall - previousRecall) * tp / predicted;
      previousRecall = recall;
    }
    return sum;
  }
}
