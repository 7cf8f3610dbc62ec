package org.barcodeanomaly.api.explain;

import java.util.Objects;

/**
 * How much one quantity drove a type's score: a feature of the learned detectors (by its stable id,
 * e.g. {@code travelShortfall}) or a number a rule compared (e.g. {@code travelHours} against
 * {@code fastestTripHours}).
 *
 * @param feature      the feature id or the rule's name for the number
 * @param value        the value the detector saw (unscaled, in the feature's own unit)
 * @param contribution signed contribution in the unit of {@link TypeEvidence#value()}; 0 for a
 *                     number that is only the yardstick (the route's fastest trip)
 */
public record FeatureContribution(String feature, double value, double contribution) {

  /** Checks the name and that both numbers are finite. */
  public FeatureContribution {
    Objects.requireNonNull(feature, "feature");
    if (feature.isBlank()) {
      throw new IllegalArgumentException("feature name must not be blank");
    }
    if (!Double.isFinite(value) || !Double.isFinite(contribution)) {
      throw new IllegalArgumentException("feature " + feature + ": value " + value + " and contribution "
          + contribution + " must be finite");
    }
  }
}
