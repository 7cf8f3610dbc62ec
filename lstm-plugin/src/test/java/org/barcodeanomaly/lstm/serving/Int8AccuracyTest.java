package org.barcodeanomaly.lstm.serving;

import static org.assertj.core.api.Assertions.assertThat;

import org.barcodeanomaly.api.detector.DetectorOptions;
import org.barcodeanomaly.api.detector.DetectorUnavailableException;
import org.barcodeanomaly.api.detector.ScoreTable;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.evaluation.reference.LabelledBatch;
import org.barcodeanomaly.evaluation.reference.ReferenceTrails;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The bundled INT8 model beside the FP32 one on the same held-out reference trails. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Int8AccuracyTest {

  private static final double MAX_AUC_LOSS = 0.01;

  private LabelledBatch batch;
  private ScoreTable fp32;
  private ScoreTable int8;

  @BeforeAll
  void score() throws DetectorUnavailableException {
    batch = new ReferenceTrails(20_251_202L).generate(3_000, 0.3);
    try (LstmDetector detector = BundledModel.detector()) {
      fp32 = detector.score(batch.events());
    }
    try (LstmDetector detector = (LstmDetector) new LstmDetectorProvider().create(
        new DetectorOptions().setModelsDir(BundledModel.MODELS_DIR).setSetting("lstm.precision", "int8"))) {
      int8 = detector.score(batch.events());
    }
  }

  @ParameterizedTest
  @EnumSource(AnomalyType.class)
  @DisplayName("INT8 loses at most 0.01 ROC-AUC per type against FP32")
  void int8KeepsAuc(AnomalyType type) {
    double fullAuc = batch.rocAuc(fp32, type);
    double quantisedAuc = batch.rocAuc(int8, type);
    System.out.printf("int8 %-12s FP32 AUC %.4f  INT8 AUC %.4f%n", type.contractName(), fullAuc, quantisedAuc);
    assertThat(quantisedAuc).isGreaterThanOrEqualTo(fullAuc - MAX_AUC_LOSS);
  }
}
