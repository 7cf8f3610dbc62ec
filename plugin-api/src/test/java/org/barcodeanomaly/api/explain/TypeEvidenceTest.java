package org.barcodeanomaly.api.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.barcodeanomaly.api.event.AnomalyType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TypeEvidenceTest {

  private static TypeEvidence evidence(List<EventContribution> events, List<FeatureContribution> features) {
    return new TypeEvidence(AnomalyType.JUMP, 80, 50, "rule", "arrived 2 min after leaving", 80, 0, events, features);
  }

  @Test
  @DisplayName("events and features are ordered by the size of their contribution, whatever their sign, so the first is the most blamed")
  void ordersByMagnitude() {
    TypeEvidence evidence = evidence(
        List.of(new EventContribution(0, 1, "departure", 0.1), new EventContribution(1, 2, "arrival", -0.7),
            new EventContribution(2, 3, "context", 0.3)),
        List.of(new FeatureContribution("a", 1, 0.2), new FeatureContribution("b", 1, -0.5)));
    assertThat(evidence.topEvent().eventId()).isEqualTo(2);
    assertThat(evidence.events()).extracting(EventContribution::eventId).containsExactly(2L, 3L, 1L);
    assertThat(evidence.features()).extracting(FeatureContribution::feature).containsExactly("b", "a");
    assertThat(evidence.featureSum()).isCloseTo(-0.3, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  @DisplayName("evidence without an event, with a blank sentence or with a non-finite number is refused, naming what is wrong")
  void refusesIncompleteEvidence() {
    assertThatThrownBy(() -> evidence(List.of(), List.of())).hasMessageContaining("at least the reported event");
    assertThatThrownBy(() -> new TypeEvidence(AnomalyType.JUMP, 80, 50, "rule", " ", 80, 0,
        List.of(new EventContribution(0, 1, "arrival", 1)), List.of())).hasMessageContaining("sentence");
    assertThatThrownBy(() -> new EventContribution(0, 7, "arrival", Double.NaN)).hasMessageContaining("event 7");
    assertThatThrownBy(() -> new FeatureContribution("travelHours", Double.POSITIVE_INFINITY, 0))
        .hasMessageContaining("travelHours");
    assertThatThrownBy(() -> new Explanation(0, 9, "epc", "rule", "rule-1.0", List.of()))
        .hasMessageContaining("event 9");
  }
}
