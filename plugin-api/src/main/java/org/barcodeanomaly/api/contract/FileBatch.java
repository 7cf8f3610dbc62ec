package org.barcodeanomaly.api.contract;

import java.util.List;
import org.barcodeanomaly.api.event.ScanEvent;

/**
 * The accepted events of one {@code file_id} of a request, in request order. Each batch is scored
 * on its own, as the contract requires.
 *
 * @param fileId the batch's {@code file_id}
 * @param events its events, in request order; never empty when built by the reader; read-only
 */
public record FileBatch(long fileId, List<ScanEvent> events) {

  /** Takes a read-only copy of {@code events}. */
  public FileBatch {
    events = List.copyOf(events);
  }
}
