package org.barcodeanomaly.svm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.barcodeanomaly.api.detector.DetectorOptions;
import org.barcodeanomaly.api.detector.DetectorProvider;
import org.barcodeanomaly.api.detector.DetectorUnavailableException;
import org.barcodeanomaly.svm.model.SvmModel;
import org.barcodeanomaly.svm.model.SvmModelStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SvmDetectorProviderTest {

  @Test
  @DisplayName("the provider is registered for ServiceLoader under the name svm")
  void registered() {
    assertThat(java.util.ServiceLoader.load(DetectorProvider.class).stream()
        .map(provider -> provider.get().name())).contains("svm");
  }

  @Test
  @DisplayName("with no model it refuses with a message naming the directory and the training command")
  void noModel(@TempDir Path models) {
    assertThatThrownBy(() -> new SvmDetectorProvider().create(new DetectorOptions().setModelsDir(models)))
        .isInstanceOf(DetectorUnavailableException.class)
        .hasMessageContaining(models.resolve("svm").toAbsolutePath().toString())
        .hasMessageContaining("bin/anomaly train-svm");
  }

  @Test
  @DisplayName("a model that cannot be read is refused with the reason, not loaded half-way")
  void unreadableModel(@TempDir Path models) throws Exception {
    Path dir = Files.createDirectories(models.resolve("svm"));
    Files.writeString(dir.resolve(SvmModelStore.MANIFEST), "{\"formatVersion\": 99}");

    assertThatThrownBy(() -> new SvmDetectorProvider().create(new DetectorOptions().setModelsDir(models)))
        .isInstanceOf(DetectorUnavailableException.class)
        .hasMessageContaining("formatVersion 99");
  }

  @Test
  @DisplayName("the bundled model loads, with its provenance and a version naming date and data")
  void bundledModelLoads() throws Exception {
    try (SvmDetector detector = BundledModel.detector()) {
      SvmModel model = detector.model();
      assertThat(detector.name()).isEqualTo("svm");
      assertThat(detector.version()).matches("svm-\\d{8}-[0-9a-f]{8}");
      assertThat(model.provenance().data().sha256()).matches("sha256:[0-9a-f]{64}");
      assertThat(model.provenance().libraries()).containsEntry("tribuo", org.tribuo.Tribuo.VERSION);
      assertThat(model.provenance().trainingCommand()).startsWith("bin/anomaly train-svm");
      assertThat(model.provenance().detector()).isEqualTo("svm");
    }
  }
}
