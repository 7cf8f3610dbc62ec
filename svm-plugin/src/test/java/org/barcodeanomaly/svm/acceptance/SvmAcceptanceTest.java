package org.barcodeanomaly.svm.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.barcodeanomaly.api.detector.Detector;
import org.barcodeanomaly.api.detector.DetectorOptions;
import org.barcodeanomaly.api.detector.ScoreTable;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.evaluation.RankingMetrics;
import org.barcodeanomaly.rule.acceptance.LabelledBatch;
import org.barcodeanomaly.rule.acceptance.ReferenceTrails;
import org.barcodeanomaly.svm.SvmDetectorProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 5's acceptance on data the model never came near: trails drawn from the reference network
 * with anomalies injected by the rule plugin's independent test-side generator (not the product's
 * simulator, which trained the bundled model), scored by the bundled model.
 */
class SvmAcceptanceTest {

  private static final int EPCS = 20_000;
  private static final double ANOMALOUS_SHARE = 0.2;

  @Test
  @DisplayName("on independent reference trails every type's ROC AUC is above 0.5 and the macro AUC at least 0.80")
  void bundledModelRanksIndependentAnomalies() throws Exception {
    LabelledBatch batch = new ReferenceTrails(2026).generate(EPCS, ANOMALOUS_SHARE);
    Map<AnomalyType, Double> auc = new EnumMap<>(AnomalyType.class);
    try (Detector detector = new SvmDetectorProvider()
        .create(new DetectorOptions().setModelsDir(Path.of("..", "models")))) {
      ScoreTable table = detector.score(batch.events());
      for (AnomalyType type : AnomalyType.values()) {
        float[] scores = new float[batch.size()];
        boolean[] positive = new boolean[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
          scores[i] = table.get(i, type);
          positive[i] = batch.labels().get(i).contains(type);
        }
        auc.put(type, RankingMetrics.rocAuc(scores, positive));
      }
    }
    double macro = auc.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    System.out.printf("SVM on reference trails: %s, macro %.4f%n", auc, macro);

    assertThat(auc).allSatisfy((type, value) -> assertThat(value).as(type.contractName()).isGreaterThan(0.5));
    assertThat(macro).isGreaterThanOrEqualTo(0.80);
  }
}
