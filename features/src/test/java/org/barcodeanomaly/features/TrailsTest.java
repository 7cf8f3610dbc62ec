package org.barcodeanomaly.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.barcodeanomaly.api.event.EventType;
import org.barcodeanomaly.api.event.ScanEvent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrailsTest {

  @Test
  @DisplayName("trails are numbered by the first appearance of their EPC and hold only its events")
  void groupsByEpcInOrderOfFirstAppearance() {
    List<ScanEvent> events = new ArrayList<>();
    events.addAll(new TrailBuilder().epc("B").at(0, 1, EventType.AGGREGATION).events());
    events.addAll(new TrailBuilder().epc("A").at(0, 2, EventType.AGGREGATION).events());
    events.addAll(new TrailBuilder().epc("B").at(1, 5, EventType.WMS_INBOUND).events());

    Trails trails = Trails.group(events);

    assertThat(trails.count()).isEqualTo(2);
    assertThat(trails.epcCode(0)).isEqualTo("B");
    assertThat(trails.epcCode(1)).isEqualTo("A");
    assertThat(trails.length(0)).isEqualTo(2);
    assertThat(trails.eventIndex(trails.start(0))).isZero();
    assertThat(trails.eventIndex(trails.start(0) + 1)).isEqualTo(2);
    assertThat(trails.eventIndex(trails.start(1))).isEqualTo(1);
  }

  @Test
  @DisplayName("a trail is sorted by event time and events of the same second keep input order")
  void sortsByTimeKeepingTiesInInputOrder() {
    List<ScanEvent> events = new TrailBuilder()
        .at(5, 13, EventType.HUB_INBOUND)
        .at(1, 5, EventType.WMS_INBOUND)
        .at(5, 17, EventType.HUB_INBOUND)
        .at(0, 1, EventType.AGGREGATION)
        .events();

    Trails trails = Trails.group(events);

    assertThat(positionsToInputIndices(trails)).containsExactly(3, 1, 0, 2);
  }

  @Test
  @DisplayName("a trail longer than the insertion-sort limit is sorted stably as well")
  void sortsLongTrailsStably() {
    TrailBuilder builder = new TrailBuilder();
    for (int i = 0; i < 100; i++) {
      builder.at(100 - i / 2, 5, EventType.WMS_INBOUND);
    }
    Trails trails = Trails.group(builder.events());

    List<Integer> order = positionsToInputIndices(trails);
    assertThat(order.subList(0, 4)).containsExactly(98, 99, 96, 97);
    assertThat(order.subList(96, 100)).containsExactly(2, 3, 0, 1);
  }

  @Test
  @DisplayName("an empty batch has no trail")
  void emptyBatch() {
    Trails trails = Trails.group(List.of());

    assertThat(trails.count()).isZero();
    assertThat(trails.eventCount()).isZero();
  }

  private static List<Integer> positionsToInputIndices(Trails trails) {
    List<Integer> order = new ArrayList<>();
    for (int p = 0; p < trails.eventCount(); p++) {
      order.add(trails.eventIndex(p));
    }
    return order;
  }

  private static ScanEvent at(String epc, Instant time) {
    return new ScanEvent(0, 1, epc, 5, "WMS", "WMS_Inbound", time);
  }

  @ParameterizedTest(name = "{0} events per EPC")
  @ValueSource(ints = {3, 31, 33, 1_000})
  @DisplayName("interleaved EPCs with paired ties, newest first, sort stably at every trail length")
  void sortsInterleavedTrailsStablyAtEveryLength(int perEpc) {
    List<ScanEvent> events = new ArrayList<>();
    for (int i = 0; i < perEpc; i++) {
      events.add(at("A", Instant.ofEpochSecond(1_000 - i / 2)));
      events.add(at("B", Instant.ofEpochSecond(5)));
    }

    Trails trails = Trails.group(events);

    assertThat(trails.count()).isEqualTo(2);
    List<Integer> trailA = new ArrayList<>();
    for (int position = trails.start(0); position < trails.end(0); position++) {
      trailA.add(trails.eventIndex(position));
    }
    List<Integer> expected = new ArrayList<>();
    for (int pair = (perEpc - 1) / 2; pair >= 0; pair--) {
      for (int i = 2 * pair; i < Math.min(perEpc, 2 * pair + 2); i++) {
        expected.add(2 * i);
      }
    }
    assertThat(trailA).containsExactlyElementsOf(expected);
    for (int position = trails.start(1); position < trails.end(1) - 1; position++) {
      assertThat(trails.eventIndex(position)).isLessThan(trails.eventIndex(position + 1));
    }
  }

  @Test
  @DisplayName("ISO times with fractions of a second order the events of one second")
  void subSecondTimesOrderTheirSecond() {
    Instant second = Instant.parse("2025-07-01T11:02:38Z");
    List<ScanEvent> events = List.of(at("A", second.plusMillis(900)), at("A", second.plusMillis(100)));

    Trails trails = Trails.group(events);

    assertThat(trails.eventIndex(0)).isEqualTo(1);
    assertThat(trails.eventIndex(1)).isEqualTo(0);
  }
}
