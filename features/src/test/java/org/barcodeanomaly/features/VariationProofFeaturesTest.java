package org.barcodeanomaly.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.barcodeanomaly.api.event.ScanEvent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class VariationProofFeaturesTest {

  private static final FeatureExtractor EXTRACTOR = FeatureExtractor.standard();
  private static final List<ScanEvent> NORMAL = List.copyOf(TrailBuilder.normalTrail().events());

  /** The variation-proof features of every event, keyed by event id, in trail order. */
  private static List<String> proofValues(List<ScanEvent> events, Feature... ignored) {
    FeatureMatrix matrix = EXTRACTOR.extract(events);
    List<String> rows = new ArrayList<>();
    for (int row = 0; row < matrix.rows(); row++) {
      StringBuilder line = new StringBuilder("event " + events.get(matrix.eventIndex(row)).eventId() + ":");
      for (Feature feature : VariationProofFeatures.list()) {
        if (!List.of(ignored).contains(feature)) {
          line.append(' ').append(feature.id()).append('=').append(matrix.get(row, feature));
        }
      }
      rows.add(line.toString());
    }
    return rows;
  }

  private static List<ScanEvent> shifted(int from, int to, Duration by) {
    return shifted(event -> event.eventId() - 1 >= from && event.eventId() - 1 <= to ? by : Duration.ZERO);
  }

  private static List<ScanEvent> shifted(Function<ScanEvent, Duration> shift) {
    List<ScanEvent> events = new ArrayList<>();
    for (ScanEvent event : NORMAL) {
      events.add(withTime(event, event.eventTime().plus(shift.apply(event))));
    }
    return events;
  }

  private static ScanEvent withTime(ScanEvent event, Instant time) {
    return new ScanEvent(event.eventId(), event.fileId(), event.epcCode(), event.locationId(),
        event.businessStep(), event.eventType(), time, event.manufactureTime());
  }

  @Test
  @DisplayName("a leg three days slower than usual leaves every variation-proof feature as it was")
  void slowLegChangesNothing() {
    assertThat(proofValues(shifted(3, 9, Duration.ofDays(3)))).isEqualTo(proofValues(NORMAL));
  }

  @Test
  @DisplayName("a dwell of sixty days at the wholesaler leaves every variation-proof feature as it was")
  void longDwellChangesNothing() {
    assertThat(proofValues(shifted(6, 9, Duration.ofDays(60)))).isEqualTo(proofValues(NORMAL));
  }

  @Test
  @DisplayName("the warehouse's clock 15 minutes slow and the hub's 15 minutes fast change nothing")
  void clockSkewChangesNothing() {
    List<ScanEvent> skewed = shifted(event -> switch (event.locationId()) {
      case 5 -> Duration.ofMinutes(-15);
      case 13 -> Duration.ofMinutes(15);
      default -> Duration.ZERO;
    });
    assertThat(proofValues(skewed)).isEqualTo(proofValues(NORMAL));
  }

  @Test
  @DisplayName("rows arriving out of time order change nothing")
  void lateRowsChangeNothing() {
    List<ScanEvent> late = new ArrayList<>(NORMAL);
    Collections.reverse(late);
    assertThat(proofValues(late)).isEqualTo(proofValues(NORMAL));
  }

  @Test
  @DisplayName("a duplicate read shows only as a same-second repeat, never as another location or order error")
  void duplicateReadShowsOnlyAsRepeat() {
    List<ScanEvent> twice = new ArrayList<>(NORMAL);
    ScanEvent outbound = NORMAL.get(4);
    twice.add(new ScanEvent(99, outbound.fileId(), outbound.epcCode(), outbound.locationId(),
        outbound.businessStep(), outbound.eventType(), outbound.eventTime(), outbound.manufactureTime()));
    List<String> values = proofValues(twice, Feature.SAME_SECOND_REPEATS);
    values.removeIf(line -> line.startsWith("event 99:"));
    assertThat(values).isEqualTo(proofValues(NORMAL, Feature.SAME_SECOND_REPEATS));
    FeatureMatrix matrix = EXTRACTOR.extract(twice);
    float repeats = 0;
    for (int row = 0; row < matrix.rows(); row++) {
      repeats = Math.max(repeats, matrix.get(row, Feature.SAME_SECOND_REPEATS));
    }
    assertThat(repeats).isEqualTo(1f);
  }

  @Test
  @DisplayName("no clock, position, raw-gap, speed or entropy feature is variation-proof")
  void leavesOutWhatVariationMoves() {
    assertThat(VariationProofFeatures.list()).noneMatch(feature ->
        feature.group() == Feature.Group.TEMPORAL || feature.group() == Feature.Group.BEHAVIOUR);
    assertThat(VariationProofFeatures.list()).doesNotContain(Feature.LOG_SPEED_KMH, Feature.TRAVEL_Z,
        Feature.LOG_MIN_TRAVEL_RATIO, Feature.TIER_STEP, Feature.ROUTE_SKIPPED_TIER, Feature.RANK_DELTA,
        Feature.NEXT_RANK_DELTA);
  }
}
