package org.barcodeanomaly.contract;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The clock a streaming detector under test keeps time by, moved by hand: the
 * {@link StreamingDetectorCompatibilityKit} crosses a 60-day idle timeout or a 14-day sale watch
 * in a test without waiting, and the detector's idle time must follow it, not the wall clock. A
 * detector's kit subclass wires {@link #nanoTime()} in where the detector would read
 * {@link System#nanoTime()} (a Caffeine {@code Ticker} is {@code clock::nanoTime}).
 *
 * <p>Starts at 0 and only moves forward. Thread-safe.
 */
public final class KitClock {

  private final AtomicLong nanos = new AtomicLong();

  /** Now, in nanoseconds from an arbitrary origin, as {@link System#nanoTime()} counts. */
  public long nanoTime() {
    return nanos.get();
  }

  /**
   * Moves the clock forward by {@code duration}.
   *
   * @throws IllegalArgumentException when {@code duration} is negative: a monotonic clock never goes back
   */
  public void advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("the kit's clock only moves forward; advance(" + duration + ") was asked");
    }
    nanos.addAndGet(duration.toNanos());
  }
}
