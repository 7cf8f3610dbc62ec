package org.barcodeanomaly.gateway.routing;

import java.util.function.LongSupplier;

/**
 * One detector's circuit breaker: after {@link #FAILURES_TO_OPEN} failures or timeouts in a row
 * it opens, and requests routed to the detector fall back at once instead of each waiting out the
 * time budget of a detector that is hung or broken. After {@link #OPEN_NANOS} one request is let
 * through (half-open): its success closes the breaker, its failure opens it again. A quarantined
 * breaker (the detector lost too many worker threads to calls that never returned) stays open
 * until the detector is replaced, by a reload or a new jar.
 *
 * <p>Thread-safe.
 */
final class CircuitBreaker {

  /** Failures in a row that open the breaker. */
  static final int FAILURES_TO_OPEN = 5;
  /** How long an open breaker refuses before it lets one trial request through: 5 s. */
  static final long OPEN_NANOS = 5_000_000_000L;

  private final LongSupplier clock;
  private int failuresInRow;
  private long openedAt;
  private boolean open;
  private boolean trialInFlight;
  private String quarantine;

  /** A closed breaker on the system's nano clock. */
  CircuitBreaker() {
    this(System::nanoTime);
  }

  /** A closed breaker reading {@code clock} (tests move time). */
  CircuitBreaker(LongSupplier clock) {
    this.clock = clock;
  }

  /**
   * Whether a request may go to the detector now; an open breaker past its wait lets exactly one
   * through.
   *
   * @return {@code null} when it may, else why not (for the fallback's warning)
   */
  synchronized String refusal() {
    if (quarantine != null) {
      return quarantine;
    }
    if (!open) {
      return null;
    }
    if (!trialInFlight && clock.getAsLong() - openedAt >= OPEN_NANOS) {
      trialInFlight = true;
      return null;
    }
    return "its circuit breaker is open after " + FAILURES_TO_OPEN
        + " failures or timeouts in a row; one request is let through every "
        + OPEN_NANOS / 1_000_000_000L + " s to test it";
  }

  /** A request answered. */
  synchronized void succeeded() {
    failuresInRow = 0;
    open = false;
    trialInFlight = false;
  }

  /** A request failed or ran out of time. */
  synchronized void failed() {
    failuresInRow++;
    if (trialInFlight || failuresInRow >= FAILURES_TO_OPEN) {
      open = true;
      openedAt = clock.getAsLong();
      trialInFlight = false;
    }
  }

  /** Keeps the breaker open until the detector is replaced, for {@code reason}. */
  synchronized void quarantine(String reason) {
    quarantine = reason;
  }

  /** Whether the breaker refuses requests now (open and not due for a trial, or quarantined). */
  synchronized boolean isOpen() {
    return quarantine != null || open;
  }
}
