package org.barcodeanomaly.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.List;
import org.barcodeanomaly.gateway.Gateway;
import org.barcodeanomaly.gateway.config.GatewayConfig;
import org.barcodeanomaly.gateway.config.SecurityConfig;
import org.barcodeanomaly.gateway.testing.RunningGateway;
import org.barcodeanomaly.pluginhost.testing.TestPlugin;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
@DisplayName("API keys")
class SecurityTest {

  private static final String RULE = "/api/manager/export-and-analyze-async";
  private static final String LEGACY = RunningGateway.resource("legacy_request_example.json");

  @TempDir
  Path home;

  @Test
  @DisplayName("when configured, refuse detection requests without a key or with a wrong one with 401, and accept api and admin keys")
  void guardDetectionEndpoints(Vertx vertx) {
    try (RunningGateway gateway = start(vertx, new SecurityConfig().setApiKeys(List.of("client-key"))
        .setAdminKeys(List.of("admin-key")))) {
      HttpResponse<Buffer> missing = gateway.post(RULE, LEGACY);
      assertThat(missing.statusCode()).isEqualTo(401);
      assertThat(missing.bodyAsJsonObject().getString("detail"))
          .isEqualTo("missing API key: send one of the keys of security.apiKeys in the X-API-Key header");
      assertThat(post(gateway, RULE, "wrong-key").statusCode()).isEqualTo(401);
      assertThat(post(gateway, "/api/compare", null).statusCode()).isEqualTo(401);
      assertThat(post(gateway, RULE, "client-key").statusCode()).isEqualTo(200);
      assertThat(post(gateway, RULE, "admin-key").statusCode()).isEqualTo(200);
      assertThat(gateway.get("/health").statusCode()).isEqualTo(200);
    }
  }

  @Test
  @DisplayName("always require an admin key on admin endpoints, and keep them closed when none is configured")
  void guardAdminEndpoints(Vertx vertx) {
    try (RunningGateway open = start(vertx, new SecurityConfig())) {
      HttpResponse<Buffer> closed = open.get("/admin/plugins");
      assertThat(closed.statusCode()).isEqualTo(403);
      assertThat(closed.bodyAsJsonObject().getString("detail")).startsWith("the admin API is closed");
      assertThat(open.post(RULE, LEGACY).statusCode()).isEqualTo(200);
    }
    try (RunningGateway guarded = start(vertx, new SecurityConfig().setApiKeys(List.of("client-key"))
        .setAdminKeys(List.of("admin-key")))) {
      assertThat(send(guarded, HttpMethod.GET, "/admin/plugins", "client-key").statusCode()).isEqualTo(401);
      HttpResponse<Buffer> listed = send(guarded, HttpMethod.GET, "/admin/plugins", "admin-key");
      assertThat(listed.statusCode()).isEqualTo(200);
      assertThat(listed.bodyAsJsonObject().getJsonArray("plugins").getJsonObject(0).getString("file"))
          .isEqualTo("rule-plugin.jar");
    }
  }

  @Test
  @DisplayName("refuse to serve on a non-loopback address without API keys, saying what to do")
  void refuseOpenBindingWithoutKeys() {
    GatewayConfig config = RunningGateway.testConfig(home).setHost("0.0.0.0");

    assertThatThrownBy(() -> Gateway.start(config))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("refusing to serve on 0.0.0.0 without API keys: anyone who can reach that address"
            + " could use the detectors. Set security.apiKeys in the configuration file (--config), or bind 127.0.0.1");
  }

  private RunningGateway start(Vertx vertx, SecurityConfig security) {
    TestPlugin.of("rule").writeTo(home.resolve("plugins/rule-plugin.jar"));
    return RunningGateway.start(vertx, RunningGateway.testConfig(home).setSecurity(security));
  }

  private static HttpResponse<Buffer> post(RunningGateway gateway, String path, String key) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    if (key != null) {
      headers.add(SecurityConfig.HEADER, key);
    }
    return gateway.send(HttpMethod.POST, path, Buffer.buffer(LEGACY), headers);
  }

  private static HttpResponse<Buffer> send(RunningGateway gateway, HttpMethod method, String path, String key) {
    return gateway.send(method, path, null, MultiMap.caseInsensitiveMultiMap().add(SecurityConfig.HEADER, key));
  }
}
