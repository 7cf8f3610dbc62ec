package org.barcodeanomaly.simulator.noise;

import java.util.EnumMap;
import java.util.Map;

/**
 * How much of each {@link NoiseKind} a run adds: a rate per kind, 0 for none. The {@code clean}
 * profile is {@link #none()}, the {@code field} profile {@link #field()}; {@code --noise} overrides
 * single kinds. Immutable.
 */
public final class NoiseRates {

  private static final NoiseRates NONE = new NoiseRates(new EnumMap<>(NoiseKind.class));

  private final Map<NoiseKind, Double> rates;

  private NoiseRates(Map<NoiseKind, Double> rates) {
    this.rates = rates;
  }

  /** No noise at all: perfect readers. */
  public static NoiseRates none() {
    return NONE;
  }

  /** Every kind at its realistic {@link NoiseKind#fieldRate()}. */
  public static NoiseRates field() {
    Map<NoiseKind, Double> rates = new EnumMap<>(NoiseKind.class);
    for (NoiseKind kind : NoiseKind.values()) {
      rates.put(kind, kind.fieldRate());
    }
    return new NoiseRates(rates);
  }

  /**
   * A copy with {@code kind} at {@code rate}.
   *
   * @throws IllegalArgumentException naming the kind when the rate is outside [0, 1]
   */
  public NoiseRates with(NoiseKind kind, double rate) {
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException("noise rate of " + kind.id() + " must be within 0..1 ("
          + kind.rateOf() + "), was " + rate);
    }
    Map<NoiseKind, Double> copy = new EnumMap<>(NoiseKind.class);
    copy.putAll(rates);
    copy.put(kind, rate);
    return new NoiseRates(copy);
  }

  /** The rate of {@code kind}; 0 when the run does not add it. */
  public double rate(NoiseKind kind) {
    return rates.getOrDefault(kind, 0.0);
  }

  /** Whether any kind has a rate above 0. */
  public boolean isActive() {
    return rates.values().stream().anyMatch(rate -> rate > 0);
  }

  /** The rates by id, kinds at 0 included, for the manifest. */
  public Map<String, Double> toMap() {
    Map<String, Double> map = new java.util.LinkedHashMap<>();
    for (NoiseKind kind : NoiseKind.values()) {
      map.put(kind.id(), rate(kind));
    }
    return map;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof NoiseRates that && toMap().equals(that.toMap());
  }

  @Override
  public int hashCode() {
    return toMap().hashCode();
  }
}
