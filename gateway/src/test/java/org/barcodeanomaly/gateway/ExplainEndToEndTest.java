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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.barcodeanomaly.gateway.config.GatewayConfig;
import org.barcodeanomaly.gateway.http.GatewayRouter;
import org.barcodeanomaly.gateway.testing.PrometheusText;
import org.barcodeanomaly.gateway.testing.RunningGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code POST /api/explain/{detector}} on a real server (127.0.0.1) with the three real plugins,
 * loaded from the shaded jars that {@code package} writes to the plugins directory, and the
 * repository's bundled models: each explains the reported events of a request, refuses one over the
 * explanation limit, and counts what it explained in metrics.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Explanations from the real plugins")
class ExplainEndToEndTest {

  private static final int MAX_EXPLAIN_EVENTS = 50;
  private static final String EPC = "001.8804823.1293291.010004.20250701.000004002";

  private Vertx client;
  private RunningGateway gateway;

  @BeforeAll
  void start(@TempDir Path home) throws IOException {
    for (String plugin : List.of("rule-plugin.jar", "svm-plugin.jar", "lstm-plugin.jar")) {
      Path built = Path.of(System.getProperty("plugins.dir"), plugin);
      assertThat(built).as("the shaded plugin; build it with `mvnl -B -ntp -o package -DskipTests`").isRegularFile();
      Files.createDirectories(home.resolve("plugins"));
      Files.copy(built, home.resolve("plugins").resolve(plugin));
    }
    GatewayConfig config = RunningGateway.testConfig(home)
        .setModelsDir(Path.of(System.getProperty("bundled.models.dir")));
    config.getLimits().setMaxExplainEvents(MAX_EXPLAIN_EVENTS);
    client = Vertx.vertx();
    gateway = RunningGateway.start(client, config);
  }

  @AfterAll
  void stop() {
    gateway.close();
    client.close();
  }

  private static JsonObject item(long id, int location, String step, String type, String time) {
    return new JsonObject().put("event_id", id).put("epc_code", EPC).put("location_id", location)
        .put("business_step", step).put("event_type", type).put("event_time", time).put("file_id", 1);
  }

  /** A trail whose hub arrival (event 4) comes two minutes after the warehouse departure. */
  private static String fastTrip() {
    return new JsonObject().put("data", new JsonArray(List.of(
        item(1, 1, "Factory", "Aggregation", "2025-07-01 10:34:17"),
        item(2, 5, "WMS", "WMS_Inbound", "2025-07-01 11:02:38"),
        item(3, 5, "WMS", "WMS_Outbound", "2025-07-29 16:57:38"),
        item(4, 13, "Logistics_HUB", "HUB_Inbound", "2025-07-29 16:59:38")))).encode();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"rule", "svm", "lstm"})
  @DisplayName("explains the jump it reports on the arrival two minutes after the departure, with a sentence, blamed events and features, and counts it in metrics")
  void explainsTheReportedJump(String detector) {
    HttpResponse<Buffer> response = gateway.post("/api/explain/" + detector, fastTrip());

    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    assertThat(response.getHeader("X-Anomaly-Detector")).isEqualTo(detector);
    JsonObject body = response.bodyAsJsonObject();
    assertThat(body.getString("detector")).isEqualTo(detector);
    JsonObject jump = null;
    for (Object item : body.getJsonArray("explanations")) {
      JsonObject explanation = (JsonObject) item;
      for (Object type : explanation.getJsonArray("types")) {
        if (explanation.getLong("eventId") == 4 && "jump".equals(((JsonObject) type).getString("type"))) {
          jump = (JsonObject) type;
        }
      }
    }
    assertThat(jump).as("jump evidence of event 4 in %s", body).isNotNull();
    assertThat(jump.getString("sentence")).isNotBlank();
    assertThat(jump.getDouble("score")).isGreaterThanOrEqualTo(jump.getDouble("threshold"));
    assertThat(jump.getJsonArray("events").getJsonObject(0).getLong("eventId")).isEqualTo(4);
    assertThat(jump.getJsonArray("features")).isNotEmpty();

    String metrics = gateway.get(GatewayRouter.METRICS).bodyAsString();
    assertThat(PrometheusText.value(metrics, "gateway_explain_events_total", Map.of("detector", detector)))
        .isGreaterThanOrEqualTo(4);
    assertThat(PrometheusText.value(metrics, "gateway_explain_explained_total", Map.of("detector", detector)))
        .isGreaterThanOrEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"rule", "svm", "lstm"})
  @DisplayName("refuses a request over limits.maxExplainEvents with 413 naming the limit, before the detector runs")
  void refusesTooManyEvents(String detector) {
    List<Object> items = new ArrayList<>();
    for (int i = 0; i <= MAX_EXPLAIN_EVENTS; i++) {
      items.add(item(100 + i, 1, "Factory", "Aggregation", "2025-07-01 10:34:17"));
    }
    HttpResponse<Buffer> response = gateway.post("/api/explain/" + detector,
        new JsonObject().put("data", new JsonArray(items)).encode());

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.bodyAsJsonObject().getString("detail")).contains(Integer.toString(MAX_EXPLAIN_EVENTS));
  }

  @org.junit.jupiter.api.Test
  @DisplayName("an unknown detector is answered with 404 naming it")
  void unknownDetector() {
    HttpResponse<Buffer> response = gateway.post("/api/explain/nosuch", fastTrip());
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.bodyAsJsonObject().getString("detail")).contains("nosuch");
  }
}
