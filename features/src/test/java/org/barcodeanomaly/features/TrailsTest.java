package org.barcodeanomaly.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.barcodeanomaly.api.event.EventType;
import org.barcodeanomaly.api.event.ScanEvent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

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
}
