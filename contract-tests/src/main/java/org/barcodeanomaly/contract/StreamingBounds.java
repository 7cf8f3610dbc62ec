package org.barcodeanomaly.contract;

import java.time.Duration;
import java.util.Objects;

/**
 * The bounds the {@link StreamingDetectorCompatibilityKit} asks a streaming detector to be built
 * with: the four limits the {@code StreamingDetector} contract says every buffer has. The kit picks
 * them so that its checks can cross each bound on purpose (a 4-event EPC, a 10-EPC buffer), and a
 * detector's kit subclass translates them into the detector's own settings.
 *
 * @param maxEpcs         EPCs buffered at most, once calls have returned
 * @param maxEventsPerEpc events kept per EPC at most; beyond, the oldest are dropped
 * @param idleTimeout     an EPC with no arrival for this long is forgotten
 * @param saleWatch       an EPC whose newest arrival is a sale ({@code POS_Sell}) is forgotten
 *                        after this long; shorter than {@code idleTimeout}
 */
public record StreamingBounds(long maxEpcs, int maxEventsPerEpc, Duration idleTimeout, Duration saleWatch) {

  /**
   * Roomy bounds for the checks that cross none: 10,000 EPCs, 20 events each (twice the longest
   * trail the kit sends), 60 days idle and a 14-day sale watch, as the LSTM detector's defaults.
   */
  public static final StreamingBounds ROOMY = new StreamingBounds(10_000, 20, Duration.ofDays(60), Duration.ofDays(14));

  /**
   * Checks the bounds.
   *
   * @throws IllegalArgumentException naming the bound, its value and the limit
   */
  public StreamingBounds {
    if (maxEpcs < 1) {
      throw new IllegalArgumentException("maxEpcs must be >= 1, was " + maxEpcs);
    }
    if (maxEventsPerEpc < 1) {
      throw new IllegalArgumentException("maxEventsPerEpc must be >= 1, was " + maxEventsPerEpc);
    }
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    Objects.requireNonNull(saleWatch, "saleWatch");
    if (saleWatch.isNegative() || saleWatch.isZero() || saleWatch.compareTo(idleTimeout) >= 0) {
      throw new IllegalArgumentException("saleWatch must be positive and shorter than idleTimeout ("
          + idleTimeout + "), was " + saleWatch);
    }
  }

  /** These bounds with at most {@code maxEpcs} EPCs. */
  public StreamingBounds withMaxEpcs(long maxEpcs) {
    return new StreamingBounds(maxEpcs, maxEventsPerEpc, idleTimeout, saleWatch);
  }

  /** These bounds with at most {@code maxEventsPerEpc} events per EPC. */
  public StreamingBounds withMaxEventsPerEpc(int maxEventsPerEpc) {
    return new StreamingBounds(maxEpcs, maxEventsPerEpc, idleTimeout, saleWatch);
  }
}
