package org.barcodeanomaly.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.barcodeanomaly.api.detector.Thresholds;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.evaluation.data.ScoredEvents;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Threshold metrics, averages, hamming loss and cost on a case small enough to count by hand. */
class EvaluationTest {

  private static final boolean T = true;
  private static final boolean F = false;

  /**
   * Four events. epcFake: truth T F T F, scores 90 60 10 0 -> TP 1, FP 1, FN 1, TN 1.
   * jump: truth T F F F, scores 80 0 0 0 -> TP 1, TN 3. The other types: all normal, all 0.
   */
  private static ScoredEvents events() {
    float[][] scores = new float[AnomalyType.COUNT][4];
    boolean[][] truth = new boolean[AnomalyType.COUNT][4];
    scores[AnomalyType.EPC_FAKE.ordinal()] = new float[] {90, 60, 10, 0};
    truth[AnomalyType.EPC_FAKE.ordinal()] = new boolean[] {T, F, T, F};
    scores[AnomalyType.JUMP.ordinal()] = new float[] {80, 0, 0, 0};
    truth[AnomalyType.JUMP.ordinal()] = new boolean[] {T, F, F, F};
    return ScoredEvents.of(scores, truth);
  }

  @Test
  @DisplayName("confusion counts, precision, recall and F1 at the threshold of 50")
  void perType() {
    EvaluationReport report = new Evaluation(Thresholds.uniform(50), CostMatrix.standard()).evaluate(events());
    TypeResult fake = report.type("epcFake");
    assertThat(new long[] {fake.truePositives(), fake.falsePositives(), fake.falseNegatives(), fake.trueNegatives()})
        .containsExactly(1, 1, 1, 1);
    assertThat(fake.precision()).isEqualTo(0.5);
    assertThat(fake.recall()).isEqualTo(0.5);
    assertThat(fake.f1()).isEqualTo(0.5);
    assertThat(fake.rocAuc()).isEqualTo(0.75);
    TypeResult dup = report.type("epcDup");
    assertThat(dup.positives()).isZero();
    assertThat(dup.rocAuc()).isNaN();
    assertThat(dup.precision()).isZero();
    assertThat(report.type("jump").f1()).isEqualTo(1.0);
  }

  @Test
  @DisplayName("macro averages the five types, micro pools their counts, hamming loss counts wrong decisions")
  void averages() {
    EvaluationReport report = new Evaluation(Thresholds.uniform(50), CostMatrix.standard()).evaluate(events());
    assertThat(report.macro().f1()).isCloseTo((0.5 + 1.0) / 5, within(1e-12));
    assertThat(report.macro().rocAuc()).isCloseTo((0.75 + 1.0) / 2, within(1e-12));
    assertThat(report.micro().precision()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(report.micro().recall()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(report.hammingLoss()).isCloseTo(2.0 / 20, within(1e-12));
  }

  @Test
  @DisplayName("cost: a missed fake costs 10, a false alarm 1; accuracy is 1 - cost / worst")
  void costWeightedAccuracy() {
    EvaluationReport report = new Evaluation(Thresholds.uniform(50), CostMatrix.standard()).evaluate(events());
    assertThat(report.cost()).isEqualTo(11.0);
    // worst: fakes 2*10 + 2*1, jump 1*3 + 3*1, dup/locErr/evtOrderErr 4 false alarms each
    assertThat(report.worstCost()).isEqualTo(22 + 6 + 12);
    assertThat(report.costWeightedAccuracy()).isCloseTo(1 - 11.0 / 40, within(1e-12));
    assertThat(report.table()).contains("epcFake 10/1, epcDup 5/1, locErr 3/1, evtOrderErr 2/1, jump 3/1");
  }

  @Test
  @DisplayName("per-type thresholds change the decisions of that type only")
  void perTypeThresholds() {
    Thresholds thresholds = Thresholds.of(Map.of(AnomalyType.EPC_FAKE, 5.0, AnomalyType.EPC_DUP, 50.0,
        AnomalyType.LOC_ERR, 50.0, AnomalyType.EVT_ORDER_ERR, 50.0, AnomalyType.JUMP, 90.0));
    EvaluationReport report = new Evaluation(thresholds, CostMatrix.standard()).evaluate(events());
    assertThat(report.type("epcFake").recall()).isEqualTo(1.0);
    assertThat(report.type("epcFake").falsePositives()).isEqualTo(1);
    assertThat(report.type("jump").recall()).isZero();
  }

  @Test
  @DisplayName("an evaluation with no joined event is refused with the counts that explain why")
  void nothingJoined() {
    ScoredEvents none = ScoredEvents.of(new float[AnomalyType.COUNT][0], new boolean[AnomalyType.COUNT][0]);
    assertThatThrownBy(() -> new Evaluation(Thresholds.uniform(50), CostMatrix.standard()).evaluate(none))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no event has both a label and a score");
  }
}
