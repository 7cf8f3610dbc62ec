package org.barcodeanomaly.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.barcodeanomaly.gateway.config.GatewayConfig;
import org.barcodeanomaly.gateway.config.LimitsConfig;
import org.barcodeanomaly.gateway.testing.Await;
import org.barcodeanomaly.gateway.testing.RunningGateway;
import org.barcodeanomaly.pluginhost.testing.TestPlugin;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What slow or numerous clients can hold of a real server on 127.0.0.1, through raw sockets: a
 * capped number of connections, for a bounded time each.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("Server connection limits")
class ServerLimitsTest {

  /** How long a socket read waits before the test calls the connection still open. */
  private static final int OPEN_PROBE_MS = 300;
  /** Longest wait for the server to close a connection it should close. */
  private static final int CLOSE_WAIT_MS = 20_000;

  @TempDir
  Path home;

  @Test
  @DisplayName("closes connections beyond limits.maxConnections as they arrive, and admits new ones once others close")
  void capsTheConnections(Vertx vertx) throws IOException {
    try (RunningGateway gateway = start(vertx, new LimitsConfig().setMaxConnections(3))) {
      List<Socket> held = new ArrayList<>();
      try {
        for (int i = 0; i < 3; i++) {
          held.add(open(gateway));
        }
        try (Socket refused = open(gateway)) {
          assertThat(readUntilClosed(refused, CLOSE_WAIT_MS)).as("the fourth connection is closed").isTrue();
        }
        for (Socket socket : held) {
          assertThat(stillOpen(socket)).as("the first three stay open").isTrue();
        }
        held.remove(0).close();
        Await.until("a connection closed makes room for a request", Duration.ofSeconds(30), () -> {
          try {
            return gateway.get("/health").statusCode() == 200;
          } catch (RuntimeException closedOnArrival) {
            return false;
          }
        });
      } finally {
        for (Socket socket : held) {
          socket.close();
        }
      }
    }
  }

  @Test
  @DisplayName("closes a connection whose first request's headers are not complete within limits.headerTimeoutMs")
  void closesSlowHeaders(Vertx vertx) throws IOException {
    try (RunningGateway gateway = start(vertx, new LimitsConfig().setHeaderTimeoutMs(500));
        Socket slow = open(gateway)) {
      slow.getOutputStream().write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: 1".getBytes(StandardCharsets.US_ASCII));
      slow.getOutputStream().flush();

      assertThat(readUntilClosed(slow, CLOSE_WAIT_MS)).isTrue();
    }
  }

  @Test
  @DisplayName("closes a kept-alive connection idle for limits.idleTimeoutMs")
  void closesIdleConnections(Vertx vertx) throws IOException {
    try (RunningGateway gateway = start(vertx, new LimitsConfig().setIdleTimeoutMs(500));
        Socket idle = open(gateway)) {
      idle.getOutputStream().write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      idle.getOutputStream().flush();

      assertThat(readUntilClosed(idle, CLOSE_WAIT_MS)).isTrue();
    }
  }

  private RunningGateway start(Vertx vertx, LimitsConfig limits) {
    TestPlugin.of("rule").writeTo(home.resolve("plugins/rule-plugin.jar"));
    GatewayConfig config = RunningGateway.testConfig(home).setLimits(limits);
    return RunningGateway.start(vertx, config);
  }

  private static Socket open(RunningGateway gateway) throws IOException {
    return new Socket("127.0.0.1", gateway.gateway().port());
  }

  /** Reads (and drops) what the server sends until it closes; false if it is still open after {@code waitMs}. */
  private static boolean readUntilClosed(Socket socket, int waitMs) throws IOException {
    socket.setSoTimeout(waitMs);
    InputStream in = socket.getInputStream();
    byte[] buffer = new byte[4096];
    try {
      while (true) {
        int read = in.read(buffer);
        if (read < 0) {
          return true;
        }
      }
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  private static boolean stillOpen(Socket socket) throws IOException {
    socket.setSoTimeout(OPEN_PROBE_MS);
    try {
      return socket.getInputStream().read() != -1;
    } catch (SocketTimeoutException e) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
