package org.barcodeanomaly.gateway.log;

import java.util.LinkedHashSet;
import java.util.Set;
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
 */
public final class AuditLog {

  private static final Logger LOG = Logger.getLogger("org.barcodeanomaly.gateway.audit");

  private final boolean enabled;

  /** An audit log that writes only when {@code enabled}. */
  public AuditLog(boolean enabled) {
    this.enabled = enabled;
  }

  /** Logs an answered request. */
  public void answered(String endpoint, String client, String detector, ContractResponse response,
      int status, long nanos) {
    if (!enabled || !LOG.isLoggable(Level.INFO)) {
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
    if (!enabled || !LOG.isLoggable(Level.INFO)) {
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
