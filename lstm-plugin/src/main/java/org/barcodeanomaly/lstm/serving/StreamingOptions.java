package org.barcodeanomaly.lstm.serving;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.barcodeanomaly.api.detector.DetectorOptions;

/**
 * Bounds of the streaming buffer: how many EPCs it remembers, for how long an idle EPC stays,
 * and how many recent events it keeps per EPC.
 *
 * @param maxEpcs        EPCs buffered at most; beyond, Caffeine evicts those seen rarely and
 *                       long ago
 * @param idleTimeout    an EPC with no event for this long is forgotten (its next event is a
 *                       cold start again)
 * @param maxEventsPerEpc recent events kept per EPC; older ones are dropped
 */
public record StreamingOptions(long maxEpcs, Duration idleTimeout, int maxEventsPerEpc) {

  /** Setting for {@link #maxEpcs()}: a whole number, at least 1. */
  public static final String MAX_EPCS = "lstm.stream.maxEpcs";
  /** Setting for {@link #idleTimeout()}: a positive ISO-8601 duration, e.g. {@code P30D}. */
  public static final String IDLE_TIMEOUT = "lstm.stream.idleTimeout";
  /** Setting for {@link #maxEventsPerEpc()}: a whole number, at least 1. */
  public static final String MAX_EVENTS_PER_EPC = "lstm.stream.maxEventsPerEpc";

  /**
   * Defaults: 1,000,000 EPCs (about 200 MB at ten events each), 30 days idle, 10 events: the
   * bundled network's sequence length. A longer buffer gains nothing and costs history: a trail
   * longer than the sequence is cut into windows, so its 11th event would open a new window and be
   * scored without the ten before it, while a 10-event buffer scores it with the nine latest.
   */
  public static StreamingOptions defaults() {
    return new StreamingOptions(1_000_000, Duration.ofDays(30), 10);
  }

  /**
   * The bounds set in {@code options} ({@value #MAX_EPCS}, {@value #IDLE_TIMEOUT},
   * {@value #MAX_EVENTS_PER_EPC}), each one not set taken from {@link #defaults()}.
   *
   * @throws IllegalArgumentException naming the setting, its value and what is allowed
   */
  public static StreamingOptions fromSettings(DetectorOptions options) {
    StreamingOptions defaults = defaults();
    return new StreamingOptions(
        wholeNumber(options, MAX_EPCS, defaults.maxEpcs(), Long.MAX_VALUE),
        duration(options, IDLE_TIMEOUT, defaults.idleTimeout()),
        (int) wholeNumber(options, MAX_EVENTS_PER_EPC, defaults.maxEventsPerEpc(), Integer.MAX_VALUE));
  }

  /** Checks the bounds. */
  public StreamingOptions {
    if (maxEpcs < 1) {
      throw new IllegalArgumentException("maxEpcs must be >= 1, was " + maxEpcs);
    }
    if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("idleTimeout must be a positive duration, was " + idleTimeout);
    }
    if (maxEventsPerEpc < 1) {
      throw new IllegalArgumentException("maxEventsPerEpc must be >= 1, was " + maxEventsPerEpc);
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
        + " must be a positive ISO-8601 duration such as P30D (30 days) or PT12H (12 hours); default "
        + defaultValue);
  }
}
