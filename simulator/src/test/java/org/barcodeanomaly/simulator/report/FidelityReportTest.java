package org.barcodeanomaly.simulator.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.barcodeanomaly.api.event.BusinessStep;
import org.barcodeanomaly.api.network.LocationNetwork;
import org.barcodeanomaly.simulator.SimulationOptions;
import org.barcodeanomaly.simulator.SimulationSummary;
import org.barcodeanomaly.simulator.Simulator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report reads back exactly what the simulator wrote. */
class FidelityReportTest {

  @TempDir
  Path directory;

  @Test
  @DisplayName("events, EPCs and rows per file read back from disk equal what the run wrote")
  void readsBackTheRun() throws IOException {
    SimulationSummary summary = new Simulator().run(new SimulationOptions().setEpcs(3_000).setSeed(9), directory);
    FidelityReport report = FidelityReport.read(directory);
    assertThat(report.events()).isEqualTo(summary.events());
    assertThat(report.epcs()).isEqualTo(3_000);
    assertThat(report.rowsPerFile()).containsExactlyInAnyOrderEntriesOf(summary.rowsPerFile());
    assertThat(report.rejectedRows()).isZero();
    assertThat(Arrays.stream(report.eventsPerEpcHistogram()).sum()).isEqualTo(3_000);
    assertThat(report.format()).contains("rows per file").contains("business step").contains("travel hours per route");
  }

  @Test
  @DisplayName("a directory without labels.csv is refused as no simulator output, saying how to make one")
  void refusesADirectoryThatIsNoSimulatorOutput() {
    Path absent = directory.resolve("absent");

    assertThatThrownBy(() -> FidelityReport.read(absent)).isInstanceOf(NoSuchFileException.class)
        .hasMessage(absent.resolve("labels.csv") + ": missing: " + absent
            + " is not a simulator output; write one with bin/anomaly simulate --out " + absent);
  }

  @Test
  @DisplayName("the implied step counts add up to docs/spec/DATA.md's 920,000 events")
  void impliedStepsAddUp() {
    var steps = ProductionTargets.eventsPerStep(LocationNetwork.standard());
    assertThat(steps.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(ProductionTargets.EVENTS);
    assertThat(steps.get(BusinessStep.FACTORY)).isEqualTo(200_000);
    assertThat(steps.get(BusinessStep.W_STOCK_INBOUND)).isEqualTo(69_300);
    assertThat(steps.get(BusinessStep.R_STOCK_INBOUND)).isEqualTo(49_400);
  }
}
