package org.barcodeanomaly.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.barcodeanomaly.api.event.ScanEvent;
import org.barcodeanomaly.api.network.LocationNetwork;
import org.barcodeanomaly.api.network.Route;
import org.barcodeanomaly.simulator.noise.NoiseKind;
import org.barcodeanomaly.simulator.output.SimulationOutput;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The field profile adds what deployed readers do, and every such event stays labelled normal. */
class FieldProfileTest {

  @TempDir
  static Path directory;
  private static ScanSet set;

  @BeforeAll
  static void simulate() throws IOException {
    new Simulator().run(new SimulationOptions().setEpcs(10_000).setProfile(Profile.FIELD).setAnomalyRate(0), directory);
    set = ScanSet.read(directory);
  }

  @Test
  @DisplayName("without injected anomalies no event of a field set is labelled")
  void noiseIsLabelledNormal() {
    assertThat(set.all()).isNotEmpty().noneMatch(set::isLabelled);
  }

  @Test
  @DisplayName("missed reads: some trails skip a tier, and the gap spans both legs and a dwell (over a day)")
  void missedReadsSkipATierOverDays() {
    LocationNetwork network = LocationNetwork.standard();
    long skips = 0;
    for (List<ScanEvent> trail : timeOrderedTrails().values()) {
      for (int i = 1; i < trail.size(); i++) {
        Route route = network.route(trail.get(i - 1).locationId(), trail.get(i).locationId());
        if (route != null && route.kind() == Route.Kind.SKIPPED_TIER) {
          skips++;
          assertThat(trail.get(i).epochSecond() - trail.get(i - 1).epochSecond()).isGreaterThan(24 * 3600L);
        }
      }
    }
    assertThat(skips).isPositive();
  }

  @Test
  @DisplayName("clock skew: some readers other than the factories' write times off the window's whole minutes")
  void skewedClocksMoveTimesOffTheMinute() {
    long offMinute = set.all().stream().filter(e -> !"Aggregation".equals(e.eventType()))
        .filter(e -> LocalDateTime.ofInstant(e.eventTime(), ZoneOffset.UTC).getSecond() != 38).count();
    assertThat(offMinute).isPositive();
  }

  @Test
  @DisplayName("late rows: some events reach their file after later events of the same EPC")
  void someRowsArriveOutOfTimeOrder() {
    long outOfOrder = 0;
    for (List<ScanEvent> rows : trailsInFileOrder().values()) {
      for (int i = 1; i < rows.size(); i++) {
        outOfOrder += rows.get(i).eventTime().isBefore(rows.get(i - 1).eventTime()) ? 1 : 0;
      }
    }
    assertThat(outOfOrder).isPositive();
  }

  @Test
  @DisplayName("every kind of normal variation is listed in noise.csv, on existing events only")
  void everyKindIsListed() throws IOException {
    Map<String, Set<Long>> byKind = noiseEvents();
    Set<Long> ids = new HashSet<>();
    set.all().forEach(event -> ids.add(event.eventId()));
    for (NoiseKind kind : NoiseKind.values()) {
      assertThat(byKind.get(kind.id())).as(kind.id()).isNotEmpty();
      assertThat(ids).as("events of %s", kind.id()).containsAll(byKind.get(kind.id()));
    }
  }

  @Test
  @DisplayName("a duplicate row is the same row twice; a duplicate read is another event_id at the same place, type and second")
  void duplicatesAreRepeatedReads() throws IOException {
    Map<String, Set<Long>> byKind = noiseEvents();
    Map<Long, Long> rowsPerId = new HashMap<>();
    set.all().forEach(event -> rowsPerId.merge(event.eventId(), 1L, Long::sum));
    for (long id : byKind.get(NoiseKind.DUPLICATE_ROW.id())) {
      assertThat(rowsPerId.get(id)).as("rows of event %d", id).isEqualTo(2L);
    }
    Map<String, Long> reads = new HashMap<>();
    for (ScanEvent event : set.all()) {
      if (byKind.get(NoiseKind.DUPLICATE_READ.id()).contains(event.eventId())) {
        reads.merge(event.epcCode() + "|" + event.locationId() + "|" + event.eventType() + "|"
            + event.epochSecond(), 1L, Long::sum);
      }
    }
    assertThat(reads.values()).isNotEmpty().allSatisfy(count -> assertThat(count).isGreaterThanOrEqualTo(2L));
  }

  @Test
  @DisplayName("a slow leg takes longer than the route ever took; a long dwell lasts 40 to 90 days")
  void slowLegsAndLongDwells() throws IOException {
    Map<String, Set<Long>> byKind = noiseEvents();
    LocationNetwork network = LocationNetwork.standard();
    long slowChecked = 0;
    long dwellChecked = 0;
    for (List<ScanEvent> trail : timeOrderedTrails().values()) {
      for (int i = 1; i < trail.size(); i++) {
        ScanEvent event = trail.get(i);
        ScanEvent previous = trail.get(i - 1);
        long gap = event.epochSecond() - previous.epochSecond();
        Route route = network.route(previous.locationId(), event.locationId());
        if (byKind.get(NoiseKind.SLOW_LEG.id()).contains(event.eventId()) && route != null
            && route.stats() != null && route.stats().observed()) {
          assertThat(gap).as("slow leg into %d", event.eventId())
              .isGreaterThan(Math.round(route.stats().maxHours() * 3600) + 3600 - 2 * 15 * 60);
          slowChecked++;
        }
        ScanEvent arrival = inboundBefore(trail, i);
        if (byKind.get(NoiseKind.LONG_DWELL.id()).contains(event.eventId()) && arrival != null) {
          assertThat(event.epochSecond() - arrival.epochSecond()).as("stay ending at %d", event.eventId())
              .isBetween(40 * 86400L, 90 * 86400L);
          dwellChecked++;
        }
      }
    }
    assertThat(slowChecked).isPositive();
    assertThat(dwellChecked).isPositive();
  }

  @Test
  @DisplayName("clock skew: events of a skewed reader lie at most 15 minutes off the whole minute the clean clock writes")
  void skewStaysWithinFifteenMinutes() throws IOException {
    Set<Long> skewed = noiseEvents().get(NoiseKind.CLOCK_SKEW.id());
    assertThat(skewed).isNotEmpty();
    for (ScanEvent event : set.all()) {
      if (!skewed.contains(event.eventId()) && !"Aggregation".equals(event.eventType())) {
        assertThat(LocalDateTime.ofInstant(event.eventTime(), ZoneOffset.UTC).getSecond())
            .as("an unskewed reader's second").isEqualTo(38);
      }
    }
  }

  @Test
  @DisplayName("a run with every rate at 0 writes exactly the clean profile's files")
  void noNoiseIsClean(@TempDir Path clean, @TempDir Path silent) throws IOException {
    new Simulator().run(new SimulationOptions().setEpcs(500).setSeed(5).setProfile(Profile.CLEAN), clean);
    SimulationOptions zero = new SimulationOptions().setEpcs(500).setSeed(5).setProfile(Profile.FIELD);
    for (NoiseKind kind : NoiseKind.values()) {
      zero.setNoise(kind, 0);
    }
    new Simulator().run(zero, silent);
    for (String file : List.of("labels.csv", "anomalies.csv", "noise.csv", "scans/icn.csv", "scans/kum.csv")) {
      assertThat(Files.readAllBytes(silent.resolve(file))).as(file).isEqualTo(Files.readAllBytes(clean.resolve(file)));
    }
  }

  /** The inbound at the location of event {@code i} that its stay began with, or null. */
  private static ScanEvent inboundBefore(List<ScanEvent> trail, int i) {
    for (int j = i - 1; j >= 0; j--) {
      ScanEvent candidate = trail.get(j);
      if (candidate.locationId() != trail.get(i).locationId()) {
        return null;
      }
      if (candidate.eventType().endsWith("Inbound")) {
        return candidate;
      }
    }
    return null;
  }

  private static Map<String, Set<Long>> noiseEvents() throws IOException {
    Map<String, Set<Long>> byKind = new HashMap<>();
    for (NoiseKind kind : NoiseKind.values()) {
      byKind.put(kind.id(), new HashSet<>());
    }
    List<String> lines = Files.readAllLines(directory.resolve(SimulationOutput.NOISE_FILE));
    assertThat(lines.get(0)).isEqualTo("event_id,noise");
    for (String line : lines.subList(1, lines.size())) {
      String[] fields = line.split(",");
      byKind.get(fields[1]).add(Long.parseLong(fields[0]));
    }
    return byKind;
  }

  private static Map<String, List<ScanEvent>> trailsInFileOrder() {
    Map<String, List<ScanEvent>> trails = new HashMap<>();
    for (ScanEvent event : set.all()) {
      trails.computeIfAbsent(event.epcCode(), code -> new ArrayList<>()).add(event);
    }
    return trails;
  }

  private static Map<String, List<ScanEvent>> timeOrderedTrails() {
    Map<String, List<ScanEvent>> trails = trailsInFileOrder();
    trails.values().forEach(trail -> trail.sort((a, b) -> a.eventTime().compareTo(b.eventTime())));
    return trails;
  }
}
