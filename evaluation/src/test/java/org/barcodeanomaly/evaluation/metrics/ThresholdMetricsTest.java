package org.barcodeanomaly.evaluation.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ThresholdMetricsTest {

  private static final double[] SCORES = {0.9, 0.8, 0.7, 0.6, 0.5, 0.4};
  private static final boolean[] LABELS = {true, false, true, false, false, true};

  @Test
  @DisplayName("at a threshold: counts of reported positives and negatives")
  void atThreshold() {
    ThresholdMetrics.AtThreshold at = ThresholdMetrics.at(SCORES, LABELS, 0.7);

    assertThat(at.truePositives()).isEqualTo(2);
    assertThat(at.falsePositives()).isEqualTo(1);
    assertThat(at.falseNegatives()).isEqualTo(1);
    assertThat(at.precision()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(at.recall()).isCloseTo(2.0 / 3, within(1e-12));
  }

  @Test
  @DisplayName("the best-F1 threshold is a score of the data; a tie goes to the higher threshold")
  void bestF1() {
    ThresholdMetrics.AtThreshold best = ThresholdMetrics.bestF1(SCORES, LABELS);

    // 0.7 (P 2/3, R 2/3) and 0.4 (P 1/2, R 1) both reach F1 2/3.
    assertThat(best.threshold()).isEqualTo(0.7);
    assertThat(best.f1()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(ThresholdMetrics.bestF1(SCORES, new boolean[6])).isNull();
  }
}
