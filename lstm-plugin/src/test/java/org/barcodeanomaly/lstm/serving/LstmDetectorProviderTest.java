package org.barcodeanomaly.lstm.serving;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.barcodeanomaly.api.detector.DetectorOptions;
import org.barcodeanomaly.api.detector.DetectorUnavailableException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LstmDetectorProviderTest {

  @Test
  @DisplayName("without a model the provider refuses with the directory, the missing files and the command to run")
  void absentModel(@TempDir Path models) {
    assertThatThrownBy(() -> new LstmDetectorProvider().create(new DetectorOptions().setModelsDir(models)))
        .isInstanceOf(DetectorUnavailableException.class)
        .hasMessageContaining(models.resolve("lstm").toAbsolutePath().toString())
        .hasMessageContaining("model.onnx")
        .hasMessageContaining("lstm-model.properties")
        .hasMessageContaining("anomaly train-lstm");
  }

  @Test
  @DisplayName("an unknown precision is refused naming the setting and the accepted values")
  void unknownPrecision(@TempDir Path models) {
    assertThatThrownBy(() -> new LstmDetectorProvider().create(new DetectorOptions().setModelsDir(models)
        .setSetting("lstm.precision", "fp16")))
        .isInstanceOf(DetectorUnavailableException.class)
        .hasMessageContaining("lstm.precision=fp16")
        .hasMessageContaining("fp32 or int8");
  }

  @Test
  @DisplayName("a bad streaming bound is refused naming the setting, the value and what is allowed")
  void badStreamingSetting() {
    assertThatThrownBy(() -> new LstmDetectorProvider().create(new DetectorOptions()
        .setModelsDir(BundledModel.MODELS_DIR).setSetting(StreamingOptions.IDLE_TIMEOUT, "forever")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("setting lstm.stream.idleTimeout=forever must be a positive ISO-8601 duration");
  }

}
