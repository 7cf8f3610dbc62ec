package org.barcodeanomaly.api.contract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.barcodeanomaly.api.event.ScanEvent;

/**
 * A read request: the events that were accepted, the items that were rejected, and the accepted
 * events grouped by file. Immutable.
 */
public final class ContractRequest {

  private final List<ScanEvent> events;
  private final List<RejectedEvent> rejected;
  private final List<FileBatch> files;

  /**
   * A request of {@code events} (in request order) and {@code rejected} items; the file batches
   * are derived from the events' file ids, in order of first appearance.
   */
  public ContractRequest(List<ScanEvent> events, List<RejectedEvent> rejected) {
    this.events = List.copyOf(events);
    this.rejected = List.copyOf(rejected);
    this.files = groupByFile(this.events);
  }

  /** The accepted events, in request order. */
  public List<ScanEvent> events() {
    return events;
  }

  /** The rejected items, in request order. */
  public List<RejectedEvent> rejected() {
    return rejected;
  }

  /** The accepted events grouped by {@code file_id}, in order of first appearance of each id. */
  public List<FileBatch> files() {
    return files;
  }

  private static List<FileBatch> groupByFile(List<ScanEvent> events) {
    Map<Long, List<ScanEvent>> byFile = new LinkedHashMap<>();
    for (ScanEvent event : events) {
      byFile.computeIfAbsent(event.fileId(), id -> new ArrayList<>()).add(event);
    }
    List<FileBatch> batches = new ArrayList<>(byFile.size());
    byFile.forEach((fileId, fileEvents) -> batches.add(new FileBatch(fileId, fileEvents)));
    return List.copyOf(batches);
  }
}
