package org.barcodeanomaly.evaluation.threshold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OperatingPointPolicyTest {

  private static final OperatingPointPolicy POLICY = OperatingPointPolicy.standard();

  /** Validation events: score, labelled, in an anomaly-free trail. */
  private static final class Events {
    private final List<double[]> rows = new ArrayList<>();

    Events add(int count, double score, boolean positive, boolean anomalyFree) {
      for (int i = 0; i < count; i++) {
        rows.add(new double[] {score, positive ? 1 : 0, anomalyFree ? 1 : 0});
      }
      return this;
    }

    double[] scores() {
      return rows.stream().mapToDouble(row -> row[0]).toArray();
    }

    boolean[] column(int k) {
      boolean[] values = new boolean[rows.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = rows.get(i)[k] == 1;
      }
      return values;
    }

    double threshold() {
      return POLICY.threshold(scores(), column(1), column(2));
    }
  }

  @Test
  @DisplayName("drops below the best-F1 plateau as far as the recall target needs, when normal traffic is far below")
  void lowersTheThresholdForRecall() {
    Events events = new Events()
        .add(1000, 4, false, true)     // normal traffic
        .add(30, 50, false, false)     // the anomalies' unlabelled neighbours
        .add(90, 95, true, false)
        .add(10, 20, true, false);     // weaker anomalies that best F1 gives up

    double threshold = events.threshold();

    assertThat(threshold).isLessThanOrEqualTo(20).isGreaterThan(8);
    assertThat(threshold).isCloseTo(20, within(0.1));
  }

  @Test
  @DisplayName("never comes closer to normal traffic than twice its highest score, whatever recall wants")
  void keepsAMarginOverNormalTraffic() {
    Events events = new Events()
        .add(1000, 4, false, true)
        .add(99, 95, true, false)
        .add(1, 6, true, false);

    assertThat(events.threshold()).isCloseTo(8, within(1e-9));
  }

  @Test
  @DisplayName("one odd normal event in more than ten thousand does not move the margin")
  void oneOddNormalEventDoesNotMoveTheMargin() {
    Events events = new Events()
        .add(20_000, 4, false, true)
        .add(1, 70, false, true)
        .add(99, 95, true, false)
        .add(1, 6, true, false);

    assertThat(events.threshold()).isCloseTo(8, within(1e-9));
  }

  @Test
  @DisplayName("keeps the F1 plateau's middle when recall is already met there")
  void keepsThePlateauWhenRecallAllows() {
    Events events = new Events()
        .add(1000, 2, false, true)
        .add(100, 90, true, false);

    double threshold = events.threshold();

    assertThat(threshold).isGreaterThan(40).isLessThanOrEqualTo(90);
  }

  @Test
  @DisplayName("without the anomaly-free mask the anomalies' neighbours count as normal traffic")
  void withoutTheMaskEveryNegativeIsNormal() {
    Events events = new Events()
        .add(1000, 4, false, true)
        .add(30, 60, false, false)
        .add(100, 95, true, false);

    assertThat(events.threshold()).isGreaterThan(60).isLessThanOrEqualTo(95);
    assertThat(POLICY.threshold(events.scores(), events.column(1))).isEqualTo(100);
  }

  @Test
  @DisplayName("a type without validation positives keeps the fallback")
  void fallbackWithoutPositives() {
    Events events = new Events().add(100, 3, false, true);

    assertThat(events.threshold()).isEqualTo(50);
  }

  @Test
  @DisplayName("arrays of different lengths and out-of-range settings are refused with the reason")
  void refusesBadInput() {
    assertThatThrownBy(() -> POLICY.threshold(new double[2], new boolean[2], new boolean[3]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one entry per event");
    assertThatThrownBy(() -> new OperatingPointPolicy(5, 50, 1.5, 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recallTarget");
    assertThatThrownBy(() -> new OperatingPointPolicy(5, 50, 0.99, 0.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("normalMargin");
  }
}
