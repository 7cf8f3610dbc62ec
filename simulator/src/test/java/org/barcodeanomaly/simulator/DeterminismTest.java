package org.barcodeanomaly.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One seed, one set of bytes. */
class DeterminismTest {

  private static final List<String> FILES = List.of("scans/icn.csv", "scans/hws.csv", "scans/kum.csv",
      "scans/ygs.csv", "labels.csv", "anomalies.csv", "simulation.json");

  @TempDir
  Path directory;

  @Test
  @DisplayName("two runs with the same seed write byte-identical files, in both profiles")
  void sameSeedSameBytes() throws IOException {
    for (Profile profile : Profile.values()) {
      SimulationOptions options = new SimulationOptions().setEpcs(5_000).setSeed(11).setProfile(profile)
          .setAnomalyRate(0.2);
      Path first = directory.resolve(profile.id() + "-1");
      Path second = directory.resolve(profile.id() + "-2");
      new Simulator().run(options, first);
      new Simulator().run(options, second);
      for (String file : FILES) {
        assertThat(Files.mismatch(first.resolve(file), second.resolve(file))).as(file).isEqualTo(-1L);
      }
    }
  }

  @Test
  @DisplayName("another seed writes other files")
  void otherSeedOtherBytes() throws IOException {
    Path first = directory.resolve("seed-1");
    Path second = directory.resolve("seed-2");
    new Simulator().run(new SimulationOptions().setEpcs(5_000).setSeed(1), first);
    new Simulator().run(new SimulationOptions().setEpcs(5_000).setSeed(2), second);
    for (String file : FILES.subList(0, 5)) {
      assertThat(Files.mismatch(first.resolve(file), second.resolve(file))).as(file).isNotEqualTo(-1L);
    }
  }

  @Test
  @DisplayName("the anomaly rate does not change the normal trails: a rate-0 set is the normal part of a rate-0.05 set")
  void anomaliesLeaveNormalTrailsAlone() throws IOException {
    Path clean = directory.resolve("rate-0");
    Path mixed = directory.resolve("rate-5");
    new Simulator().run(new SimulationOptions().setEpcs(5_000).setAnomalyRate(0), clean);
    new Simulator().run(new SimulationOptions().setEpcs(5_000).setAnomalyRate(0.05), mixed);
    List<String> cleanRows = withoutIds(Files.readAllLines(clean.resolve("scans/icn.csv")));
    List<String> anomalous = Files.readAllLines(mixed.resolve("anomalies.csv")).stream()
        .skip(1).map(row -> row.split(",")[1]).toList();
    List<String> mixedNormal = withoutIds(Files.readAllLines(mixed.resolve("scans/icn.csv"))).stream()
        .filter(row -> anomalous.stream().noneMatch(row::contains)).toList();
    assertThat(cleanRows).containsAll(mixedNormal);
  }

  private static List<String> withoutIds(List<String> rows) {
    return rows.stream().skip(1).map(row -> row.substring(row.indexOf('\t'))).toList();
  }
}
