package org.barcodeanomaly.gateway.testing;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.barcodeanomaly.gateway.Gateway;
import org.barcodeanomaly.gateway.config.GatewayConfig;

/**
 * A gateway started on a random loopback port for one test, with a web client (on the test's
 * own Vert.x instance) and blocking helpers, so that tests read top to bottom.
 */
public final class RunningGateway implements AutoCloseable {

  private final Gateway gateway;
  private final WebClient client;

  private RunningGateway(Gateway gateway, WebClient client) {
    this.gateway = gateway;
    this.client = client;
  }

  /** The configuration tests start from: random port, one server instance, no directory watching. */
  public static GatewayConfig testConfig(Path home) {
    return new GatewayConfig(home).setPort(0).setServerInstances(1).setDetectorThreads(2)
        .setWatchIntervalMs(0);
  }

  /** Starts a gateway with {@code config} and waits for its first plugin load. */
  public static RunningGateway start(Vertx clientVertx, GatewayConfig config) {
    Gateway gateway = await(Gateway.start(config));
    await(gateway.pluginsLoaded());
    WebClient client = WebClient.create(clientVertx, new WebClientOptions()
        .setDefaultHost("127.0.0.1").setDefaultPort(gateway.port()));
    return new RunningGateway(gateway, client);
  }

  /** The gateway. */
  public Gateway gateway() {
    return gateway;
  }

  /** POSTs {@code body} as JSON. */
  public HttpResponse<Buffer> post(String path, String body) {
    return send(HttpMethod.POST, path, Buffer.buffer(body), MultiMap.caseInsensitiveMultiMap());
  }

  /** Sends a request and waits for the answer. */
  public HttpResponse<Buffer> send(HttpMethod method, String path, Buffer body, MultiMap headers) {
    return await(sendAsync(method, path, body, headers));
  }

  /** Sends a request. */
  public Future<HttpResponse<Buffer>> sendAsync(HttpMethod method, String path, Buffer body, MultiMap headers) {
    var request = client.request(method, path).putHeaders(headers);
    if (body == null) {
      return request.send();
    }
    if (!headers.contains("Content-Type")) {
      request.putHeader("Content-Type", "application/json");
    }
    return request.sendBuffer(body);
  }

  /** GETs {@code path}. */
  public HttpResponse<Buffer> get(String path) {
    return send(HttpMethod.GET, path, null, MultiMap.caseInsensitiveMultiMap());
  }

  /** A test resource as text. */
  public static String resource(String name) {
    try (InputStream in = RunningGateway.class.getResourceAsStream("/org/barcodeanomaly/gateway/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits up to 60 seconds for {@code future}. */
  public static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("no answer within 60 s", e);
    }
  }

  /** Stops the gateway (gracefully: answers in flight still reach the client), then the client. */
  @Override
  public void close() {
    await(gateway.stop());
    client.close();
  }
}
