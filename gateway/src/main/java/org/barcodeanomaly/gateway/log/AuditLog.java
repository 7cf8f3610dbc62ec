package org.barcodeanomaly.gateway.log;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.barcodeanomaly.api.contract.ContractResponse;
import org.barcodeanomaly.api.contract.FileResult;
import org.barcodeanomaly.api.event.AnomalyType;

/**
 * One {@code key=value} line per detection request on the {@code org.barcodeanomaly.gateway.audit}
 * logger: who asked which endpoint, which files, how many events and rejected items, what was
 * reported per type, which detector answered (and whether as a fallback), the status and the
 * latency. Events themselves are never logged.
 *
 * <p>At most {@code linesPerSecond} lines are written per second: at full load the audit log grew
 * about 6 GB an hour. Lines beyond are dropped and counted, and the first line of the next second
 * with room says how many ({@code event=audit_dropped dropped=N}), so the volume is bounded and
 * the gap is visible.
 */
public final class AuditLog {

  private static final Logger LOG = Logger.getLogger("org.barcodeanomaly.gateway.audit");

  private final boolean enabled;
  private final int linesPerSecond;
  private final LongSupplier clock;
  private final AtomicLong second = new AtomicLong(Long.MIN_VALUE);
  private final AtomicInteger written = new AtomicInteger();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong droppedTotal = new AtomicLong();

  /** An audit log that writes only when {@code enabled}, without a rate limit. */
  public AuditLog(boolean enabled) {
    this(enabled, Integer.MAX_VALUE, System::nanoTime);
  }

  /** An audit log that writes only when {@code enabled}, at most {@code linesPerSecond} lines a second. */
  public AuditLog(boolean enabled, int linesPerSecond) {
    this(enabled, linesPerSecond, System::nanoTime);
  }

  /** As {@link #AuditLog(boolean, int)}, with seconds counted on {@code clock} (nanoseconds; tests move time). */
  public AuditLog(boolean enabled, int linesPerSecond, LongSupplier clock) {
    this.enabled = enabled;
    this.linesPerSecond = linesPerSecond;
    this.clock = clock;
  }

  /** Lines dropped by the rate limit since the start. */
  public long droppedTotal() {
    return droppedTotal.get();
  }

  /** Whether a line may be written now; counts it, or counts it dropped. */
  private boolean admit() {
    long now = clock.getAsLong() / 1_000_000_000L;
    long current = second.get();
    if (now != current && second.compareAndSet(current, now)) {
      written.set(0);
      long gap = dropped.getAndSet(0);
      if (gap > 0) {
        written.incrementAndGet();
        LOG.info("event=audit_dropped dropped=" + gap + " limit=" + linesPerSecond
            + " hint=\"over limits.auditLinesPerSecond; the request metrics count every request\"");
      }
    }
    if (written.incrementAndGet() <= linesPerSecond) {
      return true;
    }
    dropped.incrementAndGet();
    droppedTotal.incrementAndGet();
    return false;
  }

  /** Logs an answered request. */
  public void answered(String endpoint, String client, String detector, ContractResponse response,
      int status, long nanos) {
    if (!enabled || !LOG.isLoggable(Level.INFO) || !admit()) {
      return;
    }
    StringBuilder line = start(endpoint, client, status, nanos)
        .append(" detector=").append(detector)
        .append(" method=").append(quoted(response.method()))
        .append(" fallback=").append(response.warning() != null)
        .append(" fileIds=").append(fileIds(response))
        .append(" events=").append(response.eventCount())
        .append(" rejected=").append(response.rejectedCount());
    for (AnomalyType type : AnomalyType.values()) {
      line.append(' ').append(type.contractName()).append('=').append(response.reportedCount(type));
    }
    LOG.info(line.toString());
  }

  /** Logs a request answered with an error. */
  public void refused(String endpoint, String client, int status, String detail, long nanos) {
    if (!enabled || !LOG.isLoggable(Level.INFO) || !admit()) {
      return;
    }
    LOG.info(start(endpoint, client, status, nanos).append(" detail=").append(quoted(detail)).toString());
  }

  private static StringBuilder start(String endpoint, String client, int status, long nanos) {
    return new StringBuilder(256).append("event=request endpoint=").append(endpoint)
        .append(" client=").append(client).append(" status=").append(status)
        .append(" latencyMs=").append(String.format("%.2f", nanos / 1e6));
  }

  private static String fileIds(ContractResponse response) {
    Set<Long> ids = new LinkedHashSet<>();
    for (FileResult file : response.files()) {
      ids.add(file.fileId());
    }
    return ids.toString().replace(" ", "");
  }

  private static String quoted(String text) {
    return text == null ? "-" : '"' + text.replace("\"", "'") + '"';
  }
}
