package org.barcodeanomaly.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.barcodeanomaly.gateway.config.GatewayConfig;
import org.barcodeanomaly.gateway.config.RouteConfig;
import org.barcodeanomaly.gateway.config.SecurityConfig;
import org.barcodeanomaly.gateway.testing.RunningGateway;
import org.barcodeanomaly.pluginhost.testing.TestPlugin;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a hung, slow or failing detector does to a real gateway: its calls are abandoned at their
 * budget and its workers freed, its circuit breaker makes later requests fall back at once, a
 * reload restores it, and its failures do not flood the log.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("Detector timeouts, circuit breaker and failure logging")
class DetectorTimeoutsTest {

  private static final String BASE = "/api/manager/export-and-analyze-async";
  private static final String LEGACY = RunningGateway.resource("legacy_request_example.json");

  @TempDir
  Path home;

  @Test
  @DisplayName("a hung detector that ignores interrupts opens its circuit breaker after five timeouts, so the"
      + " next request falls back without asking it, and reloading the detector restores it")
  void hungDetectorTripsTheBreakerAndAReloadRestoresIt(Vertx vertx) {
    TestPlugin.of("rule").writeTo(home.resolve("plugins/rule-plugin.jar"));
    TestPlugin.of("lstm").delayMillis(3_000).ignoresInterrupts().writeTo(home.resolve("plugins/lstm-plugin.jar"));
    GatewayConfig config = config(300).setSecurity(new SecurityConfig().setAdminKeys(List.of("admin-key")));
    try (RunningGateway gateway = RunningGateway.start(vertx, config)) {
      for (int i = 0; i < CircuitBreaker.FAILURES_TO_OPEN; i++) {
        JsonObject slow = gateway.post(BASE + "/lstm", withEpc(TestPlugin.SLOW_EPC)).bodyAsJsonObject();
        assertThat(slow.getString("method")).isEqualTo("rule-based-fallback");
        assertThat(slow.getString("warning")).startsWith("detector 'lstm' did not answer within its time budget");
      }

      JsonObject tripped = gateway.post(BASE + "/lstm", LEGACY).bodyAsJsonObject();
      assertThat(tripped.getString("method")).isEqualTo("rule-based-fallback");
      assertThat(tripped.getString("warning")).startsWith("detector 'lstm' was not asked: its circuit breaker is open"
          + " after 5 failures or timeouts in a row");

      assertThat(gateway.send(HttpMethod.POST, "/admin/detectors/lstm/reload", null,
          MultiMap.caseInsensitiveMultiMap().add(SecurityConfig.HEADER, "admin-key")).statusCode()).isEqualTo(200);
      assertThat(gateway.post(BASE + "/lstm", LEGACY).bodyAsJsonObject().getString("method")).isEqualTo("lstm-1.0");
    }
  }

  @Test
  @DisplayName("a request of a hundred files abandoned at its budget frees the detector's only worker: the next"
      + " request is answered by the detector, not by the fallback")
  void abandonedManyFileRequestFreesItsWorker(Vertx vertx) {
    TestPlugin.of("rule").writeTo(home.resolve("plugins/rule-plugin.jar"));
    TestPlugin.of("svm").delayMillis(100).writeTo(home.resolve("plugins/svm-plugin.jar"));
    try (RunningGateway gateway = RunningGateway.start(vertx, config(400).setDetectorThreads(1))) {
      HttpResponse<Buffer> abandoned = gateway.post(BASE + "/svm", slowFiles(100));
      assertThat(abandoned.statusCode()).isEqualTo(200);
      assertThat(abandoned.getHeader("X-Anomaly-Detector")).isEqualTo("rule");

      JsonObject next = gateway.post(BASE + "/svm", LEGACY).bodyAsJsonObject();
      assertThat(next.getString("method")).as(next.encode()).isEqualTo("svm-1.0");
    }
  }

  @Test
  @DisplayName("a detector that throws on every request logs its stack trace once, not once per request")
  void failingDetectorLogsOneTrace(Vertx vertx) {
    TestPlugin.of("rule").writeTo(home.resolve("plugins/rule-plugin.jar"));
    TestPlugin.of("svm").failsToScore().writeTo(home.resolve("plugins/svm-plugin.jar"));
    List<LogRecord> traces = new ArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        if (record.getThrown() != null) {
          synchronized (traces) {
            traces.add(record);
          }
        }
      }

      @Override
      public void flush() {
      }

      @Override
      public void close() {
      }
    };
    Logger logger = Logger.getLogger(ScoringExecutor.class.getName());
    logger.addHandler(capture);
    try (RunningGateway gateway = RunningGateway.start(vertx, config(10_000))) {
      for (int i = 0; i < 12; i++) {
        assertThat(gateway.post(BASE + "/svm", withEpc(TestPlugin.CRASHING_EPC)).bodyAsJsonObject()
            .getString("method")).isEqualTo("rule-based-fallback");
      }
    } finally {
      logger.removeHandler(capture);
    }
    synchronized (traces) {
      assertThat(traces).hasSize(1);
      assertThat(traces.get(0).getMessage()).isEqualTo("event=detector_failed detector=svm");
    }
  }

  private GatewayConfig config(long budgetMs) {
    Map<String, RouteConfig> routes = new LinkedHashMap<>(GatewayConfig.defaultRoutes());
    routes.put("lstm", new RouteConfig("lstm").setFallback(List.of("rule")).setTimeBudgetMs(budgetMs));
    routes.put("svm", new RouteConfig("svm").setFallback(List.of("rule")).setTimeBudgetMs(budgetMs));
    return RunningGateway.testConfig(home).setRoutes(routes);
  }

  private static String withEpc(String epc) {
    JsonObject request = new JsonObject(LEGACY);
    request.getJsonArray("data").getJsonObject(0).put("epc_code", epc);
    return request.encode();
  }

  /** {@code files} files of one slow event each. */
  private static String slowFiles(int files) {
    JsonObject template = new JsonObject(LEGACY).getJsonArray("data").getJsonObject(0);
    JsonArray data = new JsonArray();
    for (int i = 0; i < files; i++) {
      data.add(template.copy().put("eventId", 1000 + i).put("file_id", 1000 + i).put("epc_code", TestPlugin.SLOW_EPC));
    }
    return new JsonObject().put("data", data).encode();
  }
}
