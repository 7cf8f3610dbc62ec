package org.barcodeanomaly.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.gateway.testing.RunningGateway;
import org.barcodeanomaly.pluginhost.testing.TestPlugin;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
@DisplayName("The comparison endpoint")
class CompareEndpointTest {

  private static final String LEGACY = RunningGateway.resource("legacy_request_example.json");

  @TempDir
  Path home;

  @Test
  @DisplayName("answers the same request with every serving detector, side by side, with per-type agreement")
  void comparesDetectors(Vertx vertx) {
    TestPlugin.of("rule").writeTo(home.resolve("plugins/rule-plugin.jar"));
    TestPlugin.of("svm").alsoFlags(AnomalyType.JUMP).writeTo(home.resolve("plugins/svm-plugin.jar"));
    try (RunningGateway gateway = RunningGateway.start(vertx, RunningGateway.testConfig(home))) {
      JsonObject comparison = gateway.post("/api/compare", LEGACY).bodyAsJsonObject();

      assertThat(comparison.getInteger("events")).isEqualTo(8);
      assertThat(comparison.getJsonArray("detectors").stream().map(JsonObject.class::cast)
          .map(detector -> detector.getString("id") + "=" + detector.getJsonObject("response").getString("method")))
          .containsExactly("rule=rule-1.0", "svm=svm-1.0");
      JsonObject agreement = comparison.getJsonObject("agreement");
      assertThat(agreement.getJsonObject("epcFake")).isEqualTo(new JsonObject().put("agree", 8).put("disagree", 0)
          .put("reportedBy", new JsonObject().put("rule", 1).put("svm", 1)));
      assertThat(agreement.getJsonObject("jump")).isEqualTo(new JsonObject().put("agree", 0).put("disagree", 8)
          .put("reportedBy", new JsonObject().put("rule", 0).put("svm", 8)));
      assertThat(comparison.getJsonObject("failures")).isEmpty();
    }
  }
}
