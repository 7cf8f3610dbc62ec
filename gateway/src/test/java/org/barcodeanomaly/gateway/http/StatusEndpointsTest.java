package org.barcodeanomaly.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.barcodeanomaly.gateway.config.GatewayConfig;
import org.barcodeanomaly.gateway.testing.PrometheusText;
import org.barcodeanomaly.gateway.testing.RunningGateway;
import org.barcodeanomaly.pluginhost.testing.TestPlugin;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
@DisplayName("The operations endpoints")
class StatusEndpointsTest {

  private static final String RULE = "/api/manager/export-and-analyze-async";
  private static final String LEGACY = RunningGateway.resource("legacy_request_example.json");

  @TempDir
  Path home;

  @Test
  @DisplayName("answer liveness, and readiness once every required detector serves")
  void answerHealthAndReadiness(Vertx vertx) {
    TestPlugin.of("rule").writeTo(home.resolve("plugins/rule-plugin.jar"));
    try (RunningGateway gateway = RunningGateway.start(vertx, RunningGateway.testConfig(home))) {
      assertThat(gateway.get("/health").bodyAsJsonObject()).isEqualTo(new JsonObject().put("status", "UP"));
      HttpResponse<Buffer> ready = gateway.get("/ready");
      assertThat(ready.statusCode()).isEqualTo(200);
      assertThat(ready.bodyAsJsonObject()).isEqualTo(new JsonObject().put("status", "READY")
          .put("detectors", new JsonObject().put("rule", "SERVING")));
    }
  }

  @Test
  @DisplayName("/health and /ready answer 503 naming the cause once a request failed for lack of memory, while the"
      + " request itself is still answered by the fallback")
  void reportDownWhenOutOfMemory(Vertx vertx) {
    TestPlugin.of("rule").writeTo(home.resolve("plugins/rule-plugin.jar"));
    TestPlugin.of("svm").runsOutOfMemory().writeTo(home.resolve("plugins/svm-plugin.jar"));
    try (RunningGateway gateway = RunningGateway.start(vertx, RunningGateway.testConfig(home))) {
      assertThat(gateway.get("/health").statusCode()).isEqualTo(200);
      JsonObject request = new JsonObject(RunningGateway.resource("legacy_request_example.json"));
      request.getJsonArray("data").getJsonObject(0).put("epc_code", TestPlugin.CRASHING_EPC);

      HttpResponse<Buffer> answered = gateway.post("/api/manager/export-and-analyze-async/svm", request.encode());
      assertThat(answered.bodyAsJsonObject().getString("method")).isEqualTo("rule-based-fallback");

      HttpResponse<Buffer> health = gateway.get("/health");
      assertThat(health.statusCode()).isEqualTo(503);
      assertThat(health.bodyAsJsonObject().getString("status")).isEqualTo("DOWN");
      assertThat(health.bodyAsJsonObject().getString("detail")).startsWith("requests are failing for lack of memory"
          + " (1 out-of-memory failures, the last at ");
      HttpResponse<Buffer> ready = gateway.get("/ready");
      assertThat(ready.statusCode()).isEqualTo(503);
      assertThat(ready.bodyAsJsonObject().getString("detail")).startsWith("not ready: requests are failing for lack of memory");
    }
  }

  @Test
  @DisplayName("report not ready with 503 and the reason while a required detector does not serve")
  void reportNotReady(Vertx vertx) {
    TestPlugin.of("rule").writeTo(home.resolve("plugins/rule-plugin.jar"));
    GatewayConfig config = RunningGateway.testConfig(home).setRequiredDetectors(List.of("rule", "svm"));
    try (RunningGateway gateway = RunningGateway.start(vertx, config)) {
      HttpResponse<Buffer> ready = gateway.get("/ready");

      assertThat(ready.statusCode()).isEqualTo(503);
      JsonObject body = ready.bodyAsJsonObject();
      assertThat(body.getString("status")).isEqualTo("NOT_READY");
      assertThat(body.getJsonObject("detectors")).isEqualTo(new JsonObject().put("rule", "SERVING").put("svm", "FAILED"));
      assertThat(body.getString("detail")).startsWith("not ready: svm is failed (no plugin in ");
    }
  }

  @Test
  @DisplayName("list detectors with version, state, routing weights and the jars that failed to load")
  void listDetectors(Vertx vertx) throws IOException {
    TestPlugin.of("rule").version("rule-7.1").writeTo(home.resolve("plugins/rule-plugin.jar"));
    Files.write(home.resolve("plugins/broken.jar"), new byte[] {1, 2, 3});
    try (RunningGateway gateway = RunningGateway.start(vertx, RunningGateway.testConfig(home))) {
      JsonObject list = gateway.get("/api/detectors").bodyAsJsonObject();

      JsonObject rule = list.getJsonArray("detectors").stream().map(JsonObject.class::cast)
          .filter(detector -> detector.getString("id").equals("rule")).findFirst().orElseThrow();
      assertThat(rule.getString("state")).isEqualTo("SERVING");
      assertThat(rule.getString("version")).isEqualTo("rule-7.1");
      assertThat(rule.getString("jar")).isEqualTo("rule-plugin.jar");
      assertThat(rule.getJsonArray("routes")).contains(
          new JsonObject().put("route", "rule").put("role", "target").put("weight", 100),
          new JsonObject().put("route", "svm").put("role", "fallback").put("position", 1));
      assertThat(list.getJsonObject("routes").getJsonObject("svm").getString("path")).isEqualTo(RULE + "/svm");
      JsonObject failure = list.getJsonArray("loadFailures").getJsonObject(0);
      assertThat(failure.getString("subject")).isEqualTo("broken.jar");
      assertThat(failure.getString("stage")).isEqualTo("jar");
      assertThat(failure.getString("reason")).contains("broken.jar: not a valid jar file (");
    }
  }

  @Test
  @DisplayName("show request, event and anomaly counters in /metrics that grow with each request")
  void countRequestsInMetrics(Vertx vertx) {
    TestPlugin.of("rule").writeTo(home.resolve("plugins/rule-plugin.jar"));
    try (RunningGateway gateway = RunningGateway.start(vertx, RunningGateway.testConfig(home))) {
      Map<String, String> answered = Map.of("endpoint", RULE, "detector", "rule", "status", "200");
      Map<String, String> byRule = Map.of("detector", "rule");

      gateway.post(RULE, LEGACY);
      String first = gateway.get("/metrics").bodyAsString();
      gateway.post(RULE, LEGACY);
      String second = gateway.get("/metrics").bodyAsString();

      assertThat(PrometheusText.value(first, "gateway_requests_seconds_count", answered)).isEqualTo(1);
      assertThat(PrometheusText.value(second, "gateway_requests_seconds_count", answered)).isEqualTo(2);
      assertThat(PrometheusText.value(first, "gateway_events_scored_total", byRule)).isEqualTo(8);
      assertThat(PrometheusText.value(second, "gateway_events_scored_total", byRule)).isEqualTo(16);
      assertThat(PrometheusText.value(second, "gateway_anomalies_reported_total",
          Map.of("detector", "rule", "type", "epcFake"))).isEqualTo(2);
      assertThat(PrometheusText.value(second, "gateway_plugin_loads_total",
          Map.of("subject", "rule", "outcome", "loaded"))).isEqualTo(1);
      assertThat(PrometheusText.value(second, "vertx_http_server_requests_total", Map.of())).isGreaterThanOrEqualTo(3);
    }
  }

  @Test
  @DisplayName("serve an OpenAPI document that documents every endpoint the gateway routes")
  void documentEveryEndpoint(Vertx vertx) {
    TestPlugin.of("rule").writeTo(home.resolve("plugins/rule-plugin.jar"));
    GatewayConfig config = RunningGateway.testConfig(home);
    try (RunningGateway gateway = RunningGateway.start(vertx, config)) {
      JsonObject document = gateway.get("/openapi.json").bodyAsJsonObject();

      Set<String> documented = new HashSet<>();
      JsonObject paths = document.getJsonObject("paths");
      paths.fieldNames().forEach(path -> paths.getJsonObject(path).fieldNames()
          .forEach(method -> documented.add(method.toUpperCase() + " " + path)));
      assertThat(document.getString("openapi")).isEqualTo("3.0.3");
      assertThat(documented).containsExactlyInAnyOrderElementsOf(GatewayRouter.endpoints(config));
    }
  }
}
