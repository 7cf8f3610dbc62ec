package org.barcodeanomaly.gateway.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.util.concurrent.TimeUnit;
import org.barcodeanomaly.gateway.config.LimitsConfig;

/**
 * One HTTP server instance on one event loop; several instances on the same port share the
 * connections, within the limits of a {@link ConnectionGuard} and an idle timeout
 * ({@code limits.idleTimeoutMs}). Stopping it is graceful: it stops accepting, lets requests in flight finish
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
    LimitsConfig limits = services.config().getLimits();
    // No HTTP/2 cleartext detection: with it a connection exists only once its first bytes have
    // arrived, so a client that connects and sends nothing would escape the connection guard.
    HttpServerOptions options = new HttpServerOptions().setCompressionSupported(false).setHttp2ClearTextEnabled(false)
        .setIdleTimeout((int) Math.min(Integer.MAX_VALUE, limits.getIdleTimeoutMs()))
        .setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
    Router router = GatewayRouter.create(services);
    ConnectionGuard guard = services.connections();
    return vertx.createHttpServer(options)
        .connectionHandler(connection -> guard.connected(vertx, connection))
        .requestHandler(request -> {
          guard.requestStarted(request.connection());
          router.handle(request);
        })
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
