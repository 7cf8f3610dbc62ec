package org.barcodeanomaly.rule;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.barcodeanomaly.api.detector.Thresholds;
import org.barcodeanomaly.api.epc.EpcRegistry;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.network.LocationNetwork;

/**
 * How a {@link RuleDetector} is set up: the reference tables it judges against, its reporting
 * thresholds and the two calibration knobs of its time-based rules. Fluent and copyable; setters
 * validate eagerly and name the field, the value and the limit.
 *
 * <p>From a {@link org.barcodeanomaly.api.detector.DetectorOptions}' settings (see
 * {@link #fromSettings}): {@code rule.threshold.<type>} (e.g. {@code rule.threshold.jump=60}),
 * {@code rule.jump.fastRatio} and {@code rule.locErr.missedReadGapHours}.
 */
public final class RuleDetectorOptions {

  /** Setting key prefix of the per-type thresholds, followed by the type's contract name. */
  public static final String THRESHOLD_SETTING_PREFIX = "rule.threshold.";
  /** Setting key of {@link #setFastRatio}. */
  public static final String FAST_RATIO_SETTING = "rule.jump.fastRatio";
  /** Setting key of {@link #setMissedReadGapHours}. */
  public static final String MISSED_READ_GAP_SETTING = "rule.locErr.missedReadGapHours";

  /**
   * Default thresholds. epcFake 10: any single format fault of a genuine-looking code is already
   * impossible for a real EPC. The others 50: every finding a rule is sure of scores 60 or more,
   * and the graded hints (a slow skipped tier, a trip between half and all of the route's fastest)
   * stay below 50.
   */
  public static final Thresholds DEFAULT_THRESHOLDS = Thresholds.of(Map.of(
      AnomalyType.EPC_FAKE, 10.0, AnomalyType.EPC_DUP, 50.0, AnomalyType.LOC_ERR, 50.0,
      AnomalyType.EVT_ORDER_ERR, 50.0, AnomalyType.JUMP, 50.0));
  /** Default share of a route's fastest observed trip below which an arrival is a jump. */
  public static final double DEFAULT_FAST_RATIO = 0.5;
  /**
   * Default gap, in hours, beyond which a skipped tier is taken for a missed read: above the
   * slowest single trip ever observed (10 h), below any two legs with a stay between.
   */
  public static final double DEFAULT_MISSED_READ_GAP_HOURS = 12.0;

  private LocationNetwork network;
  private EpcRegistry registry;
  private Thresholds thresholds = DEFAULT_THRESHOLDS;
  private double fastRatio = DEFAULT_FAST_RATIO;
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
    this.fastRatio = other.fastRatio;
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
    if (settings.containsKey(FAST_RATIO_SETTING)) {
      options.setFastRatio(number(FAST_RATIO_SETTING, settings.get(FAST_RATIO_SETTING)));
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

  /** Share of a route's fastest observed trip below which an arrival is reported as a jump. */
  public double getFastRatio() {
    return fastRatio;
  }

  /**
   * Sets the fast ratio.
   *
   * @throws IllegalArgumentException unless {@code 0 < fastRatio < 1}
   */
  public RuleDetectorOptions setFastRatio(double fastRatio) {
    if (!(fastRatio > 0 && fastRatio < 1)) {
      throw new IllegalArgumentException(FAST_RATIO_SETTING + " must be between 0 and 1 (exclusive),"
          + " was " + fastRatio + ": use e.g. 0.5 to report trips under half the route's fastest");
    }
    this.fastRatio = fastRatio;
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
