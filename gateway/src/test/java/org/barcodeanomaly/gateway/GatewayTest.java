package org.barcodeanomaly.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import org.barcodeanomaly.gateway.testing.Await;
import org.barcodeanomaly.gateway.testing.RunningGateway;
import org.barcodeanomaly.pluginhost.testing.TestPlugin;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
@DisplayName("The gateway")
class GatewayTest {

  @TempDir
  Path home;

  @Test
  @DisplayName("runs several server instances on one random port")
  void sharesOneRandomPort(Vertx vertx) {
    TestPlugin.of("rule").writeTo(home.resolve("plugins/rule-plugin.jar"));
    try (RunningGateway gateway = RunningGateway.start(vertx, RunningGateway.testConfig(home).setServerInstances(2))) {
      assertThat(gateway.gateway().port()).isPositive();
      for (int i = 0; i < 4; i++) {
        assertThat(gateway.get("/health").statusCode()).isEqualTo(200);
      }
    }
  }

  @Test
  @DisplayName("finishes the requests in flight before it stops")
  void stopsGracefully(Vertx vertx) {
    TestPlugin.of("rule").delayMillis(1_000).writeTo(home.resolve("plugins/rule-plugin.jar"));
    RunningGateway gateway = RunningGateway.start(vertx, RunningGateway.testConfig(home));
    JsonObject slowRequest = new JsonObject(RunningGateway.resource("legacy_request_example.json"));
    slowRequest.getJsonArray("data").getJsonObject(0).put("epc_code", TestPlugin.SLOW_EPC);
    Future<HttpResponse<Buffer>> inFlight = gateway.sendAsync(HttpMethod.POST, "/api/manager/export-and-analyze-async",
        Buffer.buffer(slowRequest.encode()), MultiMap.caseInsensitiveMultiMap());
    Await.until("the slow request is in flight on rule", Duration.ofSeconds(30),
        () -> gateway.gateway().registry().status("rule").orElseThrow().inFlight() > 0);

    gateway.close();

    assertThat(inFlight.isComplete()).isTrue();
    assertThat(inFlight.result().statusCode()).isEqualTo(200);
    assertThat(inFlight.result().bodyAsJsonObject().getString("method")).isEqualTo("rule-1.0");
  }

  @Test
  @DisplayName("fails to start with the reason and the address when its port is taken")
  void reportsATakenPort(Vertx vertx) {
    try (RunningGateway first = RunningGateway.start(vertx, RunningGateway.testConfig(home))) {
      int taken = first.gateway().port();

      assertThatThrownBy(() -> RunningGateway.await(Gateway.start(RunningGateway.testConfig(home).setPort(taken))))
          .hasMessageContaining("cannot listen on 127.0.0.1:" + taken + ": ")
          .hasMessageContaining("Address already in use")
          .hasMessageContaining("choose another with --port");
    }
  }
}
