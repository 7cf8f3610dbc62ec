package org.barcodeanomaly.gateway.metrics;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * Whether the gateway has recently run out of memory, for {@code /health}: when a request fails
 * with an {@link OutOfMemoryError} (the heap full of buffers, say), every request that follows is
 * likely to fail too, and an orchestrator must see the gateway as down and restart it instead of
 * reading "UP" from a process that answers nothing but 500s.
 *
 * <p>Down from the first out-of-memory failure until {@link #DOWN_NANOS} pass without another.
 * Thread-safe, allocation-free when recording (it may run with no heap left).
 */
public final class MemoryHealth {

  /** How long the gateway stays down after its last out-of-memory failure: 60 s. */
  public static final long DOWN_NANOS = 60_000_000_000L;

  private final LongSupplier clock;
  private final AtomicLong lastFailure = new AtomicLong(Long.MIN_VALUE);
  private final AtomicLong failures = new AtomicLong();
  private final AtomicReference<Instant> lastFailureTime = new AtomicReference<>();

  /** Health on the system's nano clock. */
  public MemoryHealth() {
    this(System::nanoTime);
  }

  /** Health reading {@code clock} (tests move time). */
  public MemoryHealth(LongSupplier clock) {
    this.clock = clock;
  }

  /**
   * Records {@code failure} when it is, or was caused by, an {@link OutOfMemoryError}.
   *
   * @return whether it was one
   */
  public boolean record(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof OutOfMemoryError) {
        lastFailure.set(clock.getAsLong());
        failures.incrementAndGet();
        lastFailureTime.set(Instant.now());
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  /** Why the gateway is down now, or {@code null} when it is not. */
  public String downReason() {
    long last = lastFailure.get();
    if (last == Long.MIN_VALUE || clock.getAsLong() - last >= DOWN_NANOS) {
      return null;
    }
    return "requests are failing for lack of memory (" + failures.get() + " out-of-memory failures, the last at "
        + lastFailureTime.get() + "): restart the gateway; lower limits.maxBodyBytes or the detectors'"
        + " buffer bounds, or give it more heap (ANOMALY_JAVA_OPTS=-Xmx...)";
  }

  /** Out-of-memory failures seen since the start. */
  public long failures() {
    return failures.get();
  }
}
