package org.barcodeanomaly.gateway.detector;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.barcodeanomaly.api.event.ScanEvent;
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

  private static List<ScanEvent> arrivals(String... epcs) {
    Instant time = Instant.parse("2025-07-01T10:23:38Z");
    return IntStream.range(0, epcs.length)
        .mapToObj(i -> new ScanEvent(i, 1, epcs[i], 5, "WMS", "WMS_Inbound", time.plusSeconds(i), null)).toList();
  }

  @Test
  @DisplayName("a streaming detector swapped for another one under the same id hands over its buffered trails, "
      + "read and adopted under each plugin's class loader before the new one serves; the count is its buffered EPCs")
  void carriesBufferedTrailsAcrossASwap() {
    ClassLoader oldLoader = new ClassLoader(getClass().getClassLoader()) { };
    ClassLoader newLoader = new ClassLoader(getClass().getClassLoader()) { };
    StubStreamingDetector old = new StubStreamingDetector("stream-1");
    old.scoreArrivals(arrivals("A", "B", "A"));
    registry.install(old.serving("rule", oldLoader, () -> { }));
    AtomicReference<String> servingWhileAdopting = new AtomicReference<>();
    StubStreamingDetector next = new StubStreamingDetector("stream-2").onAdopt(() -> {
      try (DetectorLease lease = registry.lease("rule").orElseThrow()) {
        servingWhileAdopting.set(lease.detector().version());
      }
    });

    int carried = registry.install(next.serving("rule", newLoader, () -> { }));

    assertThat(old.exportLoader.get()).isSameAs(oldLoader);
    assertThat(next.adoptLoader.get()).isSameAs(newLoader);
    assertThat(carried).isEqualTo(2);
    assertThat(next.bufferedTrails()).isEqualTo(old.bufferedTrails());
    assertThat(next.bufferedTrails().get("A")).extracting(ScanEvent::eventId).containsExactly(0L, 2L);
    assertThat(servingWhileAdopting.get()).as("the old detector serves until the new one has adopted").isEqualTo("stream-1");
    assertThat(registry.bufferedEpcs("rule")).isEqualTo(2);
    assertThat(old.closes.get()).isEqualTo(1);
  }

  @Test
  @DisplayName("a failing handover does not stop the swap: the new detector serves with empty buffers and the old one closes")
  void swapsDespiteAFailedHandover() {
    StubStreamingDetector old = new StubStreamingDetector("stream-1").failExport(new IllegalStateException("export broke"));
    old.scoreArrivals(arrivals("A"));
    registry.install(serving(old, new AtomicInteger()));
    StubStreamingDetector next = new StubStreamingDetector("stream-2");

    int carried = registry.install(serving(next, new AtomicInteger()));

    assertThat(carried).isZero();
    try (DetectorLease lease = registry.lease("rule").orElseThrow()) {
      assertThat(lease.detector()).isSameAs(next);
    }
    assertThat(next.bufferedEpcs()).isZero();
    assertThat(next.adoptLoader.get()).as("never asked to adopt").isNull();
    assertThat(old.closes.get()).isEqualTo(1);
  }

  @Test
  @DisplayName("nothing is handed over when either side of a swap does not stream, nor on a first install")
  void carriesNothingWithoutTwoStreamingDetectors() {
    StubStreamingDetector first = new StubStreamingDetector("stream-1");
    first.scoreArrivals(arrivals("A"));
    assertThat(registry.install(serving(first, new AtomicInteger()))).isZero();
    assertThat(registry.install(serving(new StubDetector("rule-2"), new AtomicInteger()))).isZero();

    StubStreamingDetector after = new StubStreamingDetector("stream-3");
    assertThat(registry.install(serving(after, new AtomicInteger()))).isZero();
    assertThat(after.adoptLoader.get()).isNull();
    assertThat(first.exportLoader.get()).isNull();
  }

  private static ServingDetector serving(StubDetector detector, AtomicInteger jarReleases) {
    return detector.serving("rule", DetectorRegistryTest.class.getClassLoader(), jarReleases::incrementAndGet);
  }
}
