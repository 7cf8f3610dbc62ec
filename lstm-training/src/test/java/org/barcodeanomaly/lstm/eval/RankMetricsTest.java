package org.barcodeanomaly.lstm.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RankMetricsTest {

  @Test
  @DisplayName("AUC counts pairs, ties half: 3 of 4 positive-negative pairs ranked right, one tie")
  void aucByHand() {
    float[] scores = {0.9f, 0.4f, 0.4f, 0.1f};
    boolean[] positive = {true, true, false, false};
    // pairs (pos, neg): (0.9,0.4) 1, (0.9,0.1) 1, (0.4,0.4) 0.5, (0.4,0.1) 1 → 3.5 / 4
    assertThat(RankMetrics.auc(scores, positive)).isCloseTo(0.875, offset(1e-12));
  }

  @Test
  @DisplayName("average precision by hand; NaN without positives")
  void averagePrecisionByHand() {
    float[] scores = {0.9f, 0.8f, 0.7f, 0.6f};
    boolean[] positive = {true, false, true, false};
    // recall steps at rank 1 (precision 1) and rank 3 (precision 2/3): (1 + 2/3) / 2
    assertThat(RankMetrics.averagePrecision(scores, positive)).isCloseTo(5.0 / 6, offset(1e-12));
    assertThat(RankMetrics.auc(scores, new boolean[4])).isNaN();
    assertThat(RankMetrics.averagePrecision(scores, new boolean[4])).isNaN();
  }
}
