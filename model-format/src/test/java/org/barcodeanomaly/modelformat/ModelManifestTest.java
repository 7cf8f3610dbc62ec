package org.barcodeanomaly.modelformat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.barcodeanomaly.api.detector.Thresholds;
import org.barcodeanomaly.api.event.AnomalyType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelManifestTest {

  @TempDir
  Path directory;

  private static Path frozen(String name) throws URISyntaxException {
    return Path.of(ModelManifestTest.class.getResource("/frozen/format-1/" + name).toURI());
  }

  static ModelProvenance sample() {
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("nuGrid", new double[] {0.01, 0.05});
    parameters.put("perType", 12_000);
    Map<String, Object> heldOut = new LinkedHashMap<>();
    heldOut.put("auc", Map.of("jump", Double.NaN));
    return new ModelProvenance("svm", "svm-20261204-0123abcd", Instant.parse("2026-12-04T10:00:00Z"),
        "simulator truth", "bin/anomaly train-svm --data d --out o --seed 7", 7,
        new TrainingData("d", "sha256:0123abcd", 100, "bin/anomaly simulate --out d --epcs 10"),
        new NamedChoice("epc-hash-60-20-20", "by EPC"), new NamedChoice("best-f1", "best F1"),
        Thresholds.uniform(42.5), Map.of("tribuo", "4.3.2"), parameters, Map.of("events", 100), heldOut);
  }

  @Nested
  @DisplayName("format 2, the one shape")
  class Current {

    @Test
    @DisplayName("a written provenance reads back equal, numbers of any Java type included")
    void roundTrip() throws IOException {
      ModelProvenance written = sample();
      ModelManifest.write(directory, written);

      ModelProvenance read = ModelManifest.read(directory);

      assertThat(read).isEqualTo(written);
      assertThat(read.parameters().get("perType")).isEqualTo(12_000L);
      assertThat(read.parameters().get("nuGrid")).isEqualTo(List.of(0.01, 0.05));
    }

    @Test
    @DisplayName("an undefined figure (NaN) is written as null, never as a token JSON readers reject")
    void nanIsNull() throws IOException {
      ModelManifest.write(directory, sample());

      String json = Files.readString(directory.resolve(ModelManifest.PROVENANCE_FILE));

      assertThat(json).doesNotContain("NaN").contains("\"jump\" : null");
      assertThat(json).contains("\"formatVersion\" : 2");
    }

    @Test
    @DisplayName("a format newer than this version knows is refused, naming the file, the version and what to do")
    void newerFormatRefused() throws IOException {
      ModelManifest.write(directory, sample());
      Path file = directory.resolve(ModelManifest.PROVENANCE_FILE);
      Files.writeString(file, Files.readString(file).replace("\"formatVersion\" : 2", "\"formatVersion\" : 3"));

      assertThatThrownBy(() -> ModelManifest.read(directory)).isInstanceOf(IOException.class)
          .hasMessageContaining(file.toString()).hasMessageContaining("formatVersion 3")
          .hasMessageContaining("1..2").hasMessageContaining("retrain");
    }

    @Test
    @DisplayName("a missing field is named with its dotted path")
    void missingFieldNamed() throws IOException {
      ModelManifest.write(directory, sample());
      Path file = directory.resolve(ModelManifest.PROVENANCE_FILE);
      Files.writeString(file, Files.readString(file).replace("\"sha256\"", "\"hash\""));

      assertThatThrownBy(() -> ModelManifest.read(directory)).hasMessageContaining("data.sha256 is missing");
    }

    @Test
    @DisplayName("a directory without provenance says how to make one")
    void noProvenance() {
      assertThatThrownBy(() -> ModelManifest.read(directory)).isInstanceOf(NoSuchFileException.class)
          .hasMessageContaining("train-svm");
    }
  }

  @Nested
  @DisplayName("format 1, frozen copies of the models earlier releases bundled")
  class FormatOne {

    @Test
    @DisplayName("the SVM's provenance inside its svm-model.json reads as the one shape")
    void svm() throws Exception {
      ModelProvenance svm = ModelManifest.read(frozen("svm"));

      assertThat(svm.detector()).isEqualTo("svm");
      assertThat(svm.modelVersion()).isEqualTo("svm-20261125-b7ba88ea");
      assertThat(svm.data().sha256()).isEqualTo(
          "sha256:b7ba88ea1116d76279e0372de6f59857212119609b436c1b626f5d9110d219e2");
      assertThat(svm.seed()).isEqualTo(7);
      assertThat(svm.split().name()).isEqualTo("epc-hash-60-20-20");
      assertThat(svm.thresholdPolicy().name()).isEqualTo("best-f1");
      assertThat(svm.libraries()).containsEntry("tribuo", "4.3.2").containsEntry("java", "17.0.15");
      assertThat(svm.thresholds().get(AnomalyType.EPC_FAKE)).isEqualTo(97.78173366482477f);
      assertThat(svm.training()).containsEntry("validationEvents", "46223");
    }

    @Test
    @DisplayName("the LSTM's provenance.json reads as the one shape, its split settings kept")
    void lstm() throws Exception {
      ModelProvenance lstm = ModelManifest.read(frozen("lstm"));

      assertThat(lstm.detector()).isEqualTo("lstm");
      assertThat(lstm.modelVersion()).isEqualTo("lstm-2026-11-25");
      assertThat(lstm.data().sha256())
          .isEqualTo("sha256:640e278170b8227b2e8ddb10e0af22f3134d2a077fd1af75bb362f1bad9756c3");
      assertThat(lstm.split().name()).isEqualTo("epc-time-70-15-15");
      assertThat(lstm.parameters()).containsEntry("bufferHours", 24L).containsEntry("maxEpcs", 20000L)
          .containsEntry("lstmLayers", 2L);
      assertThat(lstm.thresholds().get(AnomalyType.JUMP)).isEqualTo(44.6150016784668f);
      assertThat(lstm.training()).containsKey("coldStartIndex").containsEntry("bestEpoch", 8L);
      assertThat(lstm.heldOut()).containsKey("lstm");
    }
  }
}
