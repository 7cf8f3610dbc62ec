package org.barcodeanomaly.rule;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.barcodeanomaly.api.detector.Thresholds;
import org.barcodeanomaly.api.epc.EpcRegistry;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.network.LocationNetwork;
import org.barcodeanomaly.api.network.NormalVariation;

/**
 * How a {@link RuleDetector} is set up: the reference tables it judges against, its reporting
 * thresholds and the two calibration knobs of its time-based rules. Fluent and copyable; setters
 * validate eagerly and name the field, the value and the limit.
 *
 * <p>From a {@link org.barcodeanomaly.api.detector.DetectorOptions}' settings (see
 * {@link #fromSettings}): {@code rule.threshold.<type>} (e.g. {@code rule.threshold.jump=60}),
 * {@code rule.jump.clockSkewMinutes} and {@code rule.locErr.missedReadGapHours}.
 */
public final class RuleDetectorOptions {

  /** Setting key prefix of the per-type thresholds, followed by the type's contract name. */
  public static final String THRESHOLD_SETTING_PREFIX = "rule.threshold.";
  /** Setting key of {@link #setClockSkewMinutes}. */
  public static final String CLOCK_SKEW_SETTING = "rule.jump.clockSkewMinutes";
  /** Setting key of {@link #setMissedReadGapHours}. */
  public static final String MISSED_READ_GAP_SETTING = "rule.locErr.missedReadGapHours";

  /**
   * Default thresholds. epcFake 10: any single format fault of a genuine-looking code is already
   * impossible for a real EPC. The others 50: every finding a rule is sure of scores 60 or more,
   * and the graded hints (a slow skipped tier, a trip faster than the route's fastest but within the
   * clocks' skew of it) stay below 50.
   */
  public static final Thresholds DEFAULT_THRESHOLDS = Thresholds.of(Map.of(
      AnomalyType.EPC_FAKE, 10.0, AnomalyType.EPC_DUP, 50.0, AnomalyType.LOC_ERR, 50.0,
      AnomalyType.EVT_ORDER_ERR, 50.0, AnomalyType.JUMP, 50.0));
  /**
   * Default largest offset of one reader's clock, minutes: docs/spec/ANOMALIES.md's ±15 minutes
   * ({@link NormalVariation#MAX_CLOCK_SKEW_MINUTES}).
   */
  public static final double DEFAULT_CLOCK_SKEW_MINUTES = NormalVariation.MAX_CLOCK_SKEW_MINUTES;
  /**
   * Default gap, in hours, beyond which a skipped tier is taken for a missed read: above the
   * slowest single trip ever observed (10 h), below any two legs with a stay between
   * ({@link NormalVariation#MISSED_READ_MIN_GAP_HOURS}).
   */
  public static final double DEFAULT_MISSED_READ_GAP_HOURS = NormalVariation.MISSED_READ_MIN_GAP_HOURS;

  private LocationNetwork network;
  private EpcRegistry registry;
  private Thresholds thresholds = DEFAULT_THRESHOLDS;
  private double clockSkewMinutes = DEFAULT_CLOCK_SKEW_MINUTES;
  private double missedReadGapHours = DEFAULT_MISSED_READ_GAP_HOURS;

  /** Options with the defaults and the bundled reference tables. */
  public RuleDetectorOptions() {
    this.network = LocationNetwork.standard();
    this.registry = EpcRegistry.standard();
  }

  /** A copy of {@code other}. */
  public RuleDetectorOptions(RuleDetectorOptions other) {
    this.network = other.network;
    this.registry = other.registry;
    this.thresholds = other.thresholds;
    this.clockSkewMinutes = other.clockSkewMinutes;
    this.missedReadGapHours = other.missedReadGapHours;
  }

  /**
   * Options with the defaults, overridden by the {@code rule.*} entries of {@code settings};
   * other keys are ignored.
   *
   * @throws IllegalArgumentException naming the key, the value and the accepted range
   */
  public static RuleDetectorOptions fromSettings(Map<String, String> settings) {
    RuleDetectorOptions options = new RuleDetectorOptions();
    Map<AnomalyType, Double> thresholds = new EnumMap<>(DEFAULT_THRESHOLDS.toMap());
    for (AnomalyType type : AnomalyType.values()) {
      String key = THRESHOLD_SETTING_PREFIX + type.contractName();
      if (settings.containsKey(key)) {
        thresholds.put(type, number(key, settings.get(key)));
      }
    }
    options.setThresholds(Thresholds.of(thresholds));
    if (settings.containsKey(CLOCK_SKEW_SETTING)) {
      options.setClockSkewMinutes(number(CLOCK_SKEW_SETTING, settings.get(CLOCK_SKEW_SETTING)));
    }
    if (settings.containsKey(MISSED_READ_GAP_SETTING)) {
      options.setMissedReadGapHours(number(MISSED_READ_GAP_SETTING, settings.get(MISSED_READ_GAP_SETTING)));
    }
    return options;
  }

  /** The location network moves and travel times are judged against. */
  public LocationNetwork getNetwork() {
    return network;
  }

  /** Sets the location network. */
  public RuleDetectorOptions setNetwork(LocationNetwork network) {
    this.network = Objects.requireNonNull(network, "network");
    return this;
  }

  /** The registry of companies, products and factory lot prefixes. */
  public EpcRegistry getRegistry() {
    return registry;
  }

  /** Sets the EPC registry. */
  public RuleDetectorOptions setRegistry(EpcRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
    return this;
  }

  /** The reporting thresholds. */
  public Thresholds getThresholds() {
    return thresholds;
  }

  /** Sets the reporting thresholds. */
  public RuleDetectorOptions setThresholds(Thresholds thresholds) {
    this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
    return this;
  }

  /**
   * The largest offset of one reader's clock, minutes: a trip is a jump only once it is faster than
   * the route's fastest trip by more than twice this (two readers off in opposite directions).
   */
  public double getClockSkewMinutes() {
    return clockSkewMinutes;
  }

  /**
   * Sets the clock skew tolerance.
   *
   * @throws IllegalArgumentException unless {@code 0 <= minutes <= 120}
   */
  public RuleDetectorOptions setClockSkewMinutes(double minutes) {
    if (!(minutes >= 0 && minutes <= 120)) {
      throw new IllegalArgumentException(CLOCK_SKEW_SETTING + " must be between 0 and 120 minutes,"
          + " was " + minutes + ": use the largest offset a reader's clock may have, e.g. 15");
    }
    this.clockSkewMinutes = minutes;
    return this;
  }

  /** Gap in hours beyond which a skipped tier is taken for a missed read rather than a fraud. */
  public double getMissedReadGapHours() {
    return missedReadGapHours;
  }

  /**
   * Sets the missed-read gap.
   *
   * @throws IllegalArgumentException unless it is a positive finite number of hours
   */
  public RuleDetectorOptions setMissedReadGapHours(double hours) {
    if (!(hours > 0 && hours < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(MISSED_READ_GAP_SETTING + " must be a positive number"
          + " of hours, was " + hours + ": use a value above the slowest single trip (10 h)");
    }
    this.missedReadGapHours = hours;
    return this;
  }

  private static double number(String key, String value) {
    try {
      return Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a number, was '" + value + "'", e);
    }
  }
}
