package org.barcodeanomaly.evaluation.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataRecipeTest {

  @TempDir
  Path directory;

  @Test
  @DisplayName("gives the simulate command with the arguments the simulator recorded in its manifest")
  void recordedCommand() throws IOException {
    Files.writeString(directory.resolve(DataRecipe.MANIFEST_FILE),
        "{\"arguments\": \"--epcs 300 --seed 9\", \"options\": {\"epcs\": 300}}");

    assertThat(DataRecipe.command(directory)).contains("bin/anomaly simulate --out " + directory
        + " --epcs 300 --seed 9");
  }

  @Test
  @DisplayName("rebuilds the command from the options of a manifest that recorded none")
  void rebuildsFromOptions() throws IOException {
    Files.writeString(directory.resolve(DataRecipe.MANIFEST_FILE), "{\"options\": {\"epcs\": 300, "
        + "\"seed\": 3, \"anomalyRate\": 0.1, \"profile\": \"field\", \"variants\": [\"fake-header\", "
        + "\"jump-fast-arrival\"]}}");

    assertThat(DataRecipe.command(directory)).contains("bin/anomaly simulate --out " + directory
        + " --epcs 300 --seed 3 --anomaly-rate 0.1 --profile field --variants fake-header,jump-fast-arrival");
  }

  @Test
  @DisplayName("names the missing option of a manifest that is not the simulator's")
  void foreignManifest() throws IOException {
    Files.writeString(directory.resolve(DataRecipe.MANIFEST_FILE), "{\"options\": {\"epcs\": 300}}");

    assertThatThrownBy(() -> DataRecipe.command(directory)).isInstanceOf(IOException.class)
        .hasMessageContaining("options.seed");
  }

  @Test
  @DisplayName("says nothing for data without a simulation manifest")
  void isEmptyWithoutAManifest() throws IOException {
    assertThat(DataRecipe.command(directory)).isEmpty();
  }
}
