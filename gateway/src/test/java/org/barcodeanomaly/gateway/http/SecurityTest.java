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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"application/x-www-form-urlencoded", "text/plain", "application/octet-stream"})
  @DisplayName("with API keys, read the body as JSON whatever Content-Type the client sent, as curl -d and old clients do")
  void readsJsonWhateverTheContentTypeWithKeys(String contentType, Vertx vertx) {
    try (RunningGateway gateway = start(vertx, new SecurityConfig().setApiKeys(List.of("client-key")))) {
      HttpResponse<Buffer> response = gateway.send(HttpMethod.POST, RULE, Buffer.buffer(LEGACY),
          MultiMap.caseInsensitiveMultiMap().add("Content-Type", contentType).add(SecurityConfig.HEADER, "client-key"));

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.bodyAsJsonObject().getLong("fileId")).isEqualTo(3L);
    }
  }

  @Test
  @DisplayName("without API keys, refuse what a web page in the operator's browser could send: a body not labelled JSON"
      + " (415), another site's Origin or a non-loopback Host (403); loopback origins and JSON pass")
  void guardsTheNoKeyModeFromWebPages(Vertx vertx) {
    try (RunningGateway gateway = start(vertx, new SecurityConfig())) {
      for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x")) {
        HttpResponse<Buffer> form = gateway.send(HttpMethod.POST, RULE, Buffer.buffer(LEGACY),
            MultiMap.caseInsensitiveMultiMap().add("Content-Type", type));
        assertThat(form.statusCode()).as(type).isEqualTo(415);
        assertThat(form.bodyAsJsonObject().getString("detail")).startsWith("Content-Type '" + type + "' is not JSON:"
            + " send the body with Content-Type: application/json");
      }
      HttpResponse<Buffer> foreign = gateway.send(HttpMethod.POST, "/api/manager/stream/lstm", Buffer.buffer(LEGACY),
          MultiMap.caseInsensitiveMultiMap().add("Origin", "https://evil.example"));
      assertThat(foreign.statusCode()).isEqualTo(403);
      assertThat(foreign.bodyAsJsonObject().getString("detail")).isEqualTo("Origin 'https://evil.example' is not a"
          + " loopback origin: without API keys the gateway refuses requests from web pages of other sites;"
          + " to serve other clients, set security.apiKeys");
      assertThat(gateway.send(HttpMethod.GET, "/api/detectors", null,
          MultiMap.caseInsensitiveMultiMap().add("Origin", "http://evil.example")).statusCode()).isEqualTo(403);
      HttpResponse<Buffer> rebound = gateway.send(HttpMethod.GET, "/api/detectors", null,
          MultiMap.caseInsensitiveMultiMap().add("Host", "rebound.evil.example:8080"));
      assertThat(rebound.statusCode()).isEqualTo(403);
      assertThat(rebound.bodyAsJsonObject().getString("detail")).startsWith("Host 'rebound.evil.example:8080' is not"
          + " a loopback name");

      assertThat(gateway.send(HttpMethod.POST, RULE, Buffer.buffer(LEGACY), MultiMap.caseInsensitiveMultiMap()
          .add("Origin", "http://localhost:3000").add("Content-Type", "application/json; charset=utf-8"))
          .statusCode()).isEqualTo(200);
      assertThat(gateway.send(HttpMethod.GET, "/api/detectors", null,
          MultiMap.caseInsensitiveMultiMap().add("Host", "localhost:1234")).statusCode()).isEqualTo(200);
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
