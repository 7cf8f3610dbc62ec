package org.barcodeanomaly.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.barcodeanomaly.gateway.testing.RunningGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The gateway with the real rule detector, loaded as a plugin from the rule-plugin module's
 * build output (its jar, or its classes jarred here when the build stopped before packaging).
 */
@ExtendWith(VertxExtension.class)
@DisplayName("The gateway with the real rule detector plugin")
class RuleDetectorEndToEndTest {

  private static final String BASE = "/api/manager/export-and-analyze-async";
  private static final String LEGACY = RunningGateway.resource("legacy_request_example.json");

  @TempDir
  Path home;

  private RunningGateway gateway;

  @BeforeEach
  void start(Vertx vertx) throws IOException {
    installRulePlugin(home.resolve("plugins/rule-plugin.jar"));
    gateway = RunningGateway.start(vertx, RunningGateway.testConfig(home));
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  @Test
  @DisplayName("passes its self-test and makes the gateway ready")
  void becomesReady() {
    assertThat(gateway.get("/ready").statusCode()).isEqualTo(200);
    assertThat(gateway.gateway().registry().status("rule").orElseThrow().version()).startsWith("rule-");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "/svm", "/lstm"})
  @DisplayName("answers the legacy request on every detection endpoint with the contract's fields")
  void answersTheLegacyRequest(String route) {
    HttpResponse<Buffer> response = gateway.post(BASE + route, LEGACY);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject body = response.bodyAsJsonObject();
    assertThat(body.fieldNames()).contains("fileId", "method", "EventHistory", "epcAnomalyStats", "fileAnomalyStats");
    assertThat(body.getLong("fileId")).isEqualTo(3);
    Set<String> epcDupToo = Set.of("evtOrderErr", "epcFake", "epcDup", "locErr");
    Set<String> locErrToo = Set.of("evtOrderErr", "epcFake", "locErr");
    assertThat(flaggedTypes(body)).as("types flagged per event by the rule plugin").containsExactly(
        entry(301L, Set.of("evtOrderErr", "epcFake")), entry(302L, epcDupToo), entry(303L, epcDupToo),
        entry(304L, locErrToo), entry(305L, locErrToo), entry(306L, locErrToo), entry(307L, locErrToo),
        entry(308L, locErrToo));
    String version = gateway.gateway().registry().status("rule").orElseThrow().version();
    assertThat(body.getString("method")).isEqualTo(route.isEmpty() ? version : "rule-based-fallback");
    assertThat(body.containsKey("warning")).isEqualTo(!route.isEmpty());
  }

  /** Per EventHistory entry, in order: its event id and the types it flags. */
  private static Map<Long, Set<String>> flaggedTypes(JsonObject body) {
    Map<Long, Set<String>> flagged = new LinkedHashMap<>();
    for (int i = 0; i < body.getJsonArray("EventHistory").size(); i++) {
      JsonObject entry = body.getJsonArray("EventHistory").getJsonObject(i);
      flagged.put(entry.getLong("eventId"), entry.fieldNames().stream()
          .filter(name -> !name.equals("eventId") && !name.endsWith("Score")).collect(Collectors.toSet()));
    }
    return flagged;
  }

  private static void installRulePlugin(Path target) throws IOException {
    String built = System.getProperty("rule.plugin.jar");
    assertThat(built).as("system property rule.plugin.jar, set by the gateway pom").isNotBlank();
    Path source = Path.of(built);
    Files.createDirectories(target.getParent());
    if (Files.isRegularFile(source)) {
      Files.copy(source, target);
      return;
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(source)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    try (OutputStream out = Files.newOutputStream(target); JarOutputStream jar = new JarOutputStream(out)) {
      for (Path file : files) {
        jar.putNextEntry(new JarEntry(source.relativize(file).toString().replace('\\', '/')));
        jar.write(Files.readAllBytes(file));
        jar.closeEntry();
      }
    }
  }
}
