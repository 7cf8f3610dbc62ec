package org.barcodeanomaly.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.barcodeanomaly.gateway.config.DetectorSpec;
import org.barcodeanomaly.gateway.config.GatewayConfig;
import org.barcodeanomaly.gateway.config.RouteConfig;
import org.barcodeanomaly.gateway.testing.Await;
import org.barcodeanomaly.gateway.testing.PrometheusText;
import org.barcodeanomaly.gateway.testing.RunningGateway;
import org.barcodeanomaly.pluginhost.testing.TestPlugin;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
@DisplayName("Routing")
class RoutingTest {

  private static final String BASE = "/api/manager/export-and-analyze-async";
  private static final String LEGACY = RunningGateway.resource("legacy_request_example.json");

  @TempDir
  Path home;

  @Test
  @DisplayName("falls back to the rules with a warning when the detector asked for throws")
  void fallsBackWhenTheDetectorFails(Vertx vertx) {
    TestPlugin.of("rule").writeTo(home.resolve("plugins/rule-plugin.jar"));
    TestPlugin.of("svm").failsToScore().writeTo(home.resolve("plugins/svm-plugin.jar"));
    try (RunningGateway gateway = RunningGateway.start(vertx, RunningGateway.testConfig(home))) {
      assertThat(gateway.post(BASE + "/svm", LEGACY).bodyAsJsonObject().getString("method")).isEqualTo("svm-1.0");

      JsonObject body = gateway.post(BASE + "/svm", withEpc(TestPlugin.CRASHING_EPC)).bodyAsJsonObject();

      assertThat(body.getString("method")).isEqualTo("rule-based-fallback");
      assertThat(body.getString("warning")).isEqualTo("detector 'svm' failed: model crashed;"
          + " answered by the rule detector (rule-1.0) instead");
      assertThat(PrometheusText.value(gateway.get("/metrics").bodyAsString(), "gateway_fallbacks_total",
          Map.of("route", "svm", "from", "svm", "to", "rule", "reason", "failed"))).isEqualTo(1);
    }
  }

  @Test
  @DisplayName("falls back when the detector runs past its share of the route's one time budget, leaving the fallback the rest")
  void fallsBackWhenTheDetectorIsTooSlow(Vertx vertx) {
    TestPlugin.of("rule").writeTo(home.resolve("plugins/rule-plugin.jar"));
    TestPlugin.of("lstm").delayMillis(3_000).writeTo(home.resolve("plugins/lstm-plugin.jar"));
    Map<String, RouteConfig> routes = new LinkedHashMap<>(GatewayConfig.defaultRoutes());
    routes.put("lstm", new RouteConfig("lstm").setFallback(List.of("rule")).setTimeBudgetMs(200));
    try (RunningGateway gateway = RunningGateway.start(vertx, RunningGateway.testConfig(home).setRoutes(routes))) {
      JsonObject body = gateway.post(BASE + "/lstm", withEpc(TestPlugin.SLOW_EPC)).bodyAsJsonObject();

      assertThat(body.getString("method")).isEqualTo("rule-based-fallback");
      Matcher share = Pattern.compile("^detector 'lstm' did not answer within its time budget of (\\d+) ms;")
          .matcher(body.getString("warning"));
      assertThat(share.find()).as(body.getString("warning")).isTrue();
      assertThat(Long.parseLong(share.group(1))).as("a quarter of the budget is left to the one fallback")
          .isBetween(100L, 150L);
    }
  }

  @Test
  @DisplayName("answers 503 naming the detector when it is missing and the route has no fallback")
  void refusesWithoutFallback(Vertx vertx) {
    TestPlugin.of("svm").writeTo(home.resolve("plugins/svm-plugin.jar"));
    try (RunningGateway gateway = RunningGateway.start(vertx, RunningGateway.testConfig(home))) {
      HttpResponse<Buffer> response = gateway.post(BASE, LEGACY);

      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(response.bodyAsJsonObject().getString("detail"))
          .startsWith("detector 'rule' is not available (no plugin in ")
          .endsWith("; route 'rule' has no fallback configured");
    }
  }

  @Test
  @DisplayName("splits a route's traffic between two versions by weight, a pinned jar serving only its variant")
  void splitsTrafficBetweenVersions(Vertx vertx) {
    TestPlugin.of("rule").writeTo(home.resolve("plugins/rule-plugin.jar"));
    TestPlugin.of("svm").version("svm-1.0").writeTo(home.resolve("plugins/svm-plugin.jar"));
    TestPlugin.of("svm").version("svm-2.0").writeTo(home.resolve("plugins/svm-next.jar"));
    Map<String, RouteConfig> routes = new LinkedHashMap<>(GatewayConfig.defaultRoutes());
    routes.put("svm", new RouteConfig("svm").setTargets(Map.of("svm", 1, "svm-next", 1)));
    GatewayConfig config = RunningGateway.testConfig(home).setRoutes(routes)
        .setDetectors(Map.of("svm-next", new DetectorSpec("svm-next", "svm", "svm-next.jar", null, Map.of())));
    try (RunningGateway gateway = RunningGateway.start(vertx, config)) {
      Set<String> methods = new HashSet<>();
      Set<String> detectors = new HashSet<>();
      for (int i = 0; i < 40; i++) {
        HttpResponse<Buffer> response = gateway.post(BASE + "/svm", LEGACY);
        methods.add(response.bodyAsJsonObject().getString("method"));
        detectors.add(response.getHeader("X-Anomaly-Detector"));
      }

      assertThat(methods).containsExactlyInAnyOrder("svm-1.0", "svm-2.0");
      assertThat(detectors).containsExactlyInAnyOrder("svm", "svm-next");
    }
  }

  @Test
  @DisplayName("scores with the shadow detector too, returning only the answer, and counts agreement per type")
  void scoresInTheShadow(Vertx vertx) {
    TestPlugin.of("rule").writeTo(home.resolve("plugins/rule-plugin.jar"));
    TestPlugin.of("svm").alsoFlags(org.barcodeanomaly.api.event.AnomalyType.JUMP)
        .writeTo(home.resolve("plugins/svm-plugin.jar"));
    Map<String, RouteConfig> routes = new LinkedHashMap<>(GatewayConfig.defaultRoutes());
    routes.put("rule", new RouteConfig("rule").setShadow("svm"));
    try (RunningGateway gateway = RunningGateway.start(vertx, RunningGateway.testConfig(home).setRoutes(routes))) {
      JsonObject body = gateway.post(BASE, LEGACY).bodyAsJsonObject();
      assertThat(body.getString("method")).isEqualTo("rule-1.0");
      assertThat(body.getJsonArray("EventHistory")).hasSize(1);

      Map<String, String> jumpDisagreements = Map.of("route", "rule", "shadow", "svm", "type", "jump", "outcome", "disagree");
      String metrics = awaitMetric(gateway, "gateway_shadow_verdicts_total", jumpDisagreements);
      assertThat(PrometheusText.value(metrics, "gateway_shadow_verdicts_total", jumpDisagreements)).isEqualTo(8);
      assertThat(PrometheusText.value(metrics, "gateway_shadow_verdicts_total",
          Map.of("route", "rule", "shadow", "svm", "type", "epcFake", "outcome", "agree"))).isEqualTo(8);
    }
  }

  /** The shadow scores after the answer is sent: waits until its verdicts are counted. */
  private static String awaitMetric(RunningGateway gateway, String name, Map<String, String> labels) {
    return Await.until("/metrics counts " + name + " " + labels, Duration.ofSeconds(30),
        () -> gateway.get("/metrics").bodyAsString(), metrics -> PrometheusText.value(metrics, name, labels) > 0);
  }

  private static String withEpc(String epc) {
    JsonObject request = new JsonObject(LEGACY);
    request.getJsonArray("data").getJsonObject(0).put("epc_code", epc);
    return request.encode();
  }
}
