package org.barcodeanomaly.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import org.barcodeanomaly.api.contract.ContractResponse;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.gateway.detector.DetectorRegistry;
import org.barcodeanomaly.gateway.plugin.LoadStage;
import org.barcodeanomaly.gateway.plugin.PluginLoadListener;

/**
 * The gateway's own meters, beside the HTTP server meters Vert.x records itself. Names as
 * Prometheus shows them:
 * <ul>
 *   <li>{@code gateway_requests_seconds} (histogram) by {@code endpoint}, {@code detector}, {@code status};
 *   <li>{@code gateway_events_scored_total} by {@code detector};
 *   <li>{@code gateway_anomalies_reported_total} by {@code detector}, {@code type};
 *   <li>{@code gateway_events_rejected_total} by {@code endpoint};
 *   <li>{@code gateway_fallbacks_total} by {@code route}, {@code from}, {@code to}, {@code reason};
 *   <li>{@code gateway_out_of_memory_total}: requests or detector calls that failed with an
 *       {@link OutOfMemoryError} ({@code /health} answers 503 for a minute after one);
 *   <li>{@code gateway_plugin_loads_total} by {@code subject}, {@code outcome} ({@code loaded} or
 *       the failed stage: {@code jar}, {@code create}, {@code self_test});
 *   <li>{@code gateway_shadow_verdicts_total} by {@code route}, {@code shadow}, {@code type},
 *       {@code outcome} ({@code agree} or {@code disagree}): per event and type, whether the
 *       shadow detector reported the same as the detector that answered;
 *   <li>{@code gateway_stream_buffered_epcs} (gauge) by {@code detector}: EPCs with buffered events
 *       in each streaming detector as its last streaming request left them, registered when such a
 *       detector goes into service; 0 once no detector that streams serves the id (removed, or
 *       replaced by one that does not stream), since nothing is buffered under it any more. A
 *       scrape reads the count the scoring worker recorded and never leases or calls the detector:
 *       it runs on the event loop, where closing a retired detector must not happen.
 * </ul>
 * Meters are looked up once per tag combination and cached. Thread-safe.
 */
public final class GatewayMetrics implements PluginLoadListener {

  private static final Duration[] LATENCY_BUCKETS = {
      Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10),
      Duration.ofMillis(20), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
      Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5),
      Duration.ofSeconds(10), Duration.ofSeconds(30)};

  private final MeterRegistry registry;
  private final DetectorRegistry detectors;
  private final ConcurrentMap<String, Timer> timers = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Counter> counters = new ConcurrentHashMap<>();
  private final MemoryHealth memory = new MemoryHealth();

  /** Meters registered in {@code registry}; gauges read the detectors of {@code detectors}. */
  public GatewayMetrics(MeterRegistry registry, DetectorRegistry detectors) {
    this.registry = registry;
    this.detectors = detectors;
  }

  /** Whether requests fail for lack of memory, which {@code /health} reports. */
  public MemoryHealth memory() {
    return memory;
  }

  /** A request or a detector call failed: counted when out of memory, for {@code /health}. */
  public void failure(Throwable failure) {
    if (memory.record(failure)) {
      counter("gateway.out.of.memory", "Requests or detector calls that failed for lack of memory").increment();
    }
  }

  /** The registry the meters live in. */
  public MeterRegistry registry() {
    return registry;
  }

  /** One answered request, with the detector that answered ({@code none} if none did). */
  public void request(String endpoint, String detector, int status, long nanos) {
    String key = endpoint + '\u0000' + detector + '\u0000' + status;
    timers.computeIfAbsent(key, k -> Timer.builder("gateway.requests")
            .description("Requests answered, by endpoint, answering detector and status")
            .tag("endpoint", endpoint).tag("detector", detector).tag("status", Integer.toString(status))
            .serviceLevelObjectives(LATENCY_BUCKETS)
            .register(registry))
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  /** The events a detector scored for one request, and what it reported. */
  public void scored(String detector, ContractResponse response) {
    counter("gateway.events.scored", "Events scored", "detector", detector).increment(response.eventCount());
    for (AnomalyType type : AnomalyType.values()) {
      long reported = response.reportedCount(type);
      if (reported > 0) {
        counter("gateway.anomalies.reported", "Anomaly reports by type", "detector", detector,
            "type", type.contractName()).increment(reported);
      }
    }
  }

  /**
   * One explanation request answered by {@code detector}: the events it held and the reported
   * events it explained (the cost of explaining grows with the latter).
   */
  public void explained(String detector, int events, int explainedEvents) {
    counter("gateway.explain.events", "Events sent to be explained", "detector", detector).increment(events);
    counter("gateway.explain.explained", "Reported events explained", "detector", detector).increment(explainedEvents);
  }

  /** Items of a request that were rejected (listed in {@code rejectedEvents}). */
  public void rejected(String endpoint, int count) {
    if (count > 0) {
      counter("gateway.events.rejected", "Request items rejected", "endpoint", endpoint).increment(count);
    }
  }

  /** A request answered by {@code to} because {@code from} could not ({@code reason}: missing, failed, timeout). */
  public void fallback(String route, String from, String to, String reason) {
    counter("gateway.fallbacks", "Requests answered by a fallback detector", "route", route,
        "from", from, "to", to, "reason", reason).increment();
  }

  /** Per-type verdict agreement of a shadow detector with the answering one. */
  public void shadow(String route, String shadow, AnomalyType type, long agree, long disagree) {
    String name = "gateway.shadow.verdicts";
    String description = "Per event and type, whether the shadow detector agreed with the answer";
    counter(name, description, "route", route, "shadow", shadow, "type", type.contractName(),
        "outcome", "agree").increment(agree);
    counter(name, description, "route", route, "shadow", shadow, "type", type.contractName(),
        "outcome", "disagree").increment(disagree);
  }

  @Override
  public void loaded(String detectorId) {
    pluginLoad(detectorId, "loaded");
    if (detectors.isStreaming(detectorId)) {
      Gauge.builder("gateway.stream.buffered.epcs", detectors, serving -> serving.bufferedEpcs(detectorId))
          .description("EPCs with buffered events in a streaming detector")
          .tag("detector", detectorId)
          .strongReference(true)
          .register(registry);
    }
  }

  @Override
  public void failed(String subject, LoadStage stage) {
    pluginLoad(subject, stage.label());
  }

  private void pluginLoad(String subject, String outcome) {
    counter("gateway.plugin.loads", "Plugin loads, by outcome", "subject", subject, "outcome", outcome).increment();
  }

  private Counter counter(String name, String description, String... tags) {
    String key = name + '\u0000' + String.join("\u0000", tags);
    return counters.computeIfAbsent(key, k -> Counter.builder(name).description(description).tags(tags).register(registry));
  }
}
