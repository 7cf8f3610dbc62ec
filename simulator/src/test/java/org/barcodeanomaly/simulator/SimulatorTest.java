package org.barcodeanomaly.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.barcodeanomaly.api.event.EventType;
import org.barcodeanomaly.api.event.ScanEvent;
import org.barcodeanomaly.simulator.anomaly.AnomalyVariant;
import org.barcodeanomaly.simulator.output.SimulationOutput;
import org.barcodeanomaly.simulator.report.ProductionTargets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A default run, scaled down to 20,000 EPCs: statistics, file layout, labels and the catalogue. */
class SimulatorTest {

  private static final int EPCS = 20_000;

  @TempDir
  static Path directory;
  private static SimulationSummary summary;
  private static ScanSet set;

  @BeforeAll
  static void simulate() throws IOException {
    summary = new Simulator().run(new SimulationOptions().setEpcs(EPCS), directory);
    set = ScanSet.read(directory);
  }

  @Test
  @DisplayName("the set has the production data's shape: events per EPC, file shares, EPC count")
  void reproducesTheProductionStatistics() {
    List<ScanEvent> all = set.all();
    assertThat(summary.events()).isEqualTo(all.size());
    assertThat((double) all.size() / EPCS).isBetween(4.4, 4.8);
    assertThat(all.stream().map(ScanEvent::epcCode).distinct().count()).isEqualTo(EPCS);
    Map<String, Long> targets = ProductionTargets.rowsPerFile();
    for (Map.Entry<String, Long> target : targets.entrySet()) {
      double share = 100.0 * set.files().get(target.getKey()).size() / all.size();
      double expected = 100.0 * target.getValue() / ProductionTargets.EVENTS;
      assertThat(share).as("share of %s", target.getKey()).isCloseTo(expected, within(2.0));
      assertThat(summary.rowsPerFile().get(target.getKey())).isEqualTo(set.files().get(target.getKey()).size());
    }
    assertThat(set.rejected()).isZero();
  }

  @Test
  @DisplayName("normal trails start with the aggregation on 2025-07-01, have 2 to 10 events and stay in the window")
  void normalTrailsAreCutOnlyByTheWindowEnd() {
    Map<String, List<ScanEvent>> trails = trails();
    LocalDateTime first = ProductionTargets.FIRST_TIME;
    LocalDateTime last = ProductionTargets.LAST_TIME;
    for (List<ScanEvent> trail : trails.values()) {
      if (trail.stream().anyMatch(set::isLabelled)) {
        continue;
      }
      assertThat(trail).hasSizeBetween(2, 10);
      assertThat(trail.get(0).eventType()).isEqualTo("Aggregation");
      assertThat(local(trail.get(0)).toLocalDate()).isEqualTo(LocalDate.of(2025, 7, 1));
      for (ScanEvent event : trail) {
        assertThat(local(event)).isBetween(first, last);
      }
    }
  }

  @Test
  @DisplayName("normal hws and ygs trails stop at R_Stock_Inbound; icn and kum reach POS_Sell")
  void onlyIcnAndKumSell() {
    assertThat(types("hws")).doesNotContain("R_Stock_Outbound", "POS_Sell");
    assertThat(types("ygs")).doesNotContain("R_Stock_Outbound", "POS_Sell");
    assertThat(types("icn")).contains("POS_Sell");
    assertThat(types("kum")).contains("POS_Sell");
  }

  @Test
  @DisplayName("items move in batches: far fewer distinct times than events")
  void batchesShareTimestamps() {
    long distinct = set.all().stream().map(ScanEvent::eventTime).distinct().count();
    assertThat(distinct).isLessThan(set.all().size() / 10);
  }

  @Test
  @DisplayName("labels.csv has one row per event, event ids 1..N across the four files")
  void labelsHaveOneRowPerEvent() throws IOException {
    Set<Long> ids = new HashSet<>();
    set.all().forEach(event -> ids.add(event.eventId()));
    assertThat(ids).hasSize(set.all().size());
    assertThat(set.labels().keySet()).isEqualTo(ids);
    assertThat(ids.stream().mapToLong(Long::longValue).max().orElseThrow()).isEqualTo(ids.size());
    assertThat(Files.readAllLines(directory.resolve(SimulationOutput.LABELS_FILE)).get(0))
        .isEqualTo("event_id,epcFake,epcDup,locErr,evtOrderErr,jump");
  }

  @Test
  @DisplayName("every variant of the catalogue appears, and only EPCs listed in anomalies.csv carry labels")
  void everyVariantAppears() throws IOException {
    for (AnomalyVariant variant : AnomalyVariant.values()) {
      assertThat(summary.count(variant)).as(variant.id()).isPositive();
    }
    assertThat(summary.anomalousEpcs()).isBetween((long) (EPCS * 0.04), (long) (EPCS * 0.06));
    Set<String> anomalous = new HashSet<>();
    List<String> rows = Files.readAllLines(directory.resolve(SimulationOutput.ANOMALIES_FILE));
    rows.subList(1, rows.size()).forEach(row -> anomalous.add(row.split(",")[1]));
    assertThat(anomalous).hasSize((int) summary.anomalousEpcs());
    for (ScanEvent event : set.all()) {
      if (set.isLabelled(event)) {
        assertThat(anomalous).contains(event.epcCode());
      }
    }
  }

  @Test
  @DisplayName("every scan after the aggregation sits on a whole minute of the window, as in the real data")
  void cleanTimesAreMinuteAligned() {
    for (ScanEvent event : set.all()) {
      if (!set.isLabelled(event) && !EventType.AGGREGATION.dataName().equals(event.eventType())) {
        assertThat(local(event).getSecond()).isEqualTo(38);
      }
    }
  }

  private static Set<String> types(String file) {
    Set<String> types = new HashSet<>();
    set.files().get(file).stream().filter(event -> !set.isLabelled(event))
        .forEach(event -> types.add(event.eventType()));
    return types;
  }

  private static Map<String, List<ScanEvent>> trails() {
    Map<String, List<ScanEvent>> trails = new HashMap<>();
    for (ScanEvent event : set.all()) {
      trails.computeIfAbsent(event.epcCode(), code -> new ArrayList<>()).add(event);
    }
    return trails;
  }

  private static LocalDateTime local(ScanEvent event) {
    return LocalDateTime.ofInstant(event.eventTime(), ZoneOffset.UTC);
  }
}
