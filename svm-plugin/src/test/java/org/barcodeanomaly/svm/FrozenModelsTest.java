package org.barcodeanomaly.svm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.barcodeanomaly.api.detector.DetectorOptions;
import org.barcodeanomaly.evaluation.reference.ReferenceTrails;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Models saved by earlier releases keep loading and scoring: a frozen copy of every earlier
 * format's bundled model ({@code frozen-models/format-N/svm}) is loaded by this version's
 * provider and ranks the reference trails' anomalies.
 */
class FrozenModelsTest {

  @ParameterizedTest(name = "format {0}")
  @ValueSource(ints = {1})
  @DisplayName("a model of an earlier format loads with its provenance and thresholds, and still ranks anomalies")
  void earlierFormatLoadsAndScores(int format) throws Exception {
    Path models = Path.of(FrozenModelsTest.class.getResource("/frozen-models/format-" + format).toURI());
    try (SvmDetector detector = (SvmDetector) new SvmDetectorProvider()
        .create(new DetectorOptions().setModelsDir(models))) {
      assertThat(detector.version()).isEqualTo("svm-20261125-b7ba88ea");
      assertThat(detector.model().provenance().detector()).isEqualTo("svm");
      assertThat(detector.thresholds()).isEqualTo(detector.model().provenance().thresholds());
      assertThat(ReferenceTrails.macroRocAuc(detector, 11, 2_000)).as("macro ROC-AUC").isGreaterThan(0.85);
    }
  }
}
