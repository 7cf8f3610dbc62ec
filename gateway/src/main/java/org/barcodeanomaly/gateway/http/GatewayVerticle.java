package org.barcodeanomaly.gateway.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP server instance on one event loop; several instances on the same port share the
 * connections. Stopping it is graceful: it stops accepting, lets requests in flight finish
 * (up to the grace period), then closes.
 */
public final class GatewayVerticle extends VerticleBase {

  /** How long requests in flight may take to finish when the server stops. */
  public static final long SHUTDOWN_GRACE_SECONDS = 30;

  private final GatewayServices services;
  private final int port;
  private HttpServer server;

  /**
   * A server for {@code services} on {@code port}: 0 for any free port, a negative number for a
   * free port shared by every instance of the deployment.
   */
  public GatewayVerticle(GatewayServices services, int port) {
    this.services = services;
    this.port = port;
  }

  @Override
  public Future<?> start() {
    return vertx.createHttpServer(new HttpServerOptions().setCompressionSupported(false))
        .requestHandler(GatewayRouter.create(services))
        .listen(port, services.config().getHost())
        .onSuccess(started -> server = started);
  }

  @Override
  public Future<?> stop() {
    return server == null ? Future.succeededFuture() : server.shutdown(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS);
  }

  /** The port bound. */
  public int actualPort() {
    return server.actualPort();
  }
}
