package org.barcodeanomaly.api.detector;

import java.util.EnumMap;
import java.util.Map;
import org.barcodeanomaly.api.event.AnomalyType;

/**
 * A detector's reporting threshold per anomaly type: an event is reported for a type when its
 * score is at or above the threshold. Immutable.
 */
public final class Thresholds {

  private final float[] values = new float[AnomalyType.COUNT];

  private Thresholds(Map<AnomalyType, Double> byType) {
    for (AnomalyType type : AnomalyType.values()) {
      Double value = byType.get(type);
      if (value == null) {
        throw new IllegalArgumentException("no threshold for " + type.contractName()
            + ": every one of the five types needs one");
      }
      if (!(value > 0 && value <= 100)) {
        throw new IllegalArgumentException("threshold for " + type.contractName()
            + " must be in (0, 100], was " + value);
      }
      values[type.ordinal()] = value.floatValue();
    }
  }

  /** The same threshold for every type. */
  public static Thresholds uniform(double value) {
    Map<AnomalyType, Double> map = new EnumMap<>(AnomalyType.class);
    for (AnomalyType type : AnomalyType.values()) {
      map.put(type, value);
    }
    return new Thresholds(map);
  }

  /**
   * One threshold per type.
   *
   * @throws IllegalArgumentException when a type is missing or a value is outside (0, 100]
   */
  public static Thresholds of(Map<AnomalyType, Double> byType) {
    return new Thresholds(byType);
  }

  /** The threshold for {@code type}. */
  public float get(AnomalyType type) {
    return values[type.ordinal()];
  }

  /** Whether {@code score} is reported for {@code type}. */
  public boolean reports(AnomalyType type, float score) {
    return score >= values[type.ordinal()];
  }

  /** The thresholds as a map, for configuration and provenance files. */
  public Map<AnomalyType, Double> toMap() {
    Map<AnomalyType, Double> map = new EnumMap<>(AnomalyType.class);
    for (AnomalyType type : AnomalyType.values()) {
      map.put(type, (double) values[type.ordinal()]);
    }
    return map;
  }

  /** Equal when every type's threshold is the same. */
  @Override
  public boolean equals(Object other) {
    return other instanceof Thresholds that && java.util.Arrays.equals(values, that.values);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return toMap().toString();
  }
}
