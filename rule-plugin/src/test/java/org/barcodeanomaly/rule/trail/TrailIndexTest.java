package org.barcodeanomaly.rule.trail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.barcodeanomaly.api.event.ScanEvent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrailIndexTest {

  private static ScanEvent event(String epc, long second) {
    return new ScanEvent(0, 1, epc, 5, "WMS", "WMS_Inbound", Instant.ofEpochSecond(second));
  }

  @ParameterizedTest(name = "{0} events per EPC")
  @ValueSource(ints = {3, 31, 33, 1_000})
  @DisplayName("Trails are grouped by EPC in order of first appearance, sorted by time, ties in input order")
  void groupsAndSortsStably(int perEpc) {
    List<ScanEvent> events = new ArrayList<>();
    for (int i = 0; i < perEpc; i++) {
      // Times fall in pairs (tie), newest first; the two EPCs interleave.
      events.add(event("A", 1_000 - i / 2));
      events.add(event("B", 5));
    }

    TrailIndex index = TrailIndex.of(ScanColumns.of(events));

    assertThat(index.trailCount()).isEqualTo(2);
    List<Integer> trailA = new ArrayList<>();
    for (int position = index.start(0); position < index.end(0); position++) {
      trailA.add(index.eventAt(position));
    }
    List<Integer> expected = new ArrayList<>();
    for (int pair = (perEpc - 1) / 2; pair >= 0; pair--) {
      for (int i = 2 * pair; i < Math.min(perEpc, 2 * pair + 2); i++) {
        expected.add(2 * i);
      }
    }
    assertThat(trailA).containsExactlyElementsOf(expected);
    for (int position = index.start(1); position < index.end(1) - 1; position++) {
      assertThat(index.eventAt(position)).isLessThan(index.eventAt(position + 1));
    }
  }
}
