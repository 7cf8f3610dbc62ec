package org.barcodeanomaly.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.barcodeanomaly.evaluation.data.DataRecipe;
import org.barcodeanomaly.simulator.anomaly.AnomalyVariant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manifest records the command that makes the same data again, as models' provenance reads it. */
class SimulationRecipeTest {

  @TempDir
  Path directory;

  @Test
  @DisplayName("the manifest gives the simulate command of a run with every variant")
  void recordsTheCommand() throws IOException {
    new Simulator().run(new SimulationOptions().setEpcs(300).setSeed(3).setAnomalyRate(0.1)
        .setProfile(Profile.FIELD), directory);

    assertThat(DataRecipe.command(directory)).contains("bin/anomaly simulate --out " + directory
        + " --epcs 300 --seed 3 --anomaly-rate 0.1 --profile field");
  }

  @Test
  @DisplayName("the command names the variants when the run used only some of them")
  void namesANarrowVariantList() throws IOException {
    new Simulator().run(new SimulationOptions().setEpcs(300).setSeed(4)
        .setVariants(List.of(AnomalyVariant.fromId("jump-fast-arrival"), AnomalyVariant.fromId("fake-header"))),
        directory);

    assertThat(DataRecipe.command(directory)).hasValueSatisfying(command -> assertThat(command)
        .endsWith(" --profile clean --variants fake-header,jump-fast-arrival"));
  }
}
