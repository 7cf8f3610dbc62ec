package org.barcodeanomaly.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.barcodeanomaly.api.detector.Thresholds;
import org.barcodeanomaly.api.event.AnomalyType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three ways to pass thresholds, and the errors for wrong ones. */
class ThresholdSpecTest {

  @TempDir
  Path directory;

  @Test
  @DisplayName("no spec gives 50 for every type; one number gives that number for every type")
  void uniform() throws IOException {
    assertThat(ThresholdSpec.parse(null).get(AnomalyType.JUMP)).isEqualTo(50f);
    assertThat(ThresholdSpec.parse("35").get(AnomalyType.EPC_DUP)).isEqualTo(35f);
  }

  @Test
  @DisplayName("type=value pairs set the named types and leave the others at 50")
  void pairs() throws IOException {
    Thresholds thresholds = ThresholdSpec.parse("epcFake=60, jump=40");
    assertThat(thresholds.get(AnomalyType.EPC_FAKE)).isEqualTo(60f);
    assertThat(thresholds.get(AnomalyType.JUMP)).isEqualTo(40f);
    assertThat(thresholds.get(AnomalyType.LOC_ERR)).isEqualTo(50f);
  }

  @Test
  @DisplayName("a JSON file, flat or under \"thresholds\"")
  void json() throws IOException {
    Path flat = Files.writeString(directory.resolve("flat.json"), "{\"epcDup\": 80}");
    Path nested = Files.writeString(directory.resolve("model.json"), "{\"name\": \"rule\", \"thresholds\": {\"locErr\": 20}}");
    assertThat(ThresholdSpec.parse(flat.toString()).get(AnomalyType.EPC_DUP)).isEqualTo(80f);
    assertThat(ThresholdSpec.parse(nested.toString()).get(AnomalyType.LOC_ERR)).isEqualTo(20f);
  }

  @Test
  @DisplayName("the sidecar written beside scores.csv reads back as the detector's thresholds")
  void sidecarRoundTrip() throws IOException {
    Path scores = directory.resolve("scores.csv");
    Thresholds written = ThresholdSpec.parse("epcFake=10,jump=45");

    ThresholdSpec.writeSidecar(scores, "rule-1.0", written);

    assertThat(ThresholdSpec.sidecarOf(scores)).isEqualTo(directory.resolve("scores.thresholds.json"));
    assertThat(ThresholdSpec.parse(ThresholdSpec.sidecarOf(scores).toString()).toMap())
        .isEqualTo(written.toMap());
  }

  @Test
  @DisplayName("unknown types, non-numbers and out-of-range values are refused with the part that is wrong")
  void errors() {
    assertThatThrownBy(() -> ThresholdSpec.parse("fake=60")).hasMessageContaining("unknown anomaly type 'fake'");
    assertThatThrownBy(() -> ThresholdSpec.parse("jump=high")).hasMessageContaining("threshold of jump is 'high'");
    assertThatThrownBy(() -> ThresholdSpec.parse("0")).hasMessageContaining("must be in (0, 100]");
  }
}
