package org.barcodeanomaly.lstm.serving;

import java.time.Duration;

/**
 * Bounds of the streaming buffer: how many EPCs it remembers, for how long an idle EPC stays,
 * and how many recent events it keeps per EPC.
 *
 * @param maxEpcs        EPCs buffered at most; the least recently used goes first
 * @param idleTimeout    an EPC with no event for this long is forgotten (its next event is a
 *                       cold start again)
 * @param maxEventsPerEpc recent events kept per EPC; older ones are dropped (the network reads
 *                       at most its sequence length anyway)
 */
public record StreamingOptions(long maxEpcs, Duration idleTimeout, int maxEventsPerEpc) {

  /** Defaults: 1,000,000 EPCs (about 200 MB at ten events each), 30 days idle, 20 events. */
  public static StreamingOptions defaults() {
    return new StreamingOptions(1_000_000, Duration.ofDays(30), 20);
  }

  /** Checks the bounds. */
  public StreamingOptions {
    if (maxEpcs < 1 || idleTimeout.isNegative() || idleTimeout.isZero() || maxEventsPerEpc < 1) {
      throw new IllegalArgumentException("streaming buffer needs maxEpcs >= 1 (was " + maxEpcs
          + "), a positive idleTimeout (was " + idleTimeout + ") and maxEventsPerEpc >= 1 (was "
          + maxEventsPerEpc + ")");
    }
  }
}
