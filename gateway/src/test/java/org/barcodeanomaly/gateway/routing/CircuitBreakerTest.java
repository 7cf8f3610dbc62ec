package org.barcodeanomaly.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A detector's circuit breaker")
class CircuitBreakerTest {

  private final AtomicLong nanos = new AtomicLong();
  private final CircuitBreaker breaker = new CircuitBreaker(nanos::get);

  @Test
  @DisplayName("opens after five failures in a row, lets one trial through after the wait, and closes on its success")
  void opensAndRecovers() {
    for (int i = 0; i < 4; i++) {
      breaker.failed();
    }
    breaker.succeeded();
    for (int i = 0; i < 4; i++) {
      breaker.failed();
    }
    assertThat(breaker.refusal()).as("a success in between resets the count").isNull();
    breaker.failed();
    assertThat(breaker.refusal()).startsWith("its circuit breaker is open after 5 failures or timeouts in a row");

    nanos.addAndGet(CircuitBreaker.OPEN_NANOS);
    assertThat(breaker.refusal()).as("the trial").isNull();
    assertThat(breaker.refusal()).as("only one trial at a time").isNotNull();
    breaker.succeeded();
    assertThat(breaker.refusal()).isNull();
    assertThat(breaker.isOpen()).isFalse();
  }

  @Test
  @DisplayName("a failed trial opens it again at once; a quarantine keeps it open whatever succeeds")
  void failedTrialAndQuarantine() {
    for (int i = 0; i < 5; i++) {
      breaker.failed();
    }
    nanos.addAndGet(CircuitBreaker.OPEN_NANOS);
    assertThat(breaker.refusal()).isNull();
    breaker.failed();
    assertThat(breaker.refusal()).isNotNull();

    breaker.quarantine("it is quarantined");
    breaker.succeeded();
    nanos.addAndGet(10 * CircuitBreaker.OPEN_NANOS);
    assertThat(breaker.refusal()).isEqualTo("it is quarantined");
  }
}
