package org.barcodeanomaly.evaluation.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.barcodeanomaly.api.detector.ExplainingDetector;
import org.barcodeanomaly.api.detector.ScoreTable;
import org.barcodeanomaly.api.detector.Thresholds;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.event.ScanEvent;
import org.barcodeanomaly.api.explain.EventContribution;
import org.barcodeanomaly.api.explain.Explanation;
import org.barcodeanomaly.api.explain.FeatureContribution;
import org.barcodeanomaly.api.explain.TypeEvidence;
import org.barcodeanomaly.evaluation.data.LabelledEvents;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ExplanationAlignmentTest {

  private static final String JUMPED = "001.8804823.1293291.010004.20250701.000000001";
  private static final String NORMAL = "001.8804823.1293291.010004.20250701.000000002";

  /**
   * Reports the jumped EPC's events 2 and 3 for jump, both blaming event 2; event 2's top feature is
   * travel time, event 3's the hour of day. Also reports the normal EPC's first event.
   */
  private static final class BlamingDetector implements ExplainingDetector {
    @Override
    public String name() {
      return "blaming";
    }

    @Override
    public String version() {
      return "blaming-1";
    }

    @Override
    public ScoreTable score(List<ScanEvent> events) {
      return new ScoreTable(events.size());
    }

    @Override
    public Thresholds thresholds() {
      return Thresholds.uniform(50);
    }

    @Override
    public List<Explanation> explain(List<ScanEvent> events) {
      List<Explanation> out = new ArrayList<>();
      out.add(jump(events, 1, "travelHours"));
      out.add(jump(events, 2, "hourSin"));
      out.add(jump(events, 3, "travelHours"));
      return out;
    }

    private static Explanation jump(List<ScanEvent> events, int index, String topFeature) {
      int blamed = events.get(index).epcCode().equals(JUMPED) ? 1 : index;
      TypeEvidence evidence = new TypeEvidence(AnomalyType.JUMP, 80, 50, "test", "blamed", 80, 0,
          List.of(new EventContribution(blamed, events.get(blamed).eventId(), "blamed", 5)),
          List.of(new FeatureContribution(topFeature, 1, 3)));
      ScanEvent event = events.get(index);
      return new Explanation(index, event.eventId(), event.epcCode(), "blaming", "blaming-1", List.of(evidence));
    }
  }

  @Test
  @DisplayName("counts reports on EPCs labelled for the type: top event aligned when it is a labelled event, top feature when it is of the variant's cause; reports on normal EPCs are left out")
  void countsAlignment() {
    List<ScanEvent> events = new ArrayList<>();
    Instant time = Instant.parse("2025-07-01T10:00:00Z");
    for (int i = 0; i < 3; i++) {
      events.add(new ScanEvent(i + 1, 1, JUMPED, 1, "Factory", "Aggregation", time.plusSeconds(3_600L * i)));
    }
    events.add(new ScanEvent(4, 1, NORMAL, 1, "Factory", "Aggregation", time));
    BitSet[] labels = new BitSet[AnomalyType.COUNT];
    for (int t = 0; t < labels.length; t++) {
      labels[t] = new BitSet();
    }
    labels[AnomalyType.JUMP.ordinal()].set(1);
    LabelledEvents data = LabelledEvents.fromSets(events, labels);

    ExplanationAlignment alignment = ExplanationAlignment.measure(new BlamingDetector(), data,
        id -> id <= 3 ? "jump-fast-arrival" : null, done -> { });

    ExplanationAlignment.Tally jump = alignment.byType().get(AnomalyType.JUMP);
    assertThat(jump.reports()).isEqualTo(2);
    assertThat(jump.eventAligned()).isEqualTo(2);
    assertThat(jump.featureAligned()).isEqualTo(1);
    assertThat(alignment.byVariant()).containsOnlyKeys("jump-fast-arrival");
    assertThat(ExplanationAlignment.markdown(List.of(alignment)))
        .contains("| jump | 100.0 % / 50.0 % (2) |").contains("| epcFake | – |");
  }

  @Test
  @DisplayName("each variant family has its cause, and an unknown variant is refused naming it")
  void causesOfVariants() {
    assertThat(InjectedCause.features("jump-backwards-minutes")).contains("travelHours", "travelShortfall");
    assertThat(InjectedCause.features("dup-same-tier")).containsExactlyInAnyOrder("sameSecondOtherLocations",
        "sameSecondRepeats");
    assertThat(InjectedCause.features("fake-header")).containsExactly("epcHeaderValid");
    assertThat(InjectedCause.features("loc-backward-far")).contains("routeBackward").doesNotContain("afterSale");
    assertThatThrownBy(() -> InjectedCause.features("teleport")).hasMessageContaining("'teleport'");
  }
}
