package org.barcodeanomaly.gateway.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.barcodeanomaly.gateway.testing.Await;
import org.barcodeanomaly.gateway.testing.RunningGateway;
import org.barcodeanomaly.pluginhost.JarDirectoryWatch;
import org.barcodeanomaly.pluginhost.testing.TestPlugin;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugins directory that cannot be listed (gone, unreadable, or the process out of file
 * descriptors) is "not known", never "empty": a running gateway keeps every detector it serves.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("A plugins directory that cannot be listed")
class PluginDirectoryOutageTest {

  private static final String LEGACY = RunningGateway.resource("legacy_request_example.json");

  @TempDir
  Path home;

  @Test
  @DisplayName("keeps every detector serving while the watcher cannot list it, and after it is back")
  void keepsWhatServes(Vertx vertx) throws IOException, InterruptedException {
    TestPlugin.of("rule").writeTo(home.resolve("plugins/rule-plugin.jar"));
    TestPlugin.of("svm").writeTo(home.resolve("plugins/svm-plugin.jar"));
    List<String> warnings = new CopyOnWriteArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        warnings.add(record.getMessage());
      }

      @Override
      public void flush() {
      }

      @Override
      public void close() {
      }
    };
    Logger watchLog = Logger.getLogger(JarDirectoryWatch.class.getName());
    Level level = watchLog.getLevel();
    watchLog.setLevel(Level.INFO);
    watchLog.addHandler(capture);
    try (RunningGateway gateway = RunningGateway.start(vertx, RunningGateway.testConfig(home).setWatchIntervalMs(50))) {
      Files.move(home.resolve("plugins"), home.resolve("plugins-away"));
      Await.until("the watcher failed to list the directory", Duration.ofSeconds(30),
          () -> warnings.stream().anyMatch(message -> message.startsWith("event=plugins_dir_missing")));
      // About ten more looks at the missing directory: none may take a detector out of service.
      Thread.sleep(500);

      assertServing(gateway);
      Files.move(home.resolve("plugins-away"), home.resolve("plugins"));
      Await.until("the watcher read the directory again", Duration.ofSeconds(30),
          () -> warnings.stream().anyMatch(message -> message.startsWith("event=plugins_dir_readable_again")));
      assertServing(gateway);
    } finally {
      watchLog.removeHandler(capture);
      watchLog.setLevel(level);
    }
  }

  private static void assertServing(RunningGateway gateway) {
    JsonObject detectors = gateway.get("/api/detectors").bodyAsJsonObject();
    assertThat(detectors.getJsonArray("detectors").stream().map(JsonObject.class::cast)
        .filter(detector -> detector.getString("state").equals("SERVING")).map(detector -> detector.getString("id")))
        .containsExactlyInAnyOrder("rule", "svm");
    assertThat(gateway.post("/api/manager/export-and-analyze-async/svm", LEGACY).bodyAsJsonObject()
        .getString("method")).isEqualTo("svm-1.0");
    assertThat(gateway.get("/ready").statusCode()).isEqualTo(200);
  }
}
