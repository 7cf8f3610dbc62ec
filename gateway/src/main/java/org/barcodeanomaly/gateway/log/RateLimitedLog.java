package org.barcodeanomaly.gateway.log;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logs failures with their stack trace at most once per interval for each key (say, a detector
 * and the failure's class), and the others as one short line each counted into the next trace.
 * A detector that throws on every request logged a full trace per request: 394 MB in 140 s.
 *
 * <p>Thread-safe.
 */
public final class RateLimitedLog {

  /** Default interval between two stack traces of the same key: one minute. */
  public static final long DEFAULT_INTERVAL_NANOS = 60_000_000_000L;

  private final Logger logger;
  private final long intervalNanos;
  private final LongSupplier clock;
  private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();

  /** A log on {@code logger} with the default interval. */
  public RateLimitedLog(Logger logger) {
    this(logger, DEFAULT_INTERVAL_NANOS, System::nanoTime);
  }

  /** A log on {@code logger} that traces each key at most once per {@code intervalNanos} of {@code clock}. */
  public RateLimitedLog(Logger logger, long intervalNanos, LongSupplier clock) {
    this.logger = logger;
    this.intervalNanos = intervalNanos;
    this.clock = clock;
  }

  /**
   * Logs {@code message} at {@code level}: with the trace of {@code failure} and the number of
   * lines suppressed since the last trace when {@code key} has not been traced within the
   * interval; otherwise only at FINE, so that the volume stays bounded whatever the request rate.
   *
   * @return whether the trace was written
   */
  public boolean log(Level level, String key, String message, Throwable failure) {
    Window window = windows.computeIfAbsent(key, k -> new Window());
    long now = clock.getAsLong();
    long last = window.lastTrace.get();
    if ((last == Long.MIN_VALUE || now - last >= intervalNanos) && window.lastTrace.compareAndSet(last, now)) {
      long suppressed = window.suppressed.getAndSet(0);
      logger.log(level, suppressed == 0 ? message : message + " suppressedSinceLastTrace=" + suppressed, failure);
      return true;
    }
    window.suppressed.incrementAndGet();
    if (logger.isLoggable(Level.FINE)) {
      logger.fine(message + " reason=\"" + failure + "\"");
    }
    return false;
  }

  private static final class Window {
    final AtomicLong lastTrace = new AtomicLong(Long.MIN_VALUE);
    final AtomicLong suppressed = new AtomicLong();
  }
}
