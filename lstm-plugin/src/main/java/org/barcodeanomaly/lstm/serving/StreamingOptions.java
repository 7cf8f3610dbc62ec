package org.barcodeanomaly.lstm.serving;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.barcodeanomaly.api.detector.DetectorOptions;

/**
 * Bounds of the streaming buffer: how many EPCs it remembers, how many bytes of heap they may
 * take, for how long an idle EPC stays, for how long a sold EPC is watched, and how many recent
 * events it keeps per EPC.
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
 * @param maxBytes        estimated heap the buffered EPCs may take at most, whatever their count
 *                        and the length of their codes (a count bound alone let 5,760 EPCs of
 *                        1 MB codes fill a 6 GB heap); beyond, the same eviction applies
 */
public record StreamingOptions(long maxEpcs, Duration idleTimeout, Duration afterSaleWindow,
    int maxEventsPerEpc, long maxBytes) {

  /** Setting for {@link #maxEpcs()}: a whole number, at least 1. */
  public static final String MAX_EPCS = "lstm.stream.maxEpcs";
  /** Setting for {@link #idleTimeout()}: a positive ISO-8601 duration, e.g. {@code P60D}. */
  public static final String IDLE_TIMEOUT = "lstm.stream.idleTimeout";
  /** Setting for {@link #afterSaleWindow()}: a positive ISO-8601 duration, e.g. {@code P14D}. */
  public static final String AFTER_SALE_WINDOW = "lstm.stream.afterSaleWindow";
  /** Setting for {@link #maxBytes()}: a whole number of bytes, at least 1. */
  public static final String MAX_BYTES = "lstm.stream.maxBytes";
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
   * Heap allowed per EPC when {@link #maxBytes()} is not set: 4 KiB, about two full trails of
   * twenty events (an event takes about 120 B once buffered).
   */
  public static final long DEFAULT_BYTES_PER_EPC = 4096;

  /** Bounds with {@link #maxBytes()} at its default, {@link #defaultMaxBytes(long)}. */
  public StreamingOptions(long maxEpcs, Duration idleTimeout, Duration afterSaleWindow, int maxEventsPerEpc) {
    this(maxEpcs, idleTimeout, afterSaleWindow, maxEventsPerEpc, defaultMaxBytes(maxEpcs));
  }

  /**
   * The default heap bound of {@code maxEpcs} EPCs: {@value #DEFAULT_BYTES_PER_EPC} bytes each,
   * but never more than a quarter of the JVM's maximum heap, so that the buffers alone can never
   * run the gateway out of memory.
   */
  public static long defaultMaxBytes(long maxEpcs) {
    long perEpc = maxEpcs > Long.MAX_VALUE / DEFAULT_BYTES_PER_EPC ? Long.MAX_VALUE : maxEpcs * DEFAULT_BYTES_PER_EPC;
    return Math.max(1, Math.min(perEpc, Runtime.getRuntime().maxMemory() / 4));
  }

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
   * {@value #AFTER_SALE_WINDOW}, {@value #MAX_EVENTS_PER_EPC}, {@value #MAX_BYTES}) for a network reading
   * {@code sequenceLength} events, each one not set taken from {@link #defaults}.
   *
   * @throws IllegalArgumentException naming the setting, its value and what is allowed
   */
  public static StreamingOptions fromSettings(DetectorOptions options, int sequenceLength) {
    StreamingOptions defaults = defaults(sequenceLength);
    long maxEpcs = wholeNumber(options, MAX_EPCS, defaults.maxEpcs(), Long.MAX_VALUE);
    return new StreamingOptions(maxEpcs,
        duration(options, IDLE_TIMEOUT, defaults.idleTimeout()),
        duration(options, AFTER_SALE_WINDOW, defaults.afterSaleWindow()),
        (int) wholeNumber(options, MAX_EVENTS_PER_EPC, defaults.maxEventsPerEpc(), Integer.MAX_VALUE),
        wholeNumber(options, MAX_BYTES, defaultMaxBytes(maxEpcs), Long.MAX_VALUE));
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
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be >= 1, was " + maxBytes);
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
