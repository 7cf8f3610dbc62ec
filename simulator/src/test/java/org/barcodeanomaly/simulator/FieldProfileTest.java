package org.barcodeanomaly.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.barcodeanomaly.api.event.ScanEvent;
import org.barcodeanomaly.api.network.LocationNetwork;
import org.barcodeanomaly.api.network.Route;
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
  @DisplayName("clock skew: readers other than the factories' write times off the window's whole minutes")
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
