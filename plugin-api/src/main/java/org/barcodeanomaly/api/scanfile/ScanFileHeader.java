package org.barcodeanomaly.api.scanfile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a file's header puts the columns the reader needs. Columns are found by name, so their
 * order does not matter and extra columns are tolerated; a missing required column or a name
 * given twice makes the whole file unreadable.
 */
final class ScanFileHeader {

  /** Column index of a column the header does not have. */
  static final int ABSENT = -1;

  private static final char BYTE_ORDER_MARK = '\uFEFF';

  final int columnCount;
  final int eventId;
  final int epcCode;
  final int locationId;
  final int businessStep;
  final int eventType;
  final int eventTime;
  final int manufactureDate;
  final List<String> unknownColumns;

  private ScanFileHeader(Map<String, Integer> indexByName, int columnCount, List<String> unknownColumns) {
    this.columnCount = columnCount;
    this.eventId = indexByName.getOrDefault(ScanFileColumns.EVENT_ID, ABSENT);
    this.epcCode = indexByName.get(ScanFileColumns.EPC_CODE);
    this.locationId = indexByName.get(ScanFileColumns.LOCATION_ID);
    this.businessStep = indexByName.get(ScanFileColumns.BUSINESS_STEP);
    this.eventType = indexByName.get(ScanFileColumns.EVENT_TYPE);
    this.eventTime = indexByName.get(ScanFileColumns.EVENT_TIME);
    this.manufactureDate = indexByName.getOrDefault(ScanFileColumns.MANUFACTURE_DATE, ABSENT);
    this.unknownColumns = List.copyOf(unknownColumns);
  }

  /**
   * Reads the header row of {@code file}.
   *
   * @param line the first line, or {@code null} when the file is empty
   * @throws ScanFileFormatException naming the missing or repeated column
   */
  static ScanFileHeader parse(Path file, String line) throws ScanFileFormatException {
    if (line == null || line.isBlank()) {
      throw new ScanFileFormatException(file, "no header row: the first line must name the "
          + "tab-separated columns, e.g. " + String.join(", ", ScanFileColumns.CANONICAL_COLUMNS));
    }
    String header = line.charAt(0) == BYTE_ORDER_MARK ? line.substring(1) : line;
    String[] names = header.split("\t", -1);
    Map<String, Integer> indexByName = new HashMap<>();
    List<String> unknown = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      String name = names[i].trim();
      Integer earlier = indexByName.putIfAbsent(name, i);
      if (earlier != null) {
        throw new ScanFileFormatException(file, "column '" + name + "' appears twice in the header"
            + " (columns " + (earlier + 1) + " and " + (i + 1) + "): keep one of them");
      }
      if (!ScanFileColumns.isKnown(name)) {
        unknown.add(name);
      }
    }
    for (String required : ScanFileColumns.CANONICAL_COLUMNS) {
      if (ScanFileColumns.REQUIRED_COLUMNS.contains(required) && !indexByName.containsKey(required)) {
        throw new ScanFileFormatException(file, "the header has no column '" + required + "'; "
            + "required are " + String.join(", ", ScanFileColumns.REQUIRED_COLUMNS.stream().sorted().toList())
            + " (found by name, in any order), found " + String.join(", ", names));
      }
    }
    return new ScanFileHeader(indexByName, names.length, unknown);
  }

  /** Whether ids come from an {@code event_id} column rather than from row numbers. */
  boolean hasEventIds() {
    return eventId != ABSENT;
  }
}
