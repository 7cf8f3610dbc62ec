package org.barcodeanomaly.gateway.detector;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.barcodeanomaly.api.detector.Detector;
import org.barcodeanomaly.api.detector.ScoreTable;
import org.barcodeanomaly.api.detector.StreamingDetector;
import org.barcodeanomaly.api.detector.Thresholds;
import org.barcodeanomaly.api.event.ScanEvent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The detector registry")
class DetectorRegistryTest {

  private final DetectorRegistry registry = new DetectorRegistry();

  @Test
  @DisplayName("keeps a swapped-out detector open until the request using it gives it back, then closes it and its jar once")
  void drainsASwappedOutDetector() {
    CountingDetector old = new CountingDetector("rule-1");
    AtomicInteger oldJarReleases = new AtomicInteger();
    registry.install(serving(old, oldJarReleases));
    DetectorLease inFlight = registry.lease("rule").orElseThrow();

    registry.install(serving(new CountingDetector("rule-2"), new AtomicInteger()));

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
    CountingDetector old = new CountingDetector("rule-1");
    registry.install(serving(old, new AtomicInteger()));

    registry.install(serving(new CountingDetector("rule-2"), new AtomicInteger()));

    assertThat(old.closes.get()).isEqualTo(1);
  }

  @Test
  @DisplayName("leases nothing for a removed detector, and reports a failure without touching the one serving")
  void removesAndRecordsFailures() {
    registry.install(serving(new CountingDetector("rule-1"), new AtomicInteger()));
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
  @DisplayName("knows which serving detector streams and reads its buffered EPCs; a swap to one that does not stream ends both")
  void tellsStreamingDetectors() {
    registry.install(serving(new BufferingDetector(7), new AtomicInteger()));

    assertThat(registry.isStreaming("rule")).isTrue();
    assertThat(registry.streamingIds()).containsExactly("rule");
    assertThat(registry.status("rule").orElseThrow().streaming()).isTrue();
    assertThat(registry.bufferedEpcs("rule")).hasValue(7);

    registry.install(serving(new CountingDetector("rule-2"), new AtomicInteger()));

    assertThat(registry.isStreaming("rule")).isFalse();
    assertThat(registry.streamingIds()).isEmpty();
    assertThat(registry.status("rule").orElseThrow().streaming()).isFalse();
    assertThat(registry.bufferedEpcs("rule")).isEmpty();
    assertThat(registry.bufferedEpcs("svm")).isEmpty();
  }

  private static ServingDetector serving(Detector detector, AtomicInteger jarReleases) {
    DetectorOrigin origin = new DetectorOrigin("rule", "rule", Path.of("rule-plugin.jar"), Path.of("models"),
        Instant.EPOCH, 1);
    return new ServingDetector(origin, detector, DetectorRegistryTest.class.getClassLoader(),
        jarReleases::incrementAndGet);
  }

  private static class CountingDetector implements Detector {
    final AtomicInteger closes = new AtomicInteger();
    private final String version;

    CountingDetector(String version) {
      this.version = version;
    }

    @Override
    public String name() {
      return "rule";
    }

    @Override
    public String version() {
      return version;
    }

    @Override
    public ScoreTable score(List<ScanEvent> events) {
      return new ScoreTable(events.size());
    }

    @Override
    public Thresholds thresholds() {
      return Thresholds.uniform(50);
    }

    @Override
    public void close() {
      closes.incrementAndGet();
    }
  }

  /** A streaming detector reporting a fixed number of buffered EPCs. */
  private static final class BufferingDetector extends CountingDetector implements StreamingDetector {
    private final long epcs;

    BufferingDetector(long epcs) {
      super("stream-1");
      this.epcs = epcs;
    }

    @Override
    public ScoreTable scoreArrivals(List<ScanEvent> events) {
      return new ScoreTable(events.size());
    }

    @Override
    public long bufferedEpcs() {
      return epcs;
    }
  }
}
