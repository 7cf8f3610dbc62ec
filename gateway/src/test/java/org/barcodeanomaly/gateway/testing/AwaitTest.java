package org.barcodeanomaly.gateway.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Bounded waits in tests")
class AwaitTest {

  @Test
  @DisplayName("returns the first probed value the condition accepts, probing again until then")
  void returnsOnceTheConditionHolds() {
    AtomicInteger probes = new AtomicInteger();

    int seen = Await.until("the third probe", Duration.ofSeconds(10), probes::incrementAndGet, probe -> probe == 3);

    assertThat(seen).isEqualTo(3);
    assertThat(probes).hasValue(3);
  }

  @Test
  @DisplayName("fails after the deadline, naming what it waited for, how long, and the last value seen")
  void failsAfterTheDeadline() {
    long started = System.nanoTime();

    assertThatThrownBy(() -> Await.until("the answer is 42", Duration.ofMillis(200), () -> 41, answer -> answer == 42))
        .isInstanceOf(AssertionError.class)
        .hasMessage("waited PT0.2S until the answer is 42, in vain; last seen: 41");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(200), Duration.ofSeconds(5));
  }

  @Test
  @DisplayName("a condition that never holds fails with what was awaited, without a meaningless last value")
  void conditionFailsWithItsDescription() {
    assertThatThrownBy(() -> Await.until("the gateway is ready", Duration.ofMillis(50), () -> false))
        .isInstanceOf(AssertionError.class)
        .hasMessage("waited PT0.05S until the gateway is ready, in vain");
  }

  @Test
  @DisplayName("an interrupt (a JUnit timeout) ends the wait as a failure naming what was awaited")
  void interruptEndsTheWait() {
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> Await.until("nothing", Duration.ofSeconds(30), () -> false))
          .isInstanceOf(AssertionError.class)
          .hasMessage("interrupted while waiting until nothing");
      assertThat(Thread.currentThread().isInterrupted()).as("interrupt status kept").isTrue();
    } finally {
      Thread.interrupted();
    }
  }
}
