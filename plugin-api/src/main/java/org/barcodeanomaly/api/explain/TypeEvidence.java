package org.barcodeanomaly.api.explain;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.barcodeanomaly.api.event.AnomalyType;

/**
 * Why one event was reported for one anomaly type: the events and features that drove the score,
 * largest contribution first, and one sentence in the product's terms.
 *
 * <p>{@code value} is the quantity the contributions explain (the rule's score, the SVM's log decision
 * ratio, the network's probability) and {@code baseline} what it would be with no evidence (0 for a
 * rule, the training mean for a learned model). For additive methods ({@link #method()} says which)
 * the feature contributions sum to {@code value − baseline}.
 *
 * @param type      the reported type
 * @param score     the event's score for it, 0–100, equal to what {@code score} gave
 * @param threshold the detector's reporting threshold for it
 * @param method    how the contributions were computed, e.g. {@code rule}, {@code rbf-path-integral},
 *                  {@code occlusion}, {@code integrated-gradients}
 * @param sentence  one human sentence: what happened and the numbers that make it an anomaly
 * @param value     the explained quantity for this event
 * @param baseline  the explained quantity with no evidence
 * @param events    events of the event's trail, largest {@code |contribution|} first; never empty
 * @param features  features or rule numbers, largest {@code |contribution|} first; may be empty
 */
public record TypeEvidence(AnomalyType type, float score, float threshold, String method, String sentence,
    double value, double baseline, List<EventContribution> events, List<FeatureContribution> features) {

  /** Orders contributions by magnitude, so the first one is the top attributed. */
  public static final Comparator<EventContribution> BY_EVENT_MAGNITUDE =
      Comparator.comparingDouble((EventContribution c) -> -Math.abs(c.contribution()));
  /** Orders feature contributions by magnitude. */
  public static final Comparator<FeatureContribution> BY_FEATURE_MAGNITUDE =
      Comparator.comparingDouble((FeatureContribution c) -> -Math.abs(c.contribution()));

  /** Checks the fields and sorts the contributions, largest magnitude first (stable for ties). */
  public TypeEvidence {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(sentence, "sentence");
    if (sentence.isBlank()) {
      throw new IllegalArgumentException("the sentence explaining " + type.contractName() + " must not be blank");
    }
    if (events.isEmpty()) {
      throw new IllegalArgumentException("evidence for " + type.contractName()
          + " must name at least the reported event");
    }
    if (!Double.isFinite(value) || !Double.isFinite(baseline)) {
      throw new IllegalArgumentException("explained value " + value + " and baseline " + baseline
          + " of " + type.contractName() + " must be finite");
    }
    events = events.stream().sorted(BY_EVENT_MAGNITUDE).toList();
    features = features.stream().sorted(BY_FEATURE_MAGNITUDE).toList();
  }

  /** The event with the largest contribution: the scan the detector blames most. */
  public EventContribution topEvent() {
    return events.get(0);
  }

  /** The sum of the feature contributions (for additive methods, {@code value − baseline}). */
  public double featureSum() {
    double sum = 0;
    for (FeatureContribution feature : features) {
      sum += feature.contribution();
    }
    return sum;
  }
}
