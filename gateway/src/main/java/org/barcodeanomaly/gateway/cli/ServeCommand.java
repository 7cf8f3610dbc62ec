package org.barcodeanomaly.gateway.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.barcodeanomaly.gateway.Gateway;
import org.barcodeanomaly.gateway.config.GatewayConfig;
import org.barcodeanomaly.gateway.http.GatewayVerticle;
import org.barcodeanomaly.gateway.log.LogSetup;
import org.barcodeanomaly.pluginhost.AnomalyHome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/anomaly serve}: runs the gateway until SIGTERM or SIGINT, then stops gracefully
 * (requests in flight finish first). With no option it serves 127.0.0.1:8080 with every plugin of
 * {@code <home>/plugins} and the models of {@code <home>/models}, where home is the
 * {@code anomaly.home} system property the launcher sets, else the working directory.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Runs the HTTP gateway: the contract endpoints, detector plugins with hot swap,"
        + " routing with fallback, Prometheus metrics. Stops gracefully on SIGTERM/SIGINT.",
        "Endpoints are documented at /openapi.json; the configuration in gateway/README.md"
        + " (example: gateway/config/gateway.example.json)."})
public final class ServeCommand implements Callable<Integer> {

  @Option(names = "--config", paramLabel = "FILE",
      description = "JSON configuration file; fields left out keep their defaults.")
  Path config;

  @Option(names = "--port", paramLabel = "P", description = "Port to listen on (default 8080; 0 = any free port).")
  Integer port;

  @Option(names = "--host", paramLabel = "ADDRESS",
      description = "Address to bind (default 127.0.0.1; any other needs API keys in the configuration).")
  String host;

  @Override
  public Integer call() throws Exception {
    LogSetup.install();
    GatewayConfig gatewayConfig = configuration();
    Gateway gateway = await(Gateway.start(gatewayConfig).toCompletionStage().toCompletableFuture()
        .orTimeout(60, TimeUnit.SECONDS));
    System.err.println("anomaly serve: listening on http://" + gatewayConfig.getHost() + ":" + gateway.port()
        + " (plugins " + gatewayConfig.getPluginsDir() + ", readiness at /ready, API at /openapi.json)");
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stopGracefully(gateway, stopped), "gateway-shutdown"));
    stopped.await();
    return 0;
  }

  /** The configuration the options describe: the file's (or the defaults), then --port and --host. */
  GatewayConfig configuration() throws IOException {
    Path home = AnomalyHome.home();
    GatewayConfig gatewayConfig = config == null ? new GatewayConfig(home) : GatewayConfig.load(config, home);
    if (port != null) {
      gatewayConfig.setPort(port);
    }
    if (host != null) {
      gatewayConfig.setHost(host);
    }
    return gatewayConfig;
  }

  private static void stopGracefully(Gateway gateway, CountDownLatch stopped) {
    // JDK logging may already be shut down by its own hook: report on stderr directly.
    System.err.println("anomaly serve: stopping; finishing the requests in flight");
    try {
      gateway.stop().toCompletionStage().toCompletableFuture()
          .get(GatewayVerticle.SHUTDOWN_GRACE_SECONDS + 10, TimeUnit.SECONDS);
      System.err.println("anomaly serve: stopped");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      System.err.println("anomaly serve: stopped with an error: " + e.getMessage());
    } finally {
      stopped.countDown();
    }
  }

  private static <T> T await(CompletableFuture<T> future) throws Exception {
    try {
      return future.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }
}
