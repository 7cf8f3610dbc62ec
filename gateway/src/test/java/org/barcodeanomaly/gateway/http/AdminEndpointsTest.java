package org.barcodeanomaly.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.barcodeanomaly.gateway.config.SecurityConfig;
import org.barcodeanomaly.gateway.testing.RunningGateway;
import org.barcodeanomaly.pluginhost.testing.TestPlugin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
@DisplayName("The admin API")
class AdminEndpointsTest {

  private static final String BASE = "/api/manager/export-and-analyze-async";
  private static final String LEGACY = RunningGateway.resource("legacy_request_example.json");
  private static final String ADMIN_KEY = "admin-key";

  @TempDir
  Path home;

  private RunningGateway gateway;

  @BeforeEach
  void start(Vertx vertx) throws IOException {
    TestPlugin.of("rule").writeTo(home.resolve("plugins/rule-plugin.jar"));
    TestPlugin.of("svm").versionFromModel().writeTo(home.resolve("plugins/svm-plugin.jar"));
    Files.createDirectories(home.resolve("models/svm"));
    Files.writeString(home.resolve("models/svm/version.txt"), "svm-model-1");
    gateway = RunningGateway.start(vertx, RunningGateway.testConfig(home)
        .setSecurity(new SecurityConfig().setAdminKeys(List.of(ADMIN_KEY))));
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  @Test
  @DisplayName("refuses an uploaded corrupt jar with 422, leaving the file and the detector as they were")
  void refusesACorruptUpload() throws IOException {
    byte[] before = Files.readAllBytes(home.resolve("plugins/rule-plugin.jar"));

    HttpResponse<Buffer> upload = admin(HttpMethod.PUT, "/admin/plugins/rule-plugin.jar", Buffer.buffer("not a jar"));

    assertThat(upload.statusCode()).isEqualTo(422);
    JsonObject body = upload.bodyAsJsonObject();
    assertThat(body.getString("detail")).startsWith("nothing failed was put in service; the previous detectors keep serving:"
        + " uploaded rule-plugin.jar is not a usable plugin").contains("not a valid jar file");
    assertThat(body.getJsonArray("failures").getJsonObject(0).getString("stage")).isEqualTo("jar");
    assertThat(Files.readAllBytes(home.resolve("plugins/rule-plugin.jar"))).isEqualTo(before);
    assertThat(gateway.post(BASE, LEGACY).bodyAsJsonObject().getString("method")).isEqualTo("rule-1.0");
    assertThat(Files.list(home.resolve("plugins")).map(path -> path.getFileName().toString()))
        .containsExactlyInAnyOrder("rule-plugin.jar", "svm-plugin.jar");
  }

  @Test
  @DisplayName("refuses a jar name that is not a plain .jar file name with 400")
  void refusesPathsAsNames() {
    HttpResponse<Buffer> upload = admin(HttpMethod.PUT, "/admin/plugins/..%2Frule.jar", Buffer.buffer("x"));

    assertThat(upload.statusCode()).isEqualTo(400);
    assertThat(upload.bodyAsJsonObject().getString("detail")).contains("must be a plain file name ending in .jar");
  }

  @Test
  @DisplayName("removes a jar: its detector leaves service and its route falls back")
  void removesAJar() {
    assertThat(gateway.post(BASE + "/svm", LEGACY).bodyAsJsonObject().getString("method")).isEqualTo("svm-model-1");

    HttpResponse<Buffer> removed = admin(HttpMethod.DELETE, "/admin/plugins/svm-plugin.jar", null);

    assertThat(removed.statusCode()).isEqualTo(200);
    assertThat(Files.exists(home.resolve("plugins/svm-plugin.jar"))).isFalse();
    assertThat(gateway.post(BASE + "/svm", LEGACY).bodyAsJsonObject().getString("method")).isEqualTo("rule-based-fallback");
    assertThat(admin(HttpMethod.DELETE, "/admin/plugins/svm-plugin.jar", null).statusCode()).isEqualTo(404);
  }

  @Test
  @DisplayName("installs an uploaded model version after it passes, keeping the previous one beside it")
  void installsAModelVersion() throws IOException {
    HttpResponse<Buffer> upload = admin(HttpMethod.PUT, "/admin/detectors/svm/model",
        zip("svm/version.txt", "svm-model-2"));

    assertThat(upload.statusCode()).isEqualTo(200);
    assertThat(upload.bodyAsJsonObject().getJsonArray("installed")).containsExactly("svm");
    assertThat(gateway.post(BASE + "/svm", LEGACY).bodyAsJsonObject().getString("method")).isEqualTo("svm-model-2");
    assertThat(Files.readString(home.resolve("models/svm/version.txt"))).isEqualTo("svm-model-2");
    assertThat(Files.readString(home.resolve("models/.svm.previous/version.txt"))).isEqualTo("svm-model-1");
  }

  @Test
  @DisplayName("refuses a model version that does not load with 422, the current model still serving and in place")
  void refusesABadModelVersion() throws IOException {
    HttpResponse<Buffer> upload = admin(HttpMethod.PUT, "/admin/detectors/svm/model", zip("readme.txt", "no model"));

    assertThat(upload.statusCode()).isEqualTo(422);
    assertThat(upload.bodyAsJsonObject().getString("detail")).contains("uploaded model rejected")
        .contains("cannot be created: no model in");
    assertThat(gateway.post(BASE + "/svm", LEGACY).bodyAsJsonObject().getString("method")).isEqualTo("svm-model-1");
    assertThat(Files.readString(home.resolve("models/svm/version.txt"))).isEqualTo("svm-model-1");
  }

  @Test
  @DisplayName("recreates a detector on request, picking up a model changed on disk")
  void reloadsADetector() throws IOException {
    Files.writeString(home.resolve("models/svm/version.txt"), "svm-model-3");

    HttpResponse<Buffer> reloaded = admin(HttpMethod.POST, "/admin/detectors/svm/reload", null);

    assertThat(reloaded.statusCode()).isEqualTo(200);
    assertThat(gateway.post(BASE + "/svm", LEGACY).bodyAsJsonObject().getString("method")).isEqualTo("svm-model-3");
    assertThat(admin(HttpMethod.POST, "/admin/detectors/nothing/reload", null).statusCode()).isEqualTo(404);
  }

  @Test
  @DisplayName("reloads every jar on request")
  void reloadsEveryJar() {
    HttpResponse<Buffer> reloaded = admin(HttpMethod.POST, "/admin/plugins/reload", null);

    assertThat(reloaded.statusCode()).isEqualTo(200);
    assertThat(reloaded.bodyAsJsonObject().getJsonArray("installed")).containsExactlyInAnyOrder("rule", "svm");
  }

  private HttpResponse<Buffer> admin(HttpMethod method, String path, Buffer body) {
    return gateway.send(method, path, body, MultiMap.caseInsensitiveMultiMap()
        .add(SecurityConfig.HEADER, ADMIN_KEY).add("Content-Type", "application/octet-stream"));
  }

  private static Buffer zip(String entry, String content) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      out.putNextEntry(new ZipEntry(entry));
      out.write(content.getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    return Buffer.buffer(bytes.toByteArray());
  }
}
