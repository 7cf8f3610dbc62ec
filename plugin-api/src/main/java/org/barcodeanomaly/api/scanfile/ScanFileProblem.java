package org.barcodeanomaly.api.scanfile;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A row of a scan file that could not be read as an event. Rows are never dropped silently: the
 * reader hands each bad row to the caller as one of these, and goes on with the next row.
 *
 * @param file   the file
 * @param line   the row's line number in the file (the header is line 1)
 * @param field  the column that could not be read, or {@value #ROW} when the row has the wrong
 *               number of values
 * @param reason what is wrong, quoting the value and what was expected
 */
public record ScanFileProblem(Path file, long line, String field, String reason) {

  /** The {@link #field} of a row with the wrong number of values. */
  public static final String ROW = "row";

  /** Checks that every component is given. */
  public ScanFileProblem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(reason, "reason");
  }

  /** One line for a log or a terminal: {@code icn.csv:12: event_time: 'x' is not a readable time ...}. */
  public String message() {
    return file + ":" + line + ": " + field + ": " + reason;
  }
}
