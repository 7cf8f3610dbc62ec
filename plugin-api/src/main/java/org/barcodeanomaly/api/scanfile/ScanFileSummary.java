package org.barcodeanomaly.api.scanfile;

import java.nio.file.Path;
import java.util.List;

/**
 * What reading one scan file gave: how many rows, events and problems, and how its header was
 * understood, so a caller can show what was read and what was not.
 *
 * @param file           the file
 * @param fileId         the file id its events carry
 * @param rows           data rows (lines after the header)
 * @param events         rows read as events
 * @param problems       rows reported as {@link ScanFileProblem}s; {@code events + problems == rows}
 * @param hasEventIds    whether the file has an {@code event_id} column (else ids are row numbers)
 * @param unknownColumns header columns that are neither canonical nor known extras; their values
 *                       were not read
 */
public record ScanFileSummary(Path file, long fileId, long rows, long events, long problems,
    boolean hasEventIds, List<String> unknownColumns) {

  /** Takes a read-only copy of the unknown columns. */
  public ScanFileSummary {
    unknownColumns = List.copyOf(unknownColumns);
  }
}
