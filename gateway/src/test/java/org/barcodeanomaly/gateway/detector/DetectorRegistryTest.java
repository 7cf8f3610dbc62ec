package org.barcodeanomaly.gateway.detector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.barcodeanomaly.gateway.testing.StubDetector;
import org.barcodeanomaly.gateway.testing.StubStreamingDetector;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The detector registry")
class DetectorRegistryTest {

  private final DetectorRegistry registry = new DetectorRegistry();

  @Test
  @DisplayName("keeps a swapped-out detector open until the request using it gives it back, then closes it and its jar once")
  void drainsASwappedOutDetector() {
    StubDetector old = new StubDetector("rule-1");
    AtomicInteger oldJarReleases = new AtomicInteger();
    registry.install(serving(old, oldJarReleases));
    DetectorLease inFlight = registry.lease("rule").orElseThrow();

    registry.install(serving(new StubDetector("rule-2"), new AtomicInteger()));

    assertThat(old.closes.get()).isZero();
    assertThat(inFlight.detector().version()).isEqualTo("rule-1");
    assertThat(registry.lease("rule").orElseThrow().detector().version()).isEqualTo("rule-2");
    inFlight.close();
    inFlight.close();
    assertThat(old.closes.get()).isEqualTo(1);
    assertThat(oldJarReleases.get()).isEqualTo(1);
  }

  @Test
  @DisplayName("closes a swapped-out detector at once when no request uses it")
  void closesAnIdleDetectorAtOnce() {
    StubDetector old = new StubDetector("rule-1");
    registry.install(serving(old, new AtomicInteger()));

    registry.install(serving(new StubDetector("rule-2"), new AtomicInteger()));

    assertThat(old.closes.get()).isEqualTo(1);
  }

  @Test
  @DisplayName("leases nothing for a removed detector, and reports a failure without touching the one serving")
  void removesAndRecordsFailures() {
    registry.install(serving(new StubDetector("rule-1"), new AtomicInteger()));
    registry.recordFailure("rule", "rule", "self-test failed");

    DetectorStatus status = registry.status("rule").orElseThrow();
    assertThat(status.state()).isEqualTo(DetectorState.SERVING);
    assertThat(status.version()).isEqualTo("rule-1");
    assertThat(status.lastFailure()).isEqualTo("self-test failed");

    registry.remove("rule");
    assertThat(registry.lease("rule")).isEmpty();
    assertThat(registry.isServing("rule")).isFalse();
  }

  @Test
  @DisplayName("shows a detector that never loaded as loading, then as failed once an attempt failed")
  void showsLoadingThenFailed() {
    registry.markLoading("svm", "svm");
    assertThat(registry.status("svm").orElseThrow().state()).isEqualTo(DetectorState.LOADING);

    registry.recordFailure("svm", "svm", "no model");
    assertThat(registry.status("svm").orElseThrow().state()).isEqualTo(DetectorState.FAILED);
  }

  @Test
  @DisplayName("knows which serving detector streams; a swap to one that does not stream ends that")
  void tellsStreamingDetectors() {
    registry.install(serving(new StubStreamingDetector("stream-1"), new AtomicInteger()));

    assertThat(registry.isStreaming("rule")).isTrue();
    assertThat(registry.streamingIds()).containsExactly("rule");
    assertThat(registry.status("rule").orElseThrow().streaming()).isTrue();

    registry.install(serving(new StubDetector("rule-2"), new AtomicInteger()));

    assertThat(registry.isStreaming("rule")).isFalse();
    assertThat(registry.streamingIds()).isEmpty();
    assertThat(registry.status("rule").orElseThrow().streaming()).isFalse();
  }

  @Test
  @DisplayName("reports the buffered EPCs recorded under a lease without calling the detector, "
      + "0 for a new instance, and 0 once the id is swapped to one that does not stream or removed")
  void reportsRecordedBufferedEpcs() {
    StubStreamingDetector streaming = new StubStreamingDetector("stream-1");
    registry.install(serving(streaming, new AtomicInteger()));
    assertThat(registry.bufferedEpcs("rule")).isZero();

    try (DetectorLease lease = registry.lease("rule").orElseThrow()) {
      lease.recordBufferedEpcs(7);
    }

    assertThat(registry.bufferedEpcs("rule")).isEqualTo(7);
    assertThat(streaming.bufferedEpcsCalls.get()).isZero();
    registry.install(serving(new StubStreamingDetector("stream-2"), new AtomicInteger()));
    assertThat(registry.bufferedEpcs("rule")).as("the new instance's buffers are empty").isZero();
    try (DetectorLease lease = registry.lease("rule").orElseThrow()) {
      lease.recordBufferedEpcs(3);
    }
    registry.install(serving(new StubDetector("rule-2"), new AtomicInteger()));
    assertThat(registry.bufferedEpcs("rule")).isZero();
    registry.install(serving(new StubStreamingDetector("stream-3"), new AtomicInteger()));
    try (DetectorLease lease = registry.lease("rule").orElseThrow()) {
      lease.recordBufferedEpcs(4);
    }
    registry.remove("rule");
    assertThat(registry.bufferedEpcs("rule")).isZero();
    assertThat(registry.bufferedEpcs("svm")).isZero();
  }

  private static ServingDetector serving(StubDetector detector, AtomicInteger jarReleases) {
    return detector.serving("rule", DetectorRegistryTest.class.getClassLoader(), jarReleases::incrementAndGet);
  }
}
