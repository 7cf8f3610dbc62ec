package org.barcodeanomaly.evaluation.data;

import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.barcodeanomaly.api.event.AnomalyType;

/**
 * Where {@code event_id} and the five type columns sit in a labels or scores CSV, found by header
 * name, and how to read them with an error that names file, line, field and value.
 */
final class CsvColumns {

  static final String EVENT_ID = "event_id";

  private final Path file;
  private final int eventId;
  private final int[] types;

  private CsvColumns(Path file, int eventId, int[] types) {
    this.file = file;
    this.eventId = eventId;
    this.types = types;
  }

  /**
   * The columns of a header.
   *
   * @throws IllegalArgumentException naming the file and the missing column
   */
  static CsvColumns of(Path file, List<String> header) {
    int eventId = require(file, header, EVENT_ID);
    int[] types = new int[AnomalyType.COUNT];
    for (AnomalyType type : AnomalyType.values()) {
      types[type.ordinal()] = require(file, header, type.contractName());
    }
    return new CsvColumns(file, eventId, types);
  }

  /** The row's event id, or -1 after adding a problem when it is not a whole number. */
  long eventId(CSVRecord record, List<String> problems) {
    String value = record.size() > eventId ? record.get(eventId).trim() : "";
    try {
      long id = Long.parseLong(value);
      if (id >= 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // reported below with the value
    }
    problems.add(where(record) + EVENT_ID + ": '" + value + "' is not a non-negative whole number");
    return -1;
  }

  /** The raw text of a type's column, or an empty string when the row is too short. */
  String value(CSVRecord record, AnomalyType type) {
    int column = types[type.ordinal()];
    return record.size() > column ? record.get(column).trim() : "";
  }

  /** {@code file:line: } for a record's problems. */
  String where(CSVRecord record) {
    return file + ":" + (record.getRecordNumber() + 1) + ": ";
  }

  private static int require(Path file, List<String> header, String name) {
    int index = header.indexOf(name);
    if (index < 0) {
      throw new IllegalArgumentException(file + ": header has no '" + name + "' column; expected "
          + EVENT_ID + ",epcFake,epcDup,locErr,evtOrderErr,jump");
    }
    return index;
  }
}
