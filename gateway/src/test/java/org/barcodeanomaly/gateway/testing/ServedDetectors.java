package org.barcodeanomaly.gateway.testing;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.barcodeanomaly.gateway.config.GatewayConfig;
import org.barcodeanomaly.gateway.detector.DetectorState;

/**
 * A gateway serving the product's real detectors — rule, SVM and LSTM — from the shaded plugin
 * jars that {@code package} writes to the plugins directory, with the bundled models: what an
 * analyst compares. The jars are copied to the test's own home, so the build's copies stay free.
 */
public final class ServedDetectors {

  /** The detectors served, in the order the gateway lists them. */
  public static final List<String> IDS = List.of("lstm", "rule", "svm");

  private ServedDetectors() {
  }

  /** The test configuration over {@code home}, with the real plugins copied into it. */
  public static GatewayConfig config(Path home, List<String> ids) throws IOException {
    Path built = Path.of(System.getProperty("plugins.dir", "plugins"));
    Path plugins = Files.createDirectories(home.resolve("plugins"));
    for (String id : ids) {
      Path jar = built.resolve(id + "-plugin.jar");
      if (!Files.isRegularFile(jar)) {
        throw new IllegalStateException("no " + jar + ": build the shaded plugins first with"
            + " `mvn -B -ntp -o -pl gateway -am package -DskipTests`");
      }
      Files.copy(jar, plugins.resolve(jar.getFileName()));
    }
    return RunningGateway.testConfig(home)
        .setModelsDir(Path.of(System.getProperty("bundled.models.dir", "models")).toAbsolutePath())
        .setRequiredDetectors(ids);
  }

  /** Starts {@code config} and waits until every detector of {@code ids} serves. */
  public static RunningGateway start(Vertx client, GatewayConfig config, List<String> ids) {
    RunningGateway gateway = RunningGateway.start(client, config);
    Await.until("every real detector serves", Duration.ofSeconds(60), () -> ids.stream().allMatch(id ->
        gateway.gateway().registry().status(id).map(s -> s.state() == DetectorState.SERVING).orElse(false)));
    return gateway;
  }
}
