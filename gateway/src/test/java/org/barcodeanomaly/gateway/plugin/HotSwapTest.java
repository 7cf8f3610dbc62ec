package org.barcodeanomaly.gateway.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.barcodeanomaly.gateway.config.SecurityConfig;
import org.barcodeanomaly.gateway.detector.DetectorStatus;
import org.barcodeanomaly.gateway.testing.Await;
import org.barcodeanomaly.gateway.testing.RequestStream;
import org.barcodeanomaly.gateway.testing.RunningGateway;
import org.barcodeanomaly.pluginhost.testing.TestPlugin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
@DisplayName("Hot swap under a stream of requests")
class HotSwapTest {

  private static final String RULE = "/api/manager/export-and-analyze-async";
  private static final String LEGACY = RunningGateway.resource("legacy_request_example.json");
  private static final String ADMIN_KEY = "admin-key";
  /** The longest wait for a swap, a load failure or a request in flight before the test fails. */
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir
  Path home;
  @TempDir
  Path builds;

  private Path jar;
  private RunningGateway gateway;

  @BeforeEach
  void start(Vertx vertx) {
    jar = home.resolve("plugins/rule-plugin.jar");
    TestPlugin.of("rule").version("rule-1.0").delayMillis(1_500).writeTo(jar);
    gateway = RunningGateway.start(vertx, RunningGateway.testConfig(home).setWatchIntervalMs(100)
        .setSecurity(new SecurityConfig().setAdminKeys(List.of(ADMIN_KEY))));
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  @Test
  @DisplayName("switches to a new jar dropped into the directory with no request failing")
  void swapsADroppedJar() throws InterruptedException {
    RequestStream stream = RequestStream.start(gateway, RULE, LEGACY, 4);
    stream.awaitMore(50);

    TestPlugin.of("rule").version("rule-2.0").writeTo(jar);
    stream.awaitMethod("rule-2.0");
    stream.awaitMore(50);

    assertThat(stream.stop()).isEmpty();
    assertThat(stream.methods()).containsOnlyKeys("rule-1.0", "rule-2.0");
    assertThat(status().version()).isEqualTo("rule-2.0");
  }

  @Test
  @DisplayName("keeps the old detector serving when a corrupt jar replaces its file")
  void keepsServingThroughACorruptJar() throws InterruptedException, IOException {
    RequestStream stream = RequestStream.start(gateway, RULE, LEGACY, 4);
    stream.awaitMore(50);

    Files.write(jar, new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0});
    awaitLoadFailure("rule-plugin.jar");
    stream.awaitMore(50);

    assertThat(stream.stop()).isEmpty();
    assertThat(stream.methods()).containsOnlyKeys("rule-1.0");
    assertThat(status().version()).isEqualTo("rule-1.0");
    assertThat(gateway.gateway().plugins().failures().get(0).stage()).isEqualTo(LoadStage.JAR);
  }

  @Test
  @DisplayName("keeps the old detector serving when the new jar fails its self-test")
  void refusesAJarFailingItsSelfTest() throws InterruptedException {
    RequestStream stream = RequestStream.start(gateway, RULE, LEGACY, 4);
    stream.awaitMore(20);

    TestPlugin.of("rule").version("rule-2.0").wrongShape().writeTo(jar);
    awaitLoadFailure("rule");
    stream.awaitMore(20);

    assertThat(stream.stop()).isEmpty();
    assertThat(stream.methods()).containsOnlyKeys("rule-1.0");
    DetectorStatus status = status();
    assertThat(status.version()).isEqualTo("rule-1.0");
    assertThat(status.lastFailure()).contains("self-test failed on the bundled sample")
        .contains("the score table of file 1 has 32 rows for 33 events");
  }

  @Test
  @DisplayName("switches to a jar uploaded through the admin API with no request failing")
  void swapsAnUploadedJar() throws InterruptedException, IOException {
    Path next = TestPlugin.of("rule").version("rule-2.0").writeTo(builds.resolve("rule-plugin.jar"));
    RequestStream stream = RequestStream.start(gateway, RULE, LEGACY, 4);
    stream.awaitMore(50);

    HttpResponse<Buffer> upload = upload("rule-plugin.jar", next);
    stream.awaitMore(50);

    assertThat(upload.statusCode()).isEqualTo(200);
    assertThat(upload.bodyAsJsonObject().getJsonArray("installed")).containsExactly("rule");
    assertThat(stream.stop()).isEmpty();
    assertThat(stream.seen("rule-2.0")).isTrue();
    assertThat(Files.readAllBytes(jar)).isEqualTo(Files.readAllBytes(next));
  }

  @Test
  @DisplayName("lets a request in flight finish on the replaced detector, and serves the next with the new one")
  void drainsTheReplacedDetector() throws InterruptedException, IOException {
    JsonObject slowRequest = new JsonObject(LEGACY);
    slowRequest.getJsonArray("data").getJsonObject(0).put("epc_code", TestPlugin.SLOW_EPC);
    Future<HttpResponse<Buffer>> slow = gateway.sendAsync(HttpMethod.POST, RULE,
        Buffer.buffer(slowRequest.encode()), MultiMap.caseInsensitiveMultiMap());
    Await.until("the slow request is in flight on rule", WAIT, () -> status().inFlight() > 0);

    HttpResponse<Buffer> upload = upload("rule-plugin.jar",
        TestPlugin.of("rule").version("rule-2.0").writeTo(builds.resolve("rule-plugin.jar")));

    assertThat(upload.statusCode()).isEqualTo(200);
    assertThat(slow.isComplete()).isFalse();
    assertThat(gateway.post(RULE, LEGACY).bodyAsJsonObject().getString("method")).isEqualTo("rule-2.0");
    HttpResponse<Buffer> drained = RunningGateway.await(slow);
    assertThat(drained.statusCode()).isEqualTo(200);
    assertThat(drained.bodyAsJsonObject().getString("method")).isEqualTo("rule-1.0");
  }

  @Test
  @DisplayName("serves a plugin dropped in without its model once the model appears, and swaps in each new model version")
  void followsModelsWrittenIntoTheDirectory() throws InterruptedException, IOException {
    TestPlugin.of("svm").versionFromModel().writeTo(home.resolve("plugins/svm-plugin.jar"));
    awaitLoadFailure("svm");
    assertThat(gateway.post(RULE + "/svm", LEGACY).bodyAsJsonObject().getString("method")).isEqualTo("rule-based-fallback");

    Path model = Files.createDirectories(home.resolve("models/svm")).resolve("version.txt");
    Files.writeString(model, "svm-model-1");
    awaitVersion("svm", "svm-model-1");
    RequestStream stream = RequestStream.start(gateway, RULE + "/svm", LEGACY, 4);
    Files.writeString(model, "svm-model-2");
    stream.awaitMethod("svm-model-2");

    assertThat(stream.stop()).isEmpty();
    assertThat(stream.methods()).containsOnlyKeys("svm-model-1", "svm-model-2");
  }

  private void awaitVersion(String id, String version) {
    Await.until(id + " serves version " + version, WAIT,
        () -> gateway.gateway().registry().status(id).map(DetectorStatus::version).orElse("none"), version::equals);
  }

  private HttpResponse<Buffer> upload(String file, Path source) throws IOException {
    return gateway.send(HttpMethod.PUT, "/admin/plugins/" + file, Buffer.buffer(Files.readAllBytes(source)),
        MultiMap.caseInsensitiveMultiMap().add(SecurityConfig.HEADER, ADMIN_KEY)
            .add("Content-Type", "application/java-archive"));
  }

  private DetectorStatus status() {
    return gateway.gateway().registry().status("rule").orElseThrow();
  }

  private void awaitLoadFailure(String subject) {
    Await.until("a load failure of " + subject + " is recorded", WAIT, () -> gateway.gateway().plugins().failures(),
        failures -> failures.stream().anyMatch(failure -> failure.subject().equals(subject)));
  }
}
