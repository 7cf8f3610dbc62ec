package org.barcodeanomaly.gateway;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.barcodeanomaly.api.contract.ContractRequestReader;
import org.barcodeanomaly.api.contract.ContractResponseWriter;
import org.barcodeanomaly.gateway.config.GatewayConfig;
import org.barcodeanomaly.gateway.detector.DetectorRegistry;
import org.barcodeanomaly.gateway.detector.SelfTest;
import org.barcodeanomaly.gateway.http.ConnectionGuard;
import org.barcodeanomaly.gateway.http.GatewayServices;
import org.barcodeanomaly.gateway.http.GatewayVerticle;
import org.barcodeanomaly.gateway.log.AuditLog;
import org.barcodeanomaly.gateway.log.RateLimitedLog;
import org.barcodeanomaly.gateway.metrics.GatewayMetrics;
import org.barcodeanomaly.gateway.plugin.PluginChange;
import org.barcodeanomaly.gateway.plugin.PluginManager;
import org.barcodeanomaly.gateway.plugin.PluginManagerOptions;
import org.barcodeanomaly.gateway.routing.DetectorRouter;
import org.barcodeanomaly.gateway.routing.ScoringExecutor;

/**
 * A running gateway: its own Vert.x instance (with Micrometer metrics behind {@code /metrics}),
 * the HTTP servers, the plugin manager and the detectors it serves. {@link #start} refuses a
 * non-loopback address without API keys; {@link #stop} is graceful: the servers stop accepting
 * and finish the requests in flight before detectors and plugins are closed.
 */
public final class Gateway {

  private static final Logger LOG = Logger.getLogger(Gateway.class.getName());
  /** How long a detector's self-test and warm-up may take before it is refused. */
  private static final long SELF_TEST_TIMEOUT_MS = 120_000;

  private final Vertx vertx;
  private final GatewayServices services;
  private final ScoringExecutor scoring;
  private final Future<PluginChange> firstLoad;
  private int port;

  private Gateway(Vertx vertx, GatewayServices services, ScoringExecutor scoring,
      Future<PluginChange> firstLoad) {
    this.vertx = vertx;
    this.services = services;
    this.scoring = scoring;
    this.firstLoad = firstLoad;
  }

  /**
   * Starts a gateway. The future completes once the servers listen; plugins keep loading in the
   * background ({@link #pluginsLoaded()}, {@code /ready}).
   *
   * @throws IllegalArgumentException when the address is not loopback and no API key is configured
   */
  public static Future<Gateway> start(GatewayConfig config) {
    refuseOpenBinding(config);
    PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Vertx vertx = Vertx.builder()
        .with(new VertxOptions().setMetricsOptions(
            new MicrometerMetricsOptions().setEnabled(true).setJvmMetricsEnabled(true)))
        .withMetrics(new MicrometerMetricsFactory(prometheus))
        .build();
    DetectorRegistry registry = new DetectorRegistry();
    GatewayMetrics metrics = new GatewayMetrics(prometheus, registry);
    // An OutOfMemoryError thrown in a handler on an event loop reaches no failure handler.
    RateLimitedLog unhandled = new RateLimitedLog(LOG);
    vertx.exceptionHandler(failure -> {
      metrics.failure(failure);
      unhandled.log(Level.SEVERE, failure.getClass().getName(), "event=unhandled_exception", failure);
    });
    PluginManager plugins = new PluginManager(PluginManagerOptions.of(config), registry,
        SelfTest.bundled(SELF_TEST_TIMEOUT_MS), metrics);
    ScoringExecutor scoring = new ScoringExecutor(vertx, registry, metrics, config.getDetectorThreads());
    DetectorRouter router = new DetectorRouter(config.getRoutes(), registry, scoring, metrics);
    GatewayServices services = new GatewayServices(vertx, config, registry, plugins, router, metrics,
        prometheus, new ContractRequestReader(config.contractOptions()), new ContractResponseWriter(),
        new AuditLog(config.isAuditLog(), config.getLimits().getAuditLinesPerSecond()),
        new ConnectionGuard(config.getLimits()));
    Future<PluginChange> firstLoad = Future.fromCompletionStage(plugins.start(), vertx.getOrCreateContext());
    Gateway gateway = new Gateway(vertx, services, scoring, firstLoad);
    return gateway.deploy().recover(deployFailure -> {
      Throwable failure = explainStartFailure(deployFailure, config);
      // Report the failure before stopping: listeners of a future bound to this Vert.x instance
      // could no longer run once it is closed.
      LOG.severe(() -> "event=gateway_start_failed reason=\"" + failure.getMessage() + "\"");
      gateway.stop();
      return Future.failedFuture(failure);
    });
  }

  /** The socket's "Address already in use" names no address; the user needs to know which one. */
  private static Throwable explainStartFailure(Throwable failure, GatewayConfig config) {
    String reason = String.valueOf(failure.getMessage());
    if (!(failure instanceof BindException) && !reason.contains("already in use")) {
      return failure;
    }
    BindException explained = new BindException("cannot listen on " + config.getHost() + ":" + config.getPort()
        + ": " + reason + "; another process holds that port: stop it, or choose another with --port");
    explained.initCause(failure);
    return explained;
  }

  private Future<Gateway> deploy() {
    GatewayConfig config = services.config();
    // Port 0 would give each server instance a port of its own; Vert.x shares one random port
    // between the instances of a negative one.
    int bindPort = config.getPort() == 0 ? -1 : config.getPort();
    List<GatewayVerticle> servers = new CopyOnWriteArrayList<>();
    return vertx.deployVerticle(() -> {
      GatewayVerticle server = new GatewayVerticle(services, bindPort);
      servers.add(server);
      return server;
    }, new DeploymentOptions().setInstances(config.getServerInstances())).map(ignored -> {
      port = servers.get(0).actualPort();
      LOG.info(() -> "event=gateway_listening host=" + config.getHost() + " port=" + port
          + " serverInstances=" + servers.size() + " pluginsDir=" + config.getPluginsDir()
          + " modelsDir=" + config.getModelsDir());
      return this;
    });
  }

  private static void refuseOpenBinding(GatewayConfig config) {
    if (!config.getSecurity().getApiKeys().isEmpty()) {
      return;
    }
    boolean loopback;
    try {
      loopback = InetAddress.getByName(config.getHost()).isLoopbackAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("host '" + config.getHost() + "' cannot be resolved: " + e.getMessage());
    }
    if (!loopback) {
      throw new IllegalArgumentException("refusing to serve on " + config.getHost()
          + " without API keys: anyone who can reach that address could use the detectors."
          + " Set security.apiKeys in the configuration file (--config), or bind 127.0.0.1");
    }
  }

  /** The port the servers listen on. */
  public int port() {
    return port;
  }

  /** Completes when the first plugin load is done (failures included). */
  public Future<PluginChange> pluginsLoaded() {
    return firstLoad;
  }

  /** The plugin manager. */
  public PluginManager plugins() {
    return services.plugins();
  }

  /** The detectors in service. */
  public DetectorRegistry registry() {
    return services.registry();
  }

  /** The gateway's Vert.x instance. */
  public Vertx vertx() {
    return vertx;
  }

  /**
   * Stops gracefully: the servers stop accepting and finish the requests in flight, then the
   * detectors and plugins are closed and Vert.x stops.
   */
  public Future<Void> stop() {
    return vertx.deploymentIDs().isEmpty() ? closeRest()
        : Future.join(vertx.deploymentIDs().stream().map(vertx::undeploy).toList())
            .transform(ignored -> closeRest());
  }

  private Future<Void> closeRest() {
    scoring.close();
    services.plugins().close();
    return vertx.close();
  }
}
