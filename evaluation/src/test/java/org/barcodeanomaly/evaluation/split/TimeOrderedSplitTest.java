package org.barcodeanomaly.evaluation.split;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.barcodeanomaly.api.event.ScanEvent;
import org.barcodeanomaly.features.Trails;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TimeOrderedSplitTest {

  private static final Instant T0 = Instant.parse("2025-07-01T10:00:00Z");
  private static final long HOUR = 3600;

  /** 1,000 EPCs, all aggregated at T0 (as in the data), ending 1 to 1,000 hours later. */
  private static Trails trails() {
    List<ScanEvent> events = new ArrayList<>();
    long id = 0;
    for (int e = 0; e < 1000; e++) {
      String epc = "001.8805843.2932031.150001.20250701." + String.format("%09d", e);
      long endHours = 1 + (e * 7919L) % 1000;
      events.add(new ScanEvent(id++, 1, epc, 1, "Factory", "Aggregation", T0));
      events.add(new ScanEvent(id++, 1, epc, 5, "WMS", "WMS_Inbound", T0.plusSeconds(endHours * HOUR)));
    }
    return Trails.group(events);
  }

  @Test
  @DisplayName("no EPC is in two sets, and each set ends after the previous one plus the buffer")
  void byEpcAndTime() {
    Trails trails = trails();
    EpcSplit split = new TimeOrderedSplit(0.7, 0.15, 24 * HOUR, 1000, 3).split(trails);
    Set<String> seen = new HashSet<>();
    for (int[] set : List.of(split.trails(EpcSplit.Part.TRAIN), split.trails(EpcSplit.Part.VALIDATION), split.trails(EpcSplit.Part.TEST))) {
      for (int trail : set) {
        assertThat(seen.add(trails.epcCode(trail))).as("EPC in one set only").isTrue();
      }
    }
    long trainEnd = maxEnd(trails, split.trails(EpcSplit.Part.TRAIN));
    assertThat(minEnd(trails, split.trails(EpcSplit.Part.VALIDATION))).isGreaterThan(trainEnd + 24 * HOUR);
    assertThat(minEnd(trails, split.trails(EpcSplit.Part.TEST))).isGreaterThan(maxEnd(trails, split.trails(EpcSplit.Part.VALIDATION)) + 24 * HOUR);
    assertThat(split.trails(EpcSplit.Part.TRAIN).length).isEqualTo(700);
    assertThat(split.trails(EpcSplit.Part.TRAIN).length + split.trails(EpcSplit.Part.VALIDATION).length + split.trails(EpcSplit.Part.TEST).length + split.count(EpcSplit.Part.UNUSED))
        .isEqualTo(1000);
    assertThat(split.count(EpcSplit.Part.UNUSED)).isEqualTo(48);
  }

  @Test
  @DisplayName("the same seed draws the same sample; another seed another one")
  void seeded() {
    Trails trails = trails();
    TimeOrderedSplit strategy = new TimeOrderedSplit(0.7, 0.15, 0, 300, 42);
    assertThat(strategy.split(trails)).isEqualTo(strategy.split(trails));
    assertThat(new TimeOrderedSplit(0.7, 0.15, 0, 300, 43).split(trails).trails(EpcSplit.Part.TRAIN))
        .isNotEqualTo(strategy.split(trails).trails(EpcSplit.Part.TRAIN));
    assertThat(strategy.split(trails).count(EpcSplit.Part.UNUSED)).isEqualTo(700);
    assertThat(strategy.name()).isEqualTo("epc-time-70-15-15");
  }

  private static long maxEnd(Trails trails, int[] set) {
    long max = Long.MIN_VALUE;
    for (int trail : set) {
      max = Math.max(max, trails.secondAt(trails.end(trail) - 1));
    }
    return max;
  }

  private static long minEnd(Trails trails, int[] set) {
    long min = Long.MAX_VALUE;
    for (int trail : set) {
      min = Math.min(min, trails.secondAt(trails.end(trail) - 1));
    }
    return min;
  }
}
