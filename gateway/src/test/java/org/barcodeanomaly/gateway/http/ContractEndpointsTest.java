package org.barcodeanomaly.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import org.barcodeanomaly.gateway.config.LimitsConfig;
import org.barcodeanomaly.gateway.testing.RunningGateway;
import org.barcodeanomaly.pluginhost.testing.TestPlugin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(VertxExtension.class)
@DisplayName("The contract endpoints")
class ContractEndpointsTest {

  private static final String RULE = "/api/manager/export-and-analyze-async";
  private static final String LEGACY = RunningGateway.resource("legacy_request_example.json");

  @TempDir
  Path home;

  private RunningGateway gateway;

  @BeforeEach
  void start(Vertx vertx) {
    TestPlugin.of("rule").version("rule-test-1").writeTo(home.resolve("plugins/rule-plugin.jar"));
    gateway = RunningGateway.start(vertx, RunningGateway.testConfig(home)
        .setLimits(new LimitsConfig().setMaxEvents(50).setMaxBodyBytes(64 * 1024)));
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  @Test
  @DisplayName("answer the first generation's legacy request with exactly the contract's fields and the answering method")
  void answersTheLegacyRequest() {
    HttpResponse<Buffer> response = gateway.post(RULE, LEGACY);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("Content-Type")).isEqualTo("application/json");
    JsonObject body = response.bodyAsJsonObject();
    assertThat(body.fieldNames()).containsExactlyInAnyOrder("fileId", "method", "EventHistory",
        "epcAnomalyStats", "fileAnomalyStats");
    assertThat(body.getLong("fileId")).isEqualTo(3);
    assertThat(body.getString("method")).isEqualTo("rule-test-1");
    assertThat(body.getJsonArray("EventHistory")).containsExactly(
        new JsonObject().put("eventId", 304).put("epcFake", true).put("epcFakeScore", 100.0));
    assertThat(body.getJsonObject("fileAnomalyStats")).isEqualTo(new JsonObject().put("totalEvents", 1)
        .put("jumpCount", 0).put("evtOrderErrCount", 0).put("epcFakeCount", 1).put("epcDupCount", 0)
        .put("locErrCount", 0));
    assertThat(response.getHeader("X-Anomaly-Detector")).isEqualTo("rule");
  }

  @ParameterizedTest
  @ValueSource(strings = {"svm", "lstm"})
  @DisplayName("answer on svm and lstm with the rule detector and a warning when their plugin is absent")
  void fallsBackToTheRulesWhenAPluginIsAbsent(String route) {
    HttpResponse<Buffer> response = gateway.post(RULE + "/" + route, LEGACY);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject body = response.bodyAsJsonObject();
    assertThat(body.getString("method")).isEqualTo("rule-based-fallback");
    assertThat(body.getString("warning"))
        .startsWith("detector '" + route + "' is not available (no plugin in ")
        .endsWith("; answered by the rule detector (rule-test-1) instead");
    assertThat(body.getJsonArray("EventHistory")).hasSize(1);
  }

  @Test
  @DisplayName("refuse a body that is not JSON with 400 and a detail")
  void refusesNonJson() {
    HttpResponse<Buffer> response = gateway.post(RULE, "this is not json");

    assertThat(response.statusCode()).isEqualTo(400);
    JsonObject body = response.bodyAsJsonObject();
    assertThat(body.fieldNames()).containsExactly("detail");
    assertThat(body.getString("detail")).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  @DisplayName("list a bad item in rejectedEvents and still answer the others")
  void listsBadItemsAndAnswersTheRest() {
    JsonObject request = new JsonObject(LEGACY);
    request.getJsonArray("data").getJsonObject(1).remove("event_time");
    request.getJsonArray("data").add("not an object");

    JsonObject body = gateway.post(RULE, request.encode()).bodyAsJsonObject();

    JsonArray rejected = body.getJsonArray("rejectedEvents");
    assertThat(rejected).hasSize(2);
    assertThat(rejected.getJsonObject(0).getInteger("index")).isEqualTo(1);
    assertThat(rejected.getJsonObject(0).getLong("eventId")).isEqualTo(302);
    assertThat(rejected.getJsonObject(0).getString("field")).isEqualTo("event_time");
    assertThat(rejected.getJsonObject(1).getInteger("index")).isEqualTo(8);
    assertThat(rejected.getJsonObject(1).getString("field")).isEqualTo("item");
    assertThat(body.getJsonArray("EventHistory")).hasSize(1);
  }

  @Test
  @DisplayName("refuse more events than the limit with 413 naming the limit")
  void refusesTooManyEvents() {
    JsonArray data = new JsonArray();
    JsonObject item = new JsonObject(LEGACY).getJsonArray("data").getJsonObject(0);
    for (int i = 0; i < 51; i++) {
      data.add(item.copy().put("eventId", i));
    }

    HttpResponse<Buffer> response = gateway.post(RULE, new JsonObject().put("data", data).encode());

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.bodyAsJsonObject().getString("detail")).contains("50 events");
  }

  @Test
  @DisplayName("refuse a body over the byte limit with 413 naming the limit")
  void refusesTooLargeABody() {
    String padding = "x".repeat(70 * 1024);
    HttpResponse<Buffer> response = gateway.post(RULE, "{\"pad\":\"" + padding + "\",\"data\":[]}");

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.bodyAsJsonObject().getString("detail")).contains("limit of 65536 bytes");
  }

  @Test
  @DisplayName("answer an unknown path with a JSON 404")
  void answersUnknownPathsWithJson() {
    HttpResponse<Buffer> response = gateway.get("/api/nothing-here");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.bodyAsJsonObject().getString("detail")).contains("GET /api/nothing-here");
  }
}
