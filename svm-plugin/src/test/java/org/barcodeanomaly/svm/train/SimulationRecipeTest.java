package org.barcodeanomaly.svm.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.barcodeanomaly.simulator.Profile;
import org.barcodeanomaly.simulator.SimulationOptions;
import org.barcodeanomaly.simulator.Simulator;
import org.barcodeanomaly.simulator.anomaly.AnomalyVariant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulationRecipeTest {

  @TempDir
  Path directory;

  @Test
  @DisplayName("rebuilds the simulate command of a run with every variant from its manifest")
  void rebuildsTheCommand() throws IOException {
    new Simulator().run(new SimulationOptions().setEpcs(300).setSeed(3).setAnomalyRate(0.1)
        .setProfile(Profile.FIELD), directory);

    assertThat(SimulationRecipe.command(directory)).contains("bin/anomaly simulate --out " + directory
        + " --epcs 300 --seed 3 --anomaly-rate 0.1 --profile field");
  }

  @Test
  @DisplayName("names the variants when the run used only some of them")
  void namesANarrowVariantList() throws IOException {
    new Simulator().run(new SimulationOptions().setEpcs(300).setSeed(4)
        .setVariants(List.of(AnomalyVariant.fromId("jump-fast-arrival"), AnomalyVariant.fromId("fake-header"))),
        directory);

    assertThat(SimulationRecipe.command(directory)).hasValueSatisfying(command -> assertThat(command)
        .endsWith(" --profile clean --variants fake-header,jump-fast-arrival"));
  }

  @Test
  @DisplayName("says nothing for data without a simulation manifest")
  void isEmptyWithoutAManifest() throws IOException {
    assertThat(SimulationRecipe.command(directory)).isEmpty();
  }
}
