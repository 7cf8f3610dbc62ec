package org.barcodeanomaly.api.scanfile;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import org.barcodeanomaly.api.event.ScanEvent;
import org.barcodeanomaly.api.time.EventTimeFormat;

/**
 * Turns one data row into a {@link ScanEvent}, or says which field made it unreadable.
 *
 * <p>Built for a million rows a second: the row is split on tabs by hand into offsets, numbers and
 * times are read in place, and values that repeat from row to row (step and type names, the
 * batch timestamps) are shared instead of being cut out again. One parser per file; not
 * thread-safe.
 */
final class ScanRowParser {

  private static final int MAX_LONG_DIGITS = 18;
  private static final int MAX_INT_DIGITS = 9;

  private final Path file;
  private final long fileId;
  private final ScanFileHeader header;
  private final EventTimeFormat times;
  private final int[] starts;
  private final int[] ends;
  private final RepeatedValues steps = new RepeatedValues();
  private final RepeatedValues types = new RepeatedValues();
  private final RepeatedTime eventTimes = new RepeatedTime();
  private final RepeatedTime manufactureTimes = new RepeatedTime();

  private String problemField;
  private String problemReason;

  ScanRowParser(Path file, long fileId, ScanFileHeader header, EventTimeFormat times) {
    this.file = file;
    this.fileId = fileId;
    this.header = header;
    this.times = times;
    this.starts = new int[header.columnCount];
    this.ends = new int[header.columnCount];
  }

  /**
   * The event of {@code line}, or {@code null} when a field cannot be read; then
   * {@link #problem(long)} says which.
   *
   * @param dataRow the row's 1-based number among the data rows: its id when the file has none
   */
  ScanEvent parse(String line, long dataRow) {
    problemField = null;
    if (!split(line)) {
      return null;
    }
    long eventId = header.hasEventIds() ? wholeNumber(line, header.eventId, ScanFileColumns.EVENT_ID,
        MAX_LONG_DIGITS) : dataRow;
    long locationId = wholeNumber(line, header.locationId, ScanFileColumns.LOCATION_ID, MAX_INT_DIGITS);
    Instant eventTime = time(line, header.eventTime, ScanFileColumns.EVENT_TIME, eventTimes);
    Instant manufactureTime = header.manufactureDate == ScanFileHeader.ABSENT ? null
        : time(line, header.manufactureDate, ScanFileColumns.MANUFACTURE_DATE, manufactureTimes);
    if (problemField != null) {
      return null;
    }
    return new ScanEvent(eventId, fileId, value(line, header.epcCode), (int) locationId,
        steps.get(line, starts[header.businessStep], ends[header.businessStep]),
        types.get(line, starts[header.eventType], ends[header.eventType]), eventTime, manufactureTime);
  }

  /** The problem of the last row {@link #parse} refused. */
  ScanFileProblem problem(long lineNumber) {
    return new ScanFileProblem(file, lineNumber, problemField, problemReason);
  }

  /** Records each column's offsets; false (with a problem) when the row has the wrong number of values. */
  private boolean split(String line) {
    int start = 0;
    int last = header.columnCount - 1;
    for (int column = 0; column < last; column++) {
      int tab = line.indexOf('\t', start);
      if (tab < 0) {
        return wrongValueCount(line);
      }
      starts[column] = start;
      ends[column] = tab;
      start = tab + 1;
    }
    if (line.indexOf('\t', start) >= 0) {
      return wrongValueCount(line);
    }
    starts[last] = start;
    ends[last] = line.length();
    return true;
  }

  private boolean wrongValueCount(String line) {
    long values = line.isEmpty() ? 0 : line.chars().filter(c -> c == '\t').count() + 1;
    fail(ScanFileProblem.ROW, "expected " + header.columnCount + " tab-separated values as in the header, found "
        + (values == 0 ? "an empty line" : values + " values"));
    return false;
  }

  /** A non-negative whole number of at most {@code maxDigits} digits, read in place. */
  private long wholeNumber(String line, int column, String field, int maxDigits) {
    int start = starts[column];
    int end = ends[column];
    long value = 0;
    boolean digitsOnly = end > start && end - start <= maxDigits;
    for (int i = start; digitsOnly && i < end; i++) {
      char c = line.charAt(i);
      digitsOnly = c >= '0' && c <= '9';
      value = value * 10 + (c - '0');
    }
    if (!digitsOnly) {
      fail(field, "'" + line.substring(start, end) + "' is not a whole number of 1 to " + maxDigits + " digits");
    }
    return value;
  }

  private Instant time(String line, int column, String field, RepeatedTime cache) {
    try {
      return cache.get(times, line, starts[column], ends[column]);
    } catch (DateTimeException e) {
      fail(field, e.getMessage());
      return null;
    }
  }

  private String value(String line, int column) {
    return line.substring(starts[column], ends[column]);
  }

  /** Keeps the first problem of the row: the one its reader is told about. */
  private void fail(String field, String reason) {
    if (problemField == null) {
      problemField = field;
      problemReason = reason;
    }
  }

  /** The few distinct names of a column (steps, types), shared instead of cut out of every row. */
  private static final class RepeatedValues {
    private static final int CAPACITY = 32;
    private final String[] seen = new String[CAPACITY];
    private int count;

    String get(String line, int start, int end) {
      int length = end - start;
      for (int i = 0; i < count; i++) {
        String value = seen[i];
        if (value.length() == length && line.regionMatches(start, value, 0, length)) {
          return value;
        }
      }
      String value = line.substring(start, end);
      if (count < CAPACITY) {
        seen[count++] = value;
      }
      return value;
    }
  }

  /** The previous row's time of a column: items move in batches, so the next row often repeats it. */
  private static final class RepeatedTime {
    private String line;
    private int start;
    private int end;
    private Instant time;

    Instant get(EventTimeFormat times, String text, int from, int to) {
      int length = to - from;
      if (time != null && end - start == length && text.regionMatches(from, line, start, length)) {
        return time;
      }
      Instant parsed = times.parse(text, from, to);
      line = text;
      start = from;
      end = to;
      time = parsed;
      return parsed;
    }
  }
}
