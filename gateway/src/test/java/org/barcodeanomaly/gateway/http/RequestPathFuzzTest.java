package org.barcodeanomaly.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.barcodeanomaly.gateway.config.LimitsConfig;
import org.barcodeanomaly.gateway.testing.RunningGateway;
import org.barcodeanomaly.pluginhost.FileTrees;
import org.barcodeanomaly.pluginhost.testing.TestPlugin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Any body, with any Content-Type, on any detection endpoint of a real gateway on 127.0.0.1: the
 * answer is never a 5xx, and an error is always a JSON {@code detail}. The seeds in
 * {@code RequestPathFuzzTestInputs/} run in every build; {@code JAZZER_FUZZ=1} fuzzes
 * (README, Fuzzing).
 */
class RequestPathFuzzTest {

  private static final List<String> PATHS = List.of("/api/manager/export-and-analyze-async",
      "/api/manager/export-and-analyze-async/svm", "/api/manager/export-and-analyze-async/lstm",
      "/api/manager/stream/rule", "/api/manager/stream/lstm", "/api/compare");
  private static final List<String> TYPES = List.of("application/json", "application/json; charset=utf-8",
      "text/plain", "application/x-www-form-urlencoded");

  private static Vertx vertx;
  private static Path home;
  private static RunningGateway gateway;

  @BeforeAll
  static void start() throws IOException {
    vertx = Vertx.vertx();
    home = Files.createTempDirectory("fuzzed-gateway-");
    TestPlugin.of("rule").writeTo(home.resolve("plugins/rule-plugin.jar"));
    TestPlugin.of("svm").writeTo(home.resolve("plugins/svm-plugin.jar"));
    // Every detector the default routes name serves: a 503 for a detector no plugin provides is
    // the configuration's answer, not a failure of the request path.
    TestPlugin.of("lstm").writeTo(home.resolve("plugins/lstm-plugin.jar"));
    gateway = RunningGateway.start(vertx, RunningGateway.testConfig(home).setAuditLog(false)
        .setLimits(new LimitsConfig().setMaxBodyBytes(1 << 20).setMaxEvents(1_000)));
  }

  @AfterAll
  static void stop() {
    gateway.close();
    RunningGateway.await(vertx.close());
    FileTrees.delete(home);
  }

  @FuzzTest(maxDuration = "60s")
  void neverAnswersWithAServerError(FuzzedDataProvider data) {
    String path = data.pickValue(PATHS);
    String type = data.pickValue(TYPES);
    byte[] body = data.consumeRemainingAsBytes();

    HttpResponse<Buffer> response = gateway.send(HttpMethod.POST, path, Buffer.buffer(body),
        MultiMap.caseInsensitiveMultiMap().add("Content-Type", type));

    assertThat(response.statusCode()).as("%s %s", path, response.bodyAsString()).isLessThan(500);
    if (response.statusCode() >= 400) {
      assertThat(response.bodyAsJsonObject().getString("detail")).isNotBlank();
    }
  }
}
