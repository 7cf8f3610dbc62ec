package org.barcodeanomaly.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The gateway configuration")
class GatewayConfigTest {

  private static final Path HOME = Path.of("/opt/anomaly");

  @Test
  @DisplayName("defaults to loopback:8080, plugins and models under home, svm and lstm falling back to rule")
  void hasDefaultsThatNeedNoFile() {
    GatewayConfig config = new GatewayConfig(HOME);

    assertThat(config.getHost()).isEqualTo("127.0.0.1");
    assertThat(config.getPort()).isEqualTo(8080);
    assertThat(config.getPluginsDir()).isEqualTo(HOME.resolve("plugins"));
    assertThat(config.getModelsDir()).isEqualTo(HOME.resolve("models"));
    assertThat(config.getRoutes().keySet()).containsExactly("rule", "svm", "lstm");
    assertThat(config.getRoutes().get("svm").getFallback()).containsExactly("rule");
    assertThat(config.getRoutes().get("rule").getFallback()).isEmpty();
    assertThat(config.getRequiredDetectors()).containsExactly("rule");
  }

  @Test
  @DisplayName("reads a file over the defaults, resolving paths against home and keeping unnamed routes")
  void readsJsonOverDefaults() {
    GatewayConfig config = GatewayConfig.fromJson(new JsonObject()
        .put("port", 9000).put("pluginsDir", "jars").put("localTimeZone", "Asia/Seoul")
        .put("security", new JsonObject().put("apiKeys", List.of("k1")))
        .put("detectors", new JsonObject().put("svm-next", new JsonObject().put("provider", "svm").put("modelsDir", "next")))
        .put("routes", new JsonObject().put("svm", new JsonObject()
            .put("targets", new JsonObject().put("svm", 90).put("svm-next", 10)).put("shadow", "lstm"))), HOME);

    assertThat(config.getPort()).isEqualTo(9000);
    assertThat(config.getPluginsDir()).isEqualTo(HOME.resolve("jars"));
    assertThat(config.getLocalTimeZone()).isEqualTo(ZoneId.of("Asia/Seoul"));
    assertThat(config.getSecurity().getApiKeys()).containsExactly("k1");
    assertThat(config.getDetectors().get("svm-next"))
        .isEqualTo(new DetectorSpec("svm-next", "svm", null, HOME.resolve("next"), Map.of()));
    RouteConfig svm = config.getRoutes().get("svm");
    assertThat(svm.getTargets()).containsExactly(Map.entry("svm", 90), Map.entry("svm-next", 10));
    assertThat(svm.getShadow()).isEqualTo("lstm");
    assertThat(svm.getFallback()).isEmpty();
    assertThat(config.getRoutes().get("lstm").getFallback()).containsExactly("rule");
  }

  @Test
  @DisplayName("refuses an unknown key, naming it and the keys it knows")
  void refusesUnknownKeys() {
    assertThatThrownBy(() -> GatewayConfig.fromJson(new JsonObject().put("prot", 9000), HOME))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown configuration key 'prot'; known keys here: auditLog, detectorThreads");
  }

  @Test
  @DisplayName("refuses a wrong value, naming the field, the value and what it must be")
  void refusesWrongValues() {
    assertThatThrownBy(() -> GatewayConfig.fromJson(new JsonObject()
        .put("limits", new JsonObject().put("maxEvents", "many")), HOME))
        .hasMessage("configuration field 'limits.maxEvents' must be a whole number from 1 to 2147483647, was \"many\"");
    assertThatThrownBy(() -> GatewayConfig.fromJson(new JsonObject()
        .put("routes", new JsonObject().put("svm", new JsonObject().put("targets", new JsonObject().put("svm", 0)))), HOME))
        .hasMessage("routes.svm.targets must give at least one detector a weight above 0, was {svm=0}");
  }

  @Test
  @DisplayName("refuses a file that is not JSON in one line, with Jackson's reason and the position")
  void refusesAFileThatIsNotJson(@TempDir Path directory) throws IOException {
    Path file = Files.writeString(directory.resolve("gateway.json"), "{\"port\": 9000,\n  oops}");

    assertThatThrownBy(() -> GatewayConfig.load(file, HOME))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("configuration file " + file + " is not a JSON object: Unexpected character ('o'")
        .hasMessageEndingWith("(line 2, column 3)")
        .hasMessageNotContaining("\n");
  }

  @Test
  @DisplayName("reads the documented example file")
  void readsTheExampleFile() throws IOException {
    GatewayConfig config = GatewayConfig.load(Path.of("config/gateway.example.json"), HOME);

    assertThat(config.getRoutes().get("svm").getTargets()).containsEntry("svm-next", 10);
    assertThat(config.getRoutes().get("lstm").getShadow()).isEqualTo("svm");
    assertThat(config.getSecurity().getAdminKeys()).containsExactly("change-me-admin-key");
  }

  @Test
  @DisplayName("adds the keys of security.apiKeysFile and adminKeysFile (one a line, comments and blanks skipped) to the inline ones")
  void readsKeysFromMountedFiles(@TempDir Path home) throws IOException {
    Files.createDirectories(home.resolve("keys"));
    Files.writeString(home.resolve("keys/api"), "# rotated 2026-12-01\nk-file-1\n\n  k-file-2  \n");
    Files.writeString(home.resolve("keys/admin"), "a-file\n");

    GatewayConfig config = GatewayConfig.fromJson(new JsonObject().put("security", new JsonObject()
        .put("apiKeys", List.of("k-inline")).put("apiKeysFile", "keys/api")
        .put("adminKeysFile", home.resolve("keys/admin").toString())), home);

    assertThat(config.getSecurity().getApiKeys()).containsExactly("k-inline", "k-file-1", "k-file-2");
    assertThat(config.getSecurity().getAdminKeys()).containsExactly("a-file");
  }

  @Test
  @DisplayName("refuses a key file that is missing or holds no key, naming the field and the file")
  void refusesAMissingOrEmptyKeyFile(@TempDir Path home) throws IOException {
    assertThatThrownBy(() -> GatewayConfig.fromJson(new JsonObject().put("security",
        new JsonObject().put("apiKeysFile", "keys/absent")), home))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'security.apiKeysFile'").hasMessageContaining("keys/absent")
        .hasMessageContaining("readable file");
    Files.writeString(home.resolve("empty"), "# no key yet\n\n");
    assertThatThrownBy(() -> GatewayConfig.fromJson(new JsonObject().put("security",
        new JsonObject().put("adminKeysFile", "empty")), home))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'security.adminKeysFile'").hasMessageContaining("holds none");
  }
}
