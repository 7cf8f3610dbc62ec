package org.barcodeanomaly.gateway.testing;

import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Bounded waits for tests: polls a condition until it holds or a deadline passes, then fails with
 * an {@link AssertionError} naming what was awaited, for how long and (for a probe) what was last
 * seen. A test waiting for something asynchronous (a request in flight, a swapped version, a
 * metric) must not loop unbounded: a regression would hang the build instead of failing it.
 *
 * <p>Polls after 5 ms, doubling up to every 100 ms: quick for what happens at once, cheap for a
 * probe that sends a request. An interrupt (a JUnit timeout) ends the wait as a failure too.
 */
public final class Await {

  private static final Duration FIRST_POLL = Duration.ofMillis(5);
  private static final Duration LONGEST_POLL = Duration.ofMillis(100);
  private static final int MAX_SEEN_CHARS = 500;

  private Await() {
  }

  /**
   * Returns once {@code condition} holds; fails when it still does not after {@code timeout}.
   *
   * @param description what is awaited, completing "waited ... until": e.g. "the slow request is in flight"
   * @throws AssertionError naming {@code description} and {@code timeout} when the deadline passes
   */
  public static void until(String description, Duration timeout, BooleanSupplier condition) {
    poll(description, timeout, condition::getAsBoolean, Boolean::booleanValue, false);
  }

  /**
   * Probes until {@code accept} takes the probed value and returns that value; fails when none is
   * taken within {@code timeout}.
   *
   * @param description what is awaited, completing "waited ... until"
   * @throws AssertionError naming {@code description}, {@code timeout} and the last value probed
   */
  public static <T> T until(String description, Duration timeout, Supplier<T> probe, Predicate<? super T> accept) {
    return poll(description, timeout, probe, accept, true);
  }

  private static <T> T poll(String description, Duration timeout, Supplier<T> probe, Predicate<? super T> accept,
      boolean showSeen) {
    Objects.requireNonNull(description, "description");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout + " (waiting until "
          + description + ")");
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    Duration pause = FIRST_POLL;
    while (true) {
      T seen = probe.get();
      if (accept.test(seen)) {
        return seen;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("waited " + timeout + " until " + description + ", in vain"
            + (showSeen ? "; last seen: " + abbreviate(seen) : ""));
      }
      sleep(Math.min(pause.toNanos(), left), description);
      pause = pause.multipliedBy(2).compareTo(LONGEST_POLL) > 0 ? LONGEST_POLL : pause.multipliedBy(2);
    }
  }

  private static void sleep(long nanos, String description) {
    try {
      Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting until " + description, e);
    }
  }

  private static String abbreviate(Object seen) {
    String text = String.valueOf(seen);
    return text.length() <= MAX_SEEN_CHARS ? text : text.substring(0, MAX_SEEN_CHARS) + "... ("
        + text.length() + " chars)";
  }
}
