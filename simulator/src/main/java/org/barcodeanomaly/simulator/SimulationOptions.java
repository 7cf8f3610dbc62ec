package org.barcodeanomaly.simulator;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.barcodeanomaly.simulator.anomaly.AnomalyVariant;
import org.barcodeanomaly.simulator.noise.NoiseKind;
import org.barcodeanomaly.simulator.noise.NoiseRates;
import org.barcodeanomaly.simulator.chain.SupplyChainCalibration;

/**
 * What to simulate. Fluent setters validate eagerly and name the field, the value and the limit;
 * a copy constructor lets a caller keep its own instance. The defaults reproduce the production
 * data set with 5 % of EPCs anomalous.
 */
public final class SimulationOptions {

  /** Default number of EPCs: the production set's. */
  public static final int DEFAULT_EPCS = SupplyChainCalibration.DEFAULT_EPCS;
  /** Largest number of EPCs a run accepts (about 46 million events, 9.6 GB of scan files). */
  public static final int MAX_EPCS = 10_000_000;
  /** Default seed. */
  public static final long DEFAULT_SEED = 20250701L;
  /** Default share of EPCs that carry an injected anomaly. */
  public static final double DEFAULT_ANOMALY_RATE = 0.05;
  /** Default profile. */
  public static final Profile DEFAULT_PROFILE = Profile.CLEAN;

  private int epcs = DEFAULT_EPCS;
  private long seed = DEFAULT_SEED;
  private double anomalyRate = DEFAULT_ANOMALY_RATE;
  private Profile profile = DEFAULT_PROFILE;
  private final EnumMap<NoiseKind, Double> noiseOverrides = new EnumMap<>(NoiseKind.class);
  private EnumSet<AnomalyVariant> variants = EnumSet.allOf(AnomalyVariant.class);

  /** Options with the defaults. */
  public SimulationOptions() {
  }

  /** A copy of {@code other}. */
  public SimulationOptions(SimulationOptions other) {
    this.epcs = other.epcs;
    this.seed = other.seed;
    this.anomalyRate = other.anomalyRate;
    this.profile = other.profile;
    this.noiseOverrides.putAll(other.noiseOverrides);
    this.variants = EnumSet.copyOf(other.variants);
  }

  /** Number of EPCs. */
  public int getEpcs() {
    return epcs;
  }

  /**
   * Sets the number of EPCs.
   *
   * @throws IllegalArgumentException when outside 1..{@value #MAX_EPCS}
   */
  public SimulationOptions setEpcs(int epcs) {
    if (epcs < 1 || epcs > MAX_EPCS) {
      throw new IllegalArgumentException("epcs must be within 1.." + MAX_EPCS + ", was " + epcs);
    }
    this.epcs = epcs;
    return this;
  }

  /** Seed of every random draw: the same seed gives byte-identical files. */
  public long getSeed() {
    return seed;
  }

  /** Sets the seed. */
  public SimulationOptions setSeed(long seed) {
    this.seed = seed;
    return this;
  }

  /** Share of EPCs that carry one injected anomaly. */
  public double getAnomalyRate() {
    return anomalyRate;
  }

  /**
   * Sets the share of EPCs that carry one injected anomaly.
   *
   * @throws IllegalArgumentException when outside [0, 1]
   */
  public SimulationOptions setAnomalyRate(double anomalyRate) {
    if (!(anomalyRate >= 0 && anomalyRate <= 1)) {
      throw new IllegalArgumentException("anomaly rate must be within [0, 1], was " + anomalyRate
          + "; e.g. 0.05 makes 5 % of EPCs anomalous");
    }
    this.anomalyRate = anomalyRate;
    return this;
  }

  /**
   * The rate of each kind of normal variation: the profile's ({@code clean}: none, {@code field}:
   * every kind at its realistic rate), with the kinds set by {@link #setNoise} in its place.
   */
  public NoiseRates getNoise() {
    NoiseRates rates = profile == Profile.FIELD ? NoiseRates.field() : NoiseRates.none();
    for (Map.Entry<NoiseKind, Double> entry : noiseOverrides.entrySet()) {
      rates = rates.with(entry.getKey(), entry.getValue());
    }
    return rates;
  }

  /**
   * Sets the rate of one kind of normal variation, whatever the profile says.
   *
   * @throws IllegalArgumentException naming the kind when the rate is outside [0, 1]
   */
  public SimulationOptions setNoise(NoiseKind kind, double rate) {
    NoiseRates.none().with(kind, rate);
    noiseOverrides.put(kind, rate);
    return this;
  }

  /** Reader profile. */
  public Profile getProfile() {
    return profile;
  }

  /** Sets the reader profile. */
  public SimulationOptions setProfile(Profile profile) {
    this.profile = Objects.requireNonNull(profile, "profile");
    return this;
  }

  /** The variants injected, mixed evenly. */
  public Set<AnomalyVariant> getVariants() {
    return EnumSet.copyOf(variants);
  }

  /**
   * Restricts injection to {@code variants}.
   *
   * @throws IllegalArgumentException when the list is empty
   */
  public SimulationOptions setVariants(List<AnomalyVariant> variants) {
    if (variants.isEmpty()) {
      throw new IllegalArgumentException("variants must name at least one variant; "
          + "set the anomaly rate to 0 for a set without anomalies");
    }
    this.variants = EnumSet.copyOf(variants);
    return this;
  }

  /** The options as an ordered map, for the manifest. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("epcs", epcs);
    map.put("seed", seed);
    map.put("anomalyRate", anomalyRate);
    map.put("profile", profile.id());
    map.put("noise", getNoise().toMap());
    map.put("variants", variants.stream().map(AnomalyVariant::id).toList());
    return map;
  }

  /**
   * The {@code bin/anomaly simulate} arguments of these options, but {@code --out}: a data set's
   * recipe, recorded in its manifest (so the same seed still writes the same bytes wherever the
   * output goes) and, with the directory, in the provenance of every model trained on it. The
   * variants are named only when some are left out.
   */
  public String arguments() {
    StringBuilder arguments = new StringBuilder("--epcs ").append(epcs)
        .append(" --seed ").append(seed)
        .append(" --anomaly-rate ").append(anomalyRate)
        .append(" --profile ").append(profile.id());
    if (!noiseOverrides.isEmpty()) {
      arguments.append(" --noise ").append(String.join(",", noiseOverrides.entrySet().stream()
          .map(entry -> entry.getKey().id() + "=" + entry.getValue()).toList()));
    }
    if (variants.size() != AnomalyVariant.values().length) {
      arguments.append(" --variants ").append(String.join(",", variants.stream().map(AnomalyVariant::id).toList()));
    }
    return arguments.toString();
  }
}
