package org.barcodeanomaly.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.barcodeanomaly.gateway.config.GatewayConfig;
import org.barcodeanomaly.pluginhost.AnomalyHome;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configuration the image runs with when no ConfigMap is mounted
 * ({@code image/root/app/config/gateway.json}): the gateway must accept it, and it must serve
 * what the Kubernetes ConfigMap serves (same plugins, models, port, required detectors, key
 * file), so that the image run proof, which uses it, proves what the pods run.
 */
class ImageConfigurationTest {

  private static final Path HOME = AnomalyHome.home();

  @Test
  @DisplayName("the image's built-in configuration is accepted by the gateway and matches the ConfigMap's")
  void builtInConfigurationMatchesTheConfigMap(@TempDir Path keys) throws IOException {
    JsonObject image = new JsonObject(Files.readString(HOME.resolve("deploy/image/root/app/config/gateway.json")));
    List<ObjectNode> base = KustomizeRenderer.render(HOME.resolve("deploy/k8s/base"));
    ObjectNode configMap = base.stream().filter(r -> r.at("/metadata/name").asText().equals("anomaly-gateway-config"))
        .findFirst().orElseThrow();
    JsonObject pods = new JsonObject(configMap.at("/data/gateway.json").asText());
    Files.writeString(keys.resolve("api-keys"), "k\n");

    GatewayConfig imageConfig = GatewayConfig.fromJson(withKeysIn(image, keys), HOME);
    GatewayConfig podConfig = GatewayConfig.fromJson(withKeysIn(pods, keys), HOME);

    assertThat(imageConfig.getHost()).isEqualTo("0.0.0.0");
    assertThat(imageConfig.getSecurity().getApiKeys()).containsExactly("k");
    for (String key : List.of("host", "port", "pluginsDir", "modelsDir", "watchIntervalMs", "requiredDetectors", "security")) {
      assertThat(image.getValue(key)).as(key).isEqualTo(pods.getValue(key));
    }
    assertThat(imageConfig.getPort()).isEqualTo(podConfig.getPort());
  }

  private static JsonObject withKeysIn(JsonObject config, Path keys) {
    JsonObject copy = config.copy();
    JsonObject security = copy.getJsonObject("security");
    security.put("apiKeysFile", security.getString("apiKeysFile").replace("/etc/anomaly/keys", keys.toString()));
    return copy;
  }
}
