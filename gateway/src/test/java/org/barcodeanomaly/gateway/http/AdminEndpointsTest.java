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
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.barcodeanomaly.gateway.config.LimitsConfig;
import org.barcodeanomaly.gateway.config.SecurityConfig;
import org.barcodeanomaly.gateway.testing.Await;
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

  @Test
  @DisplayName("refuses with 400 a small model archive that expands past limits.maxModelBytes, stopping at the limit"
      + " and leaving nothing behind, and one with more entries than limits.maxModelEntries")
  void refusesAModelArchiveBomb(Vertx vertx) throws IOException {
    gateway.close();
    gateway = RunningGateway.start(vertx, RunningGateway.testConfig(home)
        .setSecurity(new SecurityConfig().setAdminKeys(List.of(ADMIN_KEY)))
        .setLimits(new LimitsConfig().setMaxModelBytes(1 << 20).setMaxModelEntries(3)));
    ByteArrayOutputStream bomb = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bomb)) {
      out.putNextEntry(new ZipEntry("svm/version.txt"));
      out.write("svm-model-2".getBytes(StandardCharsets.UTF_8));
      out.putNextEntry(new ZipEntry("svm/weights.bin"));
      out.write(new byte[8 << 20]);
    }
    assertThat(bomb.size()).as("a small archive").isLessThan(64 << 10);

    HttpResponse<Buffer> upload = admin(HttpMethod.PUT, "/admin/detectors/svm/model", Buffer.buffer(bomb.toByteArray()));

    assertThat(upload.statusCode()).isEqualTo(400);
    assertThat(upload.bodyAsJsonObject().getString("detail")).isEqualTo("the model archive expands to more than this"
        + " server's limit of 1048576 bytes (limits.maxModelBytes)");
    try (var left = Files.list(home.resolve("models"))) {
      assertThat(left.map(path -> path.getFileName().toString())).containsExactly("svm");
    }
    assertThat(gateway.post(BASE + "/svm", LEGACY).bodyAsJsonObject().getString("method")).isEqualTo("svm-model-1");

    HttpResponse<Buffer> many = admin(HttpMethod.PUT, "/admin/detectors/svm/model",
        zip("svm/a", "1", "svm/b", "2", "svm/c", "3", "svm/version.txt", "svm-model-2"));
    assertThat(many.statusCode()).isEqualTo(400);
    assertThat(many.bodyAsJsonObject().getString("detail")).isEqualTo("the model archive holds 4 entries, more than"
        + " this server's limit of 3 (limits.maxModelEntries)");
  }

  @Test
  @DisplayName("refuses with 400, not 500, a model archive with two entries of the same name or for the same file")
  void refusesDuplicateModelEntries() throws IOException {
    byte[] twins = zip("svm/version.txt", "svm-model-2", "svm/versioX.txt", "svm-model-3").getBytes();
    String text = new String(twins, StandardCharsets.ISO_8859_1).replace("svm/versioX.txt", "svm/version.txt");

    HttpResponse<Buffer> sameName = admin(HttpMethod.PUT, "/admin/detectors/svm/model",
        Buffer.buffer(text.getBytes(StandardCharsets.ISO_8859_1)));
    assertThat(sameName.statusCode()).isEqualTo(400);
    assertThat(sameName.bodyAsJsonObject().getString("detail")).isEqualTo("the model archive holds two entries named"
        + " 'svm/version.txt': zip the model directory again");

    HttpResponse<Buffer> sameFile = admin(HttpMethod.PUT, "/admin/detectors/svm/model",
        zip("svm/version.txt", "svm-model-2", "svm/./version.txt", "svm-model-3"));
    assertThat(sameFile.statusCode()).isEqualTo(400);
    assertThat(sameFile.bodyAsJsonObject().getString("detail")).isEqualTo("the model archive holds two entries for"
        + " the file 'version.txt': zip the model directory again");
    assertThat(gateway.post(BASE + "/svm", LEGACY).bodyAsJsonObject().getString("method")).isEqualTo("svm-model-1");
  }

  @Test
  @DisplayName("answers 400, not 500, to deleting or uploading a jar whose name is longer than a file name can be")
  void refusesOverlongJarNames() {
    String name = "a".repeat(296) + ".jar";

    HttpResponse<Buffer> deleted = admin(HttpMethod.DELETE, "/admin/plugins/" + name, null);
    assertThat(deleted.statusCode()).isEqualTo(400);
    assertThat(deleted.bodyAsJsonObject().getString("detail")).isEqualTo("plugin file name of 300 characters is longer"
        + " than the limit of 200 (file systems refuse names over 255 bytes)");
    assertThat(admin(HttpMethod.PUT, "/admin/plugins/" + name, Buffer.buffer("x")).statusCode()).isEqualTo(400);
  }

  @Test
  @DisplayName("a client that disconnects in the middle of an upload is not logged as an internal error")
  void clientLeavingMidUploadIsNoIncident() throws IOException {
    List<LogRecord> records = new CopyOnWriteArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        records.add(record);
      }

      @Override
      public void flush() {
      }

      @Override
      public void close() {
      }
    };
    Logger logger = Logger.getLogger(ErrorResponses.class.getName());
    Level level = logger.getLevel();
    logger.setLevel(Level.FINE);
    logger.addHandler(capture);
    try {
      try (Socket client = new Socket("127.0.0.1", gateway.gateway().port())) {
        client.getOutputStream().write(("PUT /admin/plugins/half.jar HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + SecurityConfig.HEADER + ": " + ADMIN_KEY + "\r\nContent-Length: 1000000\r\n\r\nPK\u0003\u0004")
            .getBytes(StandardCharsets.ISO_8859_1));
        client.getOutputStream().flush();
      }
      Await.until("the gateway saw the client leave", Duration.ofSeconds(30),
          () -> records.stream().anyMatch(record -> record.getMessage().startsWith("event=client_disconnected")));
      assertThat(records).noneMatch(record -> record.getLevel().intValue() >= Level.WARNING.intValue());
    } finally {
      logger.removeHandler(capture);
      logger.setLevel(level);
    }
  }

  private HttpResponse<Buffer> admin(HttpMethod method, String path, Buffer body) {
    return gateway.send(method, path, body, MultiMap.caseInsensitiveMultiMap()
        .add(SecurityConfig.HEADER, ADMIN_KEY).add("Content-Type", "application/octet-stream"));
  }

  /** A zip of the entries and contents given in pairs: name, content, name, content... */
  private static Buffer zip(String... entriesAndContents) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (int i = 0; i < entriesAndContents.length; i += 2) {
        out.putNextEntry(new ZipEntry(entriesAndContents[i]));
        out.write(entriesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    return Buffer.buffer(bytes.toByteArray());
  }
}
