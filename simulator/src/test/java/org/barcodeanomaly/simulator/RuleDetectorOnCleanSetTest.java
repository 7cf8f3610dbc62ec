package org.barcodeanomaly.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.barcodeanomaly.api.detector.Detector;
import org.barcodeanomaly.api.detector.ScoreTable;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.event.ScanEvent;
import org.barcodeanomaly.rule.RuleDetector;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end with the product's rule detector: a clean set without injected anomalies gives it
 * nothing to report, and a set with anomalies gives it something of every type.
 */
class RuleDetectorOnCleanSetTest {

  @TempDir
  Path directory;

  @Test
  @DisplayName("with --profile clean --anomaly-rate 0 the rule detector reports no anomaly at all")
  void cleanSetHasNothingToReport() throws IOException {
    new Simulator().run(new SimulationOptions().setEpcs(5_000).setProfile(Profile.CLEAN).setAnomalyRate(0), directory);
    List<String> reported = reported(ScanSet.read(directory), false);
    assertThat(reported).isEmpty();
  }

  @Test
  @DisplayName("with anomalies the rule detector reports labelled events of every type and no unlabelled one")
  void anomalousSetIsFoundWhereLabelled() throws IOException {
    new Simulator().run(new SimulationOptions().setEpcs(5_000).setAnomalyRate(0.3), directory);
    ScanSet set = ScanSet.read(directory);
    assertThat(reported(set, true)).as("unlabelled events reported").isEmpty();
    List<String> found = reportedTypes(set);
    for (AnomalyType type : AnomalyType.values()) {
      assertThat(found).as("reported types").contains(type.contractName());
    }
  }

  /** Events reported for a type; with {@code skipLabelled}, only those that carry no label at all. */
  private static List<String> reported(ScanSet set, boolean skipLabelled) {
    List<String> reported = new ArrayList<>();
    try (Detector detector = new RuleDetector()) {
      for (Map.Entry<String, List<ScanEvent>> file : set.files().entrySet()) {
        List<ScanEvent> events = file.getValue();
        ScoreTable scores = detector.score(events);
        for (int i = 0; i < events.size(); i++) {
          for (AnomalyType type : AnomalyType.values()) {
            boolean flagged = detector.thresholds().reports(type, scores.get(i, type));
            if (flagged && !(skipLabelled && set.isLabelled(events.get(i)))) {
              reported.add(file.getKey() + " event " + events.get(i).eventId() + " " + type.contractName());
            }
          }
        }
      }
    }
    return reported;
  }

  private static List<String> reportedTypes(ScanSet set) {
    List<String> types = new ArrayList<>();
    try (Detector detector = new RuleDetector()) {
      for (List<ScanEvent> events : set.files().values()) {
        ScoreTable scores = detector.score(events);
        for (int i = 0; i < events.size(); i++) {
          for (AnomalyType type : AnomalyType.values()) {
            if (detector.thresholds().reports(type, scores.get(i, type))
                && set.labels().get(events.get(i).eventId())[type.ordinal()] == 1) {
              types.add(type.contractName());
            }
          }
        }
      }
    }
    return types.stream().distinct().toList();
  }
}
