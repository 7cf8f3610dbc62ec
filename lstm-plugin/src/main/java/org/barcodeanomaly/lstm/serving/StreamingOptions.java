package org.barcodeanomaly.lstm.serving;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.barcodeanomaly.api.detector.DetectorOptions;

/**
 * Bounds of the streaming buffer: how many EPCs it remembers, for how long an idle EPC stays, for
 * how long a sold EPC is watched, and how many recent events it keeps per EPC.
 *
 * @param maxEpcs         EPCs buffered at most; beyond, Caffeine's size eviction (W-TinyLFU)
 *                        drops entries it predicts least useful, which may be a newcomer rather
 *                        than the oldest EPC: size it above the EPCs in transit
 * @param idleTimeout     an EPC with no event for this long is forgotten (its next event is a
 *                        cold start again); counted on the serving machine's clock
 * @param afterSaleWindow a sold EPC (its last event {@code POS_Sell}) is kept this long, so that a
 *                        scan after the sale is scored with the sale before it (docs/spec/ANOMALIES.md: any
 *                        scan after POS_Sell is an order error), then forgotten
 * @param maxEventsPerEpc recent events kept per EPC; older ones are dropped
 */
public record StreamingOptions(long maxEpcs, Duration idleTimeout, Duration afterSaleWindow,
    int maxEventsPerEpc) {

  /** Setting for {@link #maxEpcs()}: a whole number, at least 1. */
  public static final String MAX_EPCS = "lstm.stream.maxEpcs";
  /** Setting for {@link #idleTimeout()}: a positive ISO-8601 duration, e.g. {@code P60D}. */
  public static final String IDLE_TIMEOUT = "lstm.stream.idleTimeout";
  /** Setting for {@link #afterSaleWindow()}: a positive ISO-8601 duration, e.g. {@code P14D}. */
  public static final String AFTER_SALE_WINDOW = "lstm.stream.afterSaleWindow";
  /** Setting for {@link #maxEventsPerEpc()}: a whole number, at least 1. */
  public static final String MAX_EVENTS_PER_EPC = "lstm.stream.maxEventsPerEpc";

  /** Default {@link #maxEpcs()}: the production data's 200,000 EPCs. */
  public static final long DEFAULT_MAX_EPCS = 200_000;
  /**
   * Default {@link #idleTimeout()}: 60 days, above the longest normal stay at a node (the
   * simulator's warehouse dwell reaches 49 days): a shorter timeout would forget trails mid-way.
   */
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofDays(60);
  /** Default {@link #afterSaleWindow()}: 14 days, the longest scan-after-sale the simulator injects. */
  public static final Duration DEFAULT_AFTER_SALE_WINDOW = Duration.ofDays(14);

  /**
   * Defaults for a network reading {@code sequenceLength} events: {@value #DEFAULT_MAX_EPCS} EPCs,
   * 60 days idle, 14 days after a sale, twice {@code sequenceLength} events per EPC. Normal trails
   * fit in one sequence; the room beyond holds what anomalies add (clones, scans after a sale).
   * Keeping the whole trail, not only the last sequence's worth, matters: the trail features of
   * an event (order against the whole trail, a sale long before) are computed over all buffered
   * events, and a scan after the sale on a full 10-event trail scored evtOrderErr 84 with the
   * whole trail buffered but 5 with only its last ten events (threshold 41).
   */
  public static StreamingOptions defaults(int sequenceLength) {
    return new StreamingOptions(DEFAULT_MAX_EPCS, DEFAULT_IDLE_TIMEOUT, DEFAULT_AFTER_SALE_WINDOW,
        2 * sequenceLength);
  }

  /**
   * The bounds set in {@code options} ({@value #MAX_EPCS}, {@value #IDLE_TIMEOUT},
   * {@value #AFTER_SALE_WINDOW}, {@value #MAX_EVENTS_PER_EPC}) for a network reading
   * {@code sequenceLength} events, each one not set taken from {@link #defaults}.
   *
   * @throws IllegalArgumentException naming the setting, its value and what is allowed
   */
  public static StreamingOptions fromSettings(DetectorOptions options, int sequenceLength) {
    StreamingOptions defaults = defaults(sequenceLength);
    return new StreamingOptions(
        wholeNumber(options, MAX_EPCS, defaults.maxEpcs(), Long.MAX_VALUE),
        duration(options, IDLE_TIMEOUT, defaults.idleTimeout()),
        duration(options, AFTER_SALE_WINDOW, defaults.afterSaleWindow()),
        (int) wholeNumber(options, MAX_EVENTS_PER_EPC, defaults.maxEventsPerEpc(), Integer.MAX_VALUE));
  }

  /** Checks the bounds. */
  public StreamingOptions {
    if (maxEpcs < 1) {
      throw new IllegalArgumentException("maxEpcs must be >= 1, was " + maxEpcs);
    }
    requirePositive("idleTimeout", idleTimeout);
    requirePositive("afterSaleWindow", afterSaleWindow);
    if (maxEventsPerEpc < 1) {
      throw new IllegalArgumentException("maxEventsPerEpc must be >= 1, was " + maxEventsPerEpc);
    }
  }

  private static void requirePositive(String name, Duration duration) {
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be a positive duration, was " + duration);
    }
  }

  private static long wholeNumber(DetectorOptions options, String key, long defaultValue, long max) {
    String value = options.getSetting(key, null);
    if (value == null) {
      return defaultValue;
    }
    try {
      long number = Long.parseLong(value.trim());
      if (number >= 1 && number <= max) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below with the accepted range
    }
    throw new IllegalArgumentException("setting " + key + "=" + value + " must be a whole number from 1 to "
        + max + " (default " + defaultValue + ")");
  }

  private static Duration duration(DetectorOptions options, String key, Duration defaultValue) {
    String value = options.getSetting(key, null);
    if (value == null) {
      return defaultValue;
    }
    try {
      Duration duration = Duration.parse(value.trim());
      if (!duration.isNegative() && !duration.isZero()) {
        return duration;
      }
    } catch (DateTimeParseException e) {
      // reported below with the accepted form
    }
    throw new IllegalArgumentException("setting " + key + "=" + value
        + " must be a positive ISO-8601 duration such as P60D (60 days) or PT12H (12 hours); default "
        + defaultValue);
  }
}
