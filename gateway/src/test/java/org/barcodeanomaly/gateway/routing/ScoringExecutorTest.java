package org.barcodeanomaly.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.barcodeanomaly.api.contract.ContractRequest;
import org.barcodeanomaly.api.event.ScanEvent;
import org.barcodeanomaly.gateway.detector.DetectorRegistry;
import org.barcodeanomaly.gateway.metrics.GatewayMetrics;
import org.barcodeanomaly.gateway.routing.AttemptFailure.Kind;
import org.barcodeanomaly.gateway.testing.Await;
import org.barcodeanomaly.gateway.testing.RunningGateway;
import org.barcodeanomaly.gateway.testing.StubDetector;
import org.barcodeanomaly.gateway.testing.StubStreamingDetector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Streaming work on the scoring executor, with stub detectors in a real registry and one worker
 * per detector, so that a request queued behind another can meet a hot swap deterministically.
 */
@DisplayName("Scoring arrivals")
class ScoringExecutorTest {

  private static final long BUDGET_MS = 60_000;

  private final Vertx vertx = Vertx.vertx();
  private final DetectorRegistry registry = new DetectorRegistry();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final GatewayMetrics metrics = new GatewayMetrics(meters, registry);
  private final ScoringExecutor scoring = new ScoringExecutor(vertx, registry, metrics, 1);
  private final URLClassLoader pluginLoader = new URLClassLoader(new URL[0], getClass().getClassLoader());

  @AfterEach
  void stop() throws Exception {
    scoring.close();
    RunningGateway.await(vertx.close());
    pluginLoader.close();
  }

  private static ContractRequest arrivals(String... epcs) {
    List<ScanEvent> events = new ArrayList<>();
    for (int i = 0; i < epcs.length; i++) {
      events.add(new ScanEvent(i + 1, 1, epcs[i], 1, "Factory", "Aggregation", Instant.EPOCH));
    }
    return new ContractRequest(events, List.of());
  }

  @Test
  @DisplayName("an id the registry has never heard of fails with UnknownDetectorException (404) naming it and the detectors that stream")
  void refusesAnUnknownId() {
    registry.install(new StubStreamingDetector("lstm-1").serving("lstm"));

    Future<Scored> answer = scoring.scoreArrivals("lstn", arrivals("a"), BUDGET_MS);

    assertThatThrownBy(() -> RunningGateway.await(answer))
        .isInstanceOf(UnknownDetectorException.class)
        .hasMessage("no detector 'lstn' is configured or provided by a plugin; detectors that stream: lstm"
            + " (POST /api/manager/stream/<detector>)");
  }

  @Test
  @DisplayName("a known detector that is still loading fails as unavailable (503), not as unknown")
  void refusesALoadingDetectorAsUnavailable() {
    registry.markLoading("lstm", "lstm");

    Future<Scored> answer = scoring.scoreArrivals("lstm", arrivals("a"), BUDGET_MS);

    assertThatThrownBy(() -> RunningGateway.await(answer))
        .isInstanceOfSatisfying(AttemptFailure.class, failure -> assertThat(failure.kind()).isEqualTo(Kind.MISSING))
        .hasMessage("detector 'lstm' is not available (it is still loading)");
  }

  @Test
  @DisplayName("a request queued while its detector is swapped for one that does not stream fails with "
      + "NotStreamingException (400, as the up-front check), and the old detector closes under its plugin's class loader")
  void refusesArrivalsWhenASwapEndedStreaming() throws InterruptedException {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    StubStreamingDetector old = new StubStreamingDetector("lstm-1");
    old.holdScoring(started, release);
    registry.install(old.serving("lstm", pluginLoader, () -> { }));
    Future<Scored> inFlight = scoring.score("lstm", arrivals("a"), BUDGET_MS, null);
    assertThat(started.await(1, TimeUnit.MINUTES)).isTrue();

    Future<Scored> queued = scoring.scoreArrivals("lstm", arrivals("b"), BUDGET_MS);
    registry.install(new StubDetector("rule-2").serving("lstm"));
    release.countDown();

    assertThat(RunningGateway.await(inFlight).detectorId()).isEqualTo("lstm");
    assertThatThrownBy(() -> RunningGateway.await(queued))
        .isExactlyInstanceOf(NotStreamingException.class)
        .hasMessage("detector 'lstm' does not stream: it scores each request on its own and keeps no"
            + " per-EPC buffers; detectors that stream: none is loaded (POST /api/manager/stream/<detector>)");
    assertThat(old.bufferedEpcsCalls.get()).as("the old detector never scored the queued arrivals").isZero();
    assertThat(old.closes.get()).isEqualTo(1);
    assertThat(old.closedUnder.get()).isSameAs(pluginLoader);
  }

  @Test
  @DisplayName("the buffered-EPC gauge reads the count a streaming request recorded on its worker, "
      + "under the plugin's class loader, and never calls the detector itself")
  void gaugeReadsTheCountRecordedByTheWorker() {
    StubStreamingDetector lstm = new StubStreamingDetector("lstm-1");
    registry.install(lstm.serving("lstm", pluginLoader, () -> { }));
    metrics.loaded("lstm");
    Gauge gauge = meters.get("gateway.stream.buffered.epcs").tag("detector", "lstm").gauge();
    assertThat(gauge.value()).isZero();

    RunningGateway.await(scoring.scoreArrivals("lstm", arrivals("a", "b", "a"), BUDGET_MS));

    assertThat(gauge.value()).isEqualTo(2);
    assertThat(gauge.value()).isEqualTo(2);
    assertThat(lstm.bufferedEpcsCalls.get()).as("read once, by the worker, not by the gauge").isEqualTo(1);
    assertThat(lstm.bufferedEpcsCaller.get().getName()).startsWith("detector-lstm");
    assertThat(lstm.bufferedEpcsLoader.get()).isSameAs(pluginLoader);
  }

  @Test
  @DisplayName("the buffered-EPC gauge reads 0 once its id is served by a detector that does not stream, "
      + "for a new streaming instance, and once the id is removed")
  void gaugeFallsToZeroWhenStreamingEnds() {
    registry.install(new StubStreamingDetector("lstm-1").serving("lstm"));
    metrics.loaded("lstm");
    Gauge gauge = meters.get("gateway.stream.buffered.epcs").tag("detector", "lstm").gauge();
    RunningGateway.await(scoring.scoreArrivals("lstm", arrivals("a", "b", "c"), BUDGET_MS));
    assertThat(gauge.value()).isEqualTo(3);

    registry.install(new StubDetector("rule-2").serving("lstm"));
    metrics.loaded("lstm");
    assertThat(gauge.value()).isZero();

    registry.install(new StubStreamingDetector("lstm-2").serving("lstm"));
    metrics.loaded("lstm");
    assertThat(gauge.value()).isZero();
    RunningGateway.await(scoring.scoreArrivals("lstm", arrivals("d"), BUDGET_MS));
    assertThat(gauge.value()).isEqualTo(1);

    registry.remove("lstm");
    assertThat(gauge.value()).isZero();
    assertThat(meters.find("gateway.stream.buffered.epcs").gauges()).hasSize(1);
  }

  /** Scores 0, but hangs on an EPC "hang" until released, ignoring interrupts, as a stuck native call. */
  private static final class HangingDetector extends StubDetector {
    final CountDownLatch release = new CountDownLatch(1);

    HangingDetector() {
      super("hang-1");
    }

    @Override
    public org.barcodeanomaly.api.detector.ScoreTable score(List<ScanEvent> events) {
      if (events.stream().anyMatch(event -> event.epcCode().equals("hang"))) {
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (release.getCount() > 0 && System.nanoTime() < end) {
          try {
            release.await(1, TimeUnit.SECONDS);
          } catch (InterruptedException ignored) {
            // a hung call does not notice
          }
        }
      }
      return new org.barcodeanomaly.api.detector.ScoreTable(events.size());
    }
  }

  @Test
  @DisplayName("a call that ignores the interrupt past its budget loses its thread, which is replaced so the next"
      + " request is answered; once more threads are lost than the detector has, it is quarantined")
  void replacesLostThreadsThenQuarantines() {
    HangingDetector detector = new HangingDetector();
    registry.install(detector.serving("svm"));
    try {
      assertThatThrownBy(() -> RunningGateway.await(scoring.score("svm", arrivals("hang"), 100, null)))
          .isInstanceOfSatisfying(AttemptFailure.class, failure -> assertThat(failure.kind()).isEqualTo(Kind.TIMEOUT));

      Scored answered = RunningGateway.await(scoring.score("svm", arrivals("a"), 30_000, null));
      assertThat(answered.detectorId()).as("a new thread took the lost one's place").isEqualTo("svm");

      assertThatThrownBy(() -> RunningGateway.await(scoring.score("svm", arrivals("hang"), 100, null)))
          .isInstanceOf(AttemptFailure.class);
      AttemptFailure quarantined = Await.until("the detector is quarantined", java.time.Duration.ofSeconds(30),
          () -> {
            try {
              RunningGateway.await(scoring.score("svm", arrivals("a"), 30_000, null));
              return null;
            } catch (AttemptFailure failure) {
              return failure;
            }
          }, failure -> failure != null && failure.kind() == Kind.CIRCUIT_OPEN);
      assertThat(quarantined.getMessage()).startsWith("detector 'svm' was not asked: it is quarantined: 2 of its"
          + " calls never returned after their time budget ran out");
    } finally {
      detector.release.countDown();
    }
  }
}
