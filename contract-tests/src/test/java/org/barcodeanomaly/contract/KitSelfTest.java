package org.barcodeanomaly.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.barcodeanomaly.api.detector.Detector;
import org.barcodeanomaly.api.detector.ScoreTable;
import org.barcodeanomaly.api.detector.Thresholds;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.event.ScanEvent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Runs the kit against detectors that are wrong on purpose, to prove each of its checks can fail:
 * a kit that passes everything would prove nothing about the detectors that pass it.
 */
class KitSelfTest {

  /** The checks that need at least one report: a detector that reports nothing fails exactly these. */
  private static final Set<String> NEED_REPORTS = Set.of("malformedEpc", "impossibleEpc", "clonedEpc",
      "unknownLocation", "skippedTiers", "scanAfterSale", "impossibleTrip", "answersTheLegacyExample",
      "statsMatchEventHistory");

  /** Scores every event {@code score()} for every type. */
  private abstract static class ConstantDetector implements Detector {
    @Override
    public String name() {
      return "constant";
    }

    @Override
    public String version() {
      return "constant-1";
    }

    @Override
    public Thresholds thresholds() {
      return Thresholds.uniform(50);
    }

    @Override
    public ScoreTable score(List<ScanEvent> events) {
      ScoreTable table = new ScoreTable(events.size());
      double score = score();
      for (int i = 0; i < events.size(); i++) {
        for (AnomalyType type : AnomalyType.values()) {
          table.set(i, type, score);
        }
      }
      return table;
    }

    abstract double score();
  }

  static class SilentKit extends DetectorCompatibilityKit {
    @Override
    protected Detector createDetector() {
      return new ConstantDetector() {
        @Override
        double score() {
          return 0;
        }
      };
    }
  }

  static class AlarmistKit extends DetectorCompatibilityKit {
    @Override
    protected Detector createDetector() {
      return new ConstantDetector() {
        @Override
        double score() {
          return 100;
        }
      };
    }
  }

  /** Never reports, but its scores and its thresholds alternate between two values from call to call. */
  static class DriftingKit extends DetectorCompatibilityKit {
    @Override
    protected Detector createDetector() {
      AtomicInteger calls = new AtomicInteger();
      AtomicInteger thresholdCalls = new AtomicInteger();
      return new ConstantDetector() {
        @Override
        double score() {
          return calls.getAndIncrement() % 2 * 10;
        }

        @Override
        public Thresholds thresholds() {
          return Thresholds.uniform(50 + thresholdCalls.getAndIncrement() % 2 * 10);
        }
      };
    }
  }

  /** Reports nothing, but leaves the last event of every batch without a score row. */
  static class ShortTableKit extends DetectorCompatibilityKit {
    @Override
    protected Detector createDetector() {
      return new ConstantDetector() {
        @Override
        public ScoreTable score(List<ScanEvent> events) {
          return new ScoreTable(Math.max(0, events.size() - 1));
        }

        @Override
        double score() {
          return 0;
        }
      };
    }
  }

  @Test
  @DisplayName("a detector that reports nothing fails exactly the checks that expect a report")
  void silentDetectorFails() {
    assertThat(KitRun.failedChecks(SilentKit.class)).containsExactlyInAnyOrderElementsOf(NEED_REPORTS);
  }

  @Test
  @DisplayName("a detector that reports everything fails exactly the normal-traffic checks")
  void alarmistDetectorFails() {
    assertThat(KitRun.failedChecks(AlarmistKit.class)).containsExactlyInAnyOrder("sampleIsNormal",
        "reversedSampleIsNormal", "everyRouteIsNormal", "batchesAreNormal");
  }

  @Test
  @DisplayName("a detector whose scores and thresholds change between calls fails the identity, determinism, order and thread-safety checks")
  void driftingDetectorFails() {
    Set<String> expected = new TreeSet<>(NEED_REPORTS);
    expected.addAll(List.of("namesItself", "isDeterministic", "ignoresBatchOrder", "concurrentCallsAgree"));
    assertThat(KitRun.failedChecks(DriftingKit.class)).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  @DisplayName("a detector that leaves an event without a score row fails the row count and every check that sends events")
  void shortTableDetectorFails() {
    Set<String> expected = new TreeSet<>(KitRun.checks(DetectorCompatibilityKit.class));
    expected.removeAll(List.of("namesItself", "scoresAnEmptyBatch", "answersAnEmptyRequest", "isDeterministic",
        "concurrentCallsAgree"));
    assertThat(KitRun.failedChecks(ShortTableKit.class)).contains("scoresEveryEventAndType")
        .containsExactlyInAnyOrderElementsOf(expected);
  }
}
