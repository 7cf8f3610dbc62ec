package org.barcodeanomaly.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.barcodeanomaly.api.detector.Detector;
import org.barcodeanomaly.api.detector.StreamingDetector;
import org.barcodeanomaly.gateway.detector.DetectorLease;
import org.barcodeanomaly.gateway.http.GatewayRouter;
import org.barcodeanomaly.gateway.testing.PrometheusText;
import org.barcodeanomaly.gateway.testing.RunningGateway;
import org.barcodeanomaly.pluginhost.testing.TestPlugin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming endpoint with the real LSTM detector, loaded as a plugin from the shaded jar that
 * {@code package} of lstm-plugin writes to the plugins directory, with the repository's bundled
 * model, beside a test rule plugin. One gateway for the class: each test streams EPCs of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Streaming with the real LSTM plugin")
class LstmStreamingEndToEndTest {

  private static final String STREAM_LSTM = GatewayRouter.streamPath("lstm");
  private static final String ANALYZE_LSTM = GatewayRouter.detectionPath("lstm");
  private static final String MORNING = "2025-07-01 10:23:38";
  private static final String HOUR_LATER = "2025-07-01 11:23:38";

  private Vertx client;
  private RunningGateway gateway;

  @BeforeAll
  void start(@TempDir Path home) throws IOException {
    installLstmPlugin(home.resolve("plugins/lstm-plugin.jar"));
    TestPlugin.of("rule").version("rule-test-1").writeTo(home.resolve("plugins/rule-plugin.jar"));
    client = Vertx.vertx();
    gateway = RunningGateway.start(client, RunningGateway.testConfig(home)
        .setModelsDir(Path.of(System.getProperty("bundled.models.dir"))));
  }

  @AfterAll
  void stop() {
    gateway.close();
    client.close();
  }

  /** A well-formed EPC of the ICN factory, told apart by its serial. */
  private static String epc(int serial) {
    return "001.8805843.2932031.010001.20250701." + String.format("%09d", serial);
  }

  private static JsonObject item(long id, String epc, int location, String step, String type, String time) {
    return new JsonObject().put("event_id", id).put("epc_code", epc).put("location_id", location)
        .put("business_step", step).put("event_type", type).put("event_time", time).put("file_id", 1);
  }

  private static String request(JsonObject... items) {
    return new JsonObject().put("data", new JsonArray(List.of((Object[]) items))).encode();
  }

  private String lstmVersion() {
    return gateway.gateway().registry().status("lstm").orElseThrow().version();
  }

  @Test
  @DisplayName("the plugin's detector, loaded by the plugin's own class loader, is seen as a StreamingDetector and listed as streaming")
  void pluginDetectorStreams() {
    try (DetectorLease lease = gateway.gateway().registry().lease("lstm").orElseThrow()) {
      assertThat(lease.detector()).isInstanceOf(StreamingDetector.class);
      assertThat(lease.detector().getClass().getClassLoader())
          .isSameAs(lease.classLoader())
          .isNotSameAs(StreamingDetector.class.getClassLoader());
    }
    JsonArray detectors = gateway.get(GatewayRouter.DETECTORS).bodyAsJsonObject().getJsonArray("detectors");
    JsonObject lstm = find(detectors, "lstm");
    assertThat(lstm.getBoolean("streaming")).isTrue();
    assertThat(lstm.getString("streamPath")).isEqualTo("/api/manager/stream/lstm");
    assertThat(find(detectors, "rule").getBoolean("streaming")).isFalse();
    assertThat(find(detectors, "rule").containsKey("streamPath")).isFalse();
  }

  private static JsonObject find(JsonArray detectors, String id) {
    return detectors.stream().map(JsonObject.class::cast).filter(d -> d.getString("id").equals(id))
        .findFirst().orElseThrow();
  }

  @Test
  @DisplayName("a read streamed after its EPC's earlier reads (previous request) is judged with them: "
      + "reported epcDup, while the same read posted alone to the lstm analyse endpoint is not")
  void secondRequestIsScoredWithTheFirstsHistory() {
    String epc = epc(501);
    HttpResponse<Buffer> first = gateway.post(STREAM_LSTM, request(
        item(1, epc, 1, "Factory", "Aggregation", MORNING), item(2, epc, 5, "WMS", "WMS_Inbound", HOUR_LATER)));
    JsonObject hub = item(3, epc, 13, "Logistics_HUB", "HUB_Inbound", HOUR_LATER);

    HttpResponse<Buffer> streamed = gateway.post(STREAM_LSTM, request(hub));
    HttpResponse<Buffer> alone = gateway.post(ANALYZE_LSTM, request(hub));

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.getHeader("X-Anomaly-Detector")).isEqualTo("lstm");
    assertThat(first.bodyAsJsonObject().getString("method")).isEqualTo(lstmVersion());
    JsonArray history = streamed.bodyAsJsonObject().getJsonArray("EventHistory");
    assertThat(history).hasSize(1);
    assertThat(history.getJsonObject(0).getLong("eventId")).isEqualTo(3);
    assertThat(history.getJsonObject(0).getBoolean("epcDup")).isTrue();
    assertThat(alone.bodyAsJsonObject().getString("method")).as("answered by lstm itself").isEqualTo(lstmVersion());
    assertThat(alone.bodyAsJsonObject().getJsonArray("EventHistory")).isEmpty();
  }

  @Test
  @DisplayName("a detector that does not stream is refused with 400 naming it and the detectors that do")
  void refusesADetectorThatDoesNotStream() {
    HttpResponse<Buffer> response = streamOneAggregation("rule", 502);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.bodyAsJsonObject()).isEqualTo(new JsonObject().put("detail",
        "detector 'rule' does not stream: it scores each request on its own and keeps no per-EPC"
            + " buffers; detectors that stream: lstm (POST /api/manager/stream/<detector>)"));
  }

  @Test
  @DisplayName("a detector id the gateway does not know (a typo) is answered with 404 naming it and the detectors that stream")
  void refusesAnUnknownDetector() {
    HttpResponse<Buffer> response = streamOneAggregation("lstn", 503);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.bodyAsJsonObject()).isEqualTo(new JsonObject().put("detail",
        "no detector 'lstn' is configured or provided by a plugin; detectors that stream: lstm"
            + " (POST /api/manager/stream/<detector>)"));
  }

  private HttpResponse<Buffer> streamOneAggregation(String detector, int serial) {
    return gateway.post(GatewayRouter.streamPath(detector),
        request(item(1, epc(serial), 1, "Factory", "Aggregation", MORNING)));
  }

  @Test
  @DisplayName("a bad item is listed in rejectedEvents while the valid ones are scored, each with the ones before it")
  void listsBadItemsAndScoresTheRest() {
    String epc = epc(504);
    JsonObject unreadable = item(11, epc, 5, "WMS", "WMS_Outbound", HOUR_LATER);
    unreadable.remove("event_time");

    JsonObject body = gateway.post(STREAM_LSTM, request(item(10, epc, 1, "Factory", "Aggregation", MORNING),
        unreadable, item(12, epc, 5, "WMS", "WMS_Inbound", HOUR_LATER),
        item(13, epc, 13, "Logistics_HUB", "HUB_Inbound", HOUR_LATER))).bodyAsJsonObject();

    JsonArray rejected = body.getJsonArray("rejectedEvents");
    assertThat(rejected).hasSize(1);
    assertThat(rejected.getJsonObject(0).getInteger("index")).isEqualTo(1);
    assertThat(rejected.getJsonObject(0).getLong("eventId")).isEqualTo(11);
    assertThat(rejected.getJsonObject(0).getString("field")).isEqualTo("event_time");
    JsonArray history = body.getJsonArray("EventHistory");
    assertThat(history).hasSize(1);
    assertThat(history.getJsonObject(0).getLong("eventId")).isEqualTo(13);
    assertThat(history.getJsonObject(0).getBoolean("epcDup")).isTrue();
  }

  @Test
  @DisplayName("/metrics shows the EPCs the lstm detector buffers after a streaming request, and times streaming requests under one endpoint label")
  void gaugesBufferedEpcs() {
    String before = gateway.get(GatewayRouter.METRICS).bodyAsString();
    gateway.post(STREAM_LSTM, request(item(20, epc(505), 1, "Factory", "Aggregation", MORNING),
        item(21, epc(506), 1, "Factory", "Aggregation", MORNING),
        item(22, epc(507), 1, "Factory", "Aggregation", MORNING)));
    String after = gateway.get(GatewayRouter.METRICS).bodyAsString();

    Map<String, String> lstm = Map.of("detector", "lstm");
    double buffered = PrometheusText.value(after, "gateway_stream_buffered_epcs", lstm);
    assertThat(buffered - PrometheusText.value(before, "gateway_stream_buffered_epcs", lstm)).isEqualTo(3);
    try (DetectorLease lease = gateway.gateway().registry().lease("lstm").orElseThrow()) {
      assertThat(buffered).isEqualTo(((StreamingDetector) lease.detector()).bufferedEpcs());
    }
    Map<String, String> streamed = Map.of("endpoint", GatewayRouter.STREAM, "detector", "lstm", "status", "200");
    assertThat(PrometheusText.value(after, "gateway_requests_seconds_count", streamed))
        .isGreaterThan(PrometheusText.value(before, "gateway_requests_seconds_count", streamed));
  }

  @Test
  @DisplayName("a reload swaps in a new lstm instance that keeps the buffered trails: a read streamed after the "
      + "swap is still judged with its EPC's reads streamed before it (reported epcDup)")
  void reloadKeepsTheBufferedTrails() throws InterruptedException, ExecutionException, TimeoutException {
    String epc = epc(508);
    gateway.post(STREAM_LSTM, request(
        item(30, epc, 1, "Factory", "Aggregation", MORNING), item(31, epc, 5, "WMS", "WMS_Inbound", HOUR_LATER)));
    Detector before = lstmDetector();

    assertThat(gateway.gateway().plugins().reloadDetector("lstm").get(1, TimeUnit.MINUTES).installed())
        .containsExactly("lstm");
    HttpResponse<Buffer> streamed = gateway.post(STREAM_LSTM,
        request(item(32, epc, 13, "Logistics_HUB", "HUB_Inbound", HOUR_LATER)));

    assertThat(lstmDetector()).as("a new instance serves").isNotSameAs(before);
    JsonArray history = streamed.bodyAsJsonObject().getJsonArray("EventHistory");
    assertThat(history).hasSize(1);
    assertThat(history.getJsonObject(0).getLong("eventId")).isEqualTo(32);
    assertThat(history.getJsonObject(0).getBoolean("epcDup")).isTrue();
  }

  private Detector lstmDetector() {
    try (DetectorLease lease = gateway.gateway().registry().lease("lstm").orElseThrow()) {
      return lease.detector();
    }
  }

  private static void installLstmPlugin(Path target) throws IOException {
    String built = System.getProperty("lstm.plugin.jar");
    assertThat(built).as("system property lstm.plugin.jar, set by the gateway pom").isNotBlank();
    Path source = Path.of(built);
    assertThat(source).as("the shaded LSTM plugin; build it with"
        + " `flock /tmp/mvn.lock mvn -B -ntp -o -pl lstm-plugin -am package -DskipTests`").isRegularFile();
    Files.createDirectories(target.getParent());
    Files.copy(source, target);
  }
}
