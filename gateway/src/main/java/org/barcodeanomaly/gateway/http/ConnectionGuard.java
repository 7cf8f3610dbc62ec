package org.barcodeanomaly.gateway.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.barcodeanomaly.gateway.config.LimitsConfig;

/**
 * Keeps clients from holding the server's connections: at most {@code limits.maxConnections}
 * are open at once across every server instance (beyond, a new connection is closed as it
 * arrives), and a connection that has not sent its first request's headers within
 * {@code limits.headerTimeoutMs} is closed (a slow client dripping header bytes would otherwise
 * hold it forever). 1,100 idle connections once exhausted the process's 1,024 file descriptors
 * and made the plugins directory unreadable; no key is needed to open a connection.
 *
 * <p>Thread-safe: shared by every server instance of a gateway.
 */
public final class ConnectionGuard {

  private static final Logger LOG = Logger.getLogger(ConnectionGuard.class.getName());
  private static final long REFUSAL_LOG_INTERVAL_NANOS = 10_000_000_000L;

  private final int maxConnections;
  private final long headerTimeoutMs;
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong lastRefusalLog = new AtomicLong(Long.MIN_VALUE);
  private final Set<HttpConnection> awaitingHeaders = ConcurrentHashMap.newKeySet();

  /** A guard within {@code limits}. */
  public ConnectionGuard(LimitsConfig limits) {
    this.maxConnections = limits.getMaxConnections();
    this.headerTimeoutMs = limits.getHeaderTimeoutMs();
  }

  /** Admits or closes a new connection; an admitted one must send its headers in time. */
  void connected(Vertx vertx, HttpConnection connection) {
    if (open.incrementAndGet() > maxConnections) {
      open.decrementAndGet();
      refused.incrementAndGet();
      logRefusal();
      connection.close();
      return;
    }
    awaitingHeaders.add(connection);
    connection.closeHandler(closed -> {
      open.decrementAndGet();
      awaitingHeaders.remove(connection);
    });
    vertx.setTimer(headerTimeoutMs, fired -> {
      if (awaitingHeaders.remove(connection)) {
        connection.close();
      }
    });
  }

  /** The headers of a request arrived on {@code connection}. */
  void requestStarted(HttpConnection connection) {
    awaitingHeaders.remove(connection);
  }

  /** Connections open now. */
  public int open() {
    return open.get();
  }

  /** Connections closed on arrival because {@code maxConnections} were open. */
  public long refused() {
    return refused.get();
  }

  private void logRefusal() {
    long now = System.nanoTime();
    long last = lastRefusalLog.get();
    if ((last == Long.MIN_VALUE || now - last >= REFUSAL_LOG_INTERVAL_NANOS) && lastRefusalLog.compareAndSet(last, now)) {
      LOG.warning(() -> "event=connection_refused open=" + open.get() + " limit=" + maxConnections
          + " refusedSoFar=" + refused.get() + " hint=\"raise limits.maxConnections (and the open-file limit)"
          + " if these clients are legitimate\"");
    }
  }
}
