package org.barcodeanomaly.api.scanfile;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Arrays;
import org.barcodeanomaly.api.event.ScanEvent;
import org.barcodeanomaly.api.time.EventTimeFormat;

/**
 * Turns one data row (a byte range of {@link ScanLines}' buffer) into a {@link ScanEvent}, or says
 * which field made it unreadable.
 *
 * <p>Built for a million rows a second: the row is split on tab bytes into offsets, numbers and
 * times are read in place, only the columns an event needs are decoded, and values that repeat
 * from row to row (step and type names, the batch timestamps) are shared instead of decoded
 * again. Columns the reader does not use are never decoded, so their encoding is not checked.
 * One parser per file; not thread-safe.
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
  private final ByteChars chars = new ByteChars();
  private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder();
  private final RepeatedValues steps = new RepeatedValues();
  private final RepeatedValues types = new RepeatedValues();
  private final RepeatedTime eventTimes = new RepeatedTime();
  private final RepeatedTime manufactureTimes = new RepeatedTime();

  private byte[] row;
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
   * The event of the row held in {@code buffer} from {@code start} to {@code end}, or {@code null}
   * when a field cannot be read; then {@link #problem(long)} says which.
   *
   * @param dataRow the row's 1-based number among the data rows: its id when the file has none
   */
  ScanEvent parse(byte[] buffer, int start, int end, long dataRow) {
    if (buffer != row) {
      row = buffer;
      chars.wrap(buffer);
    }
    problemField = null;
    if (!split(start, end)) {
      return null;
    }
    long eventId = header.hasEventIds()
        ? wholeNumber(header.eventId, ScanFileColumns.EVENT_ID, MAX_LONG_DIGITS)
        : dataRow;
    long locationId = wholeNumber(header.locationId, ScanFileColumns.LOCATION_ID, MAX_INT_DIGITS);
    String epcCode = text(header.epcCode, ScanFileColumns.EPC_CODE);
    String step = repeatedText(header.businessStep, ScanFileColumns.BUSINESS_STEP, steps);
    String type = repeatedText(header.eventType, ScanFileColumns.EVENT_TYPE, types);
    Instant eventTime = time(header.eventTime, ScanFileColumns.EVENT_TIME, eventTimes);
    Instant manufactureTime = header.manufactureDate == ScanFileHeader.ABSENT ? null
        : time(header.manufactureDate, ScanFileColumns.MANUFACTURE_DATE, manufactureTimes);
    if (problemField != null) {
      return null;
    }
    return new ScanEvent(eventId, fileId, epcCode, (int) locationId, step, type, eventTime, manufactureTime);
  }

  /** The problem of the last row {@link #parse} refused. */
  ScanFileProblem problem(long lineNumber) {
    return new ScanFileProblem(file, lineNumber, problemField, problemReason);
  }

  /** Records each column's offsets; false (with a problem) when the row has the wrong number of values. */
  private boolean split(int start, int end) {
    int column = 0;
    starts[0] = start;
    for (int i = start; i < end; i++) {
      if (row[i] == '\t') {
        if (column == header.columnCount - 1) {
          return wrongValueCount(start, end);
        }
        ends[column++] = i;
        starts[column] = i + 1;
      }
    }
    if (column != header.columnCount - 1) {
      return wrongValueCount(start, end);
    }
    ends[column] = end;
    return true;
  }

  private boolean wrongValueCount(int start, int end) {
    int values = 1;
    for (int i = start; i < end; i++) {
      values += row[i] == '\t' ? 1 : 0;
    }
    fail(ScanFileProblem.ROW, "expected " + header.columnCount + " tab-separated values as in the header, found "
        + (start == end ? "an empty line" : values + " values"));
    return false;
  }

  /** A non-negative whole number of at most {@code maxDigits} digits, read in place. */
  private long wholeNumber(int column, String field, int maxDigits) {
    int start = starts[column];
    int end = ends[column];
    long value = 0;
    boolean digitsOnly = end > start && end - start <= maxDigits;
    for (int i = start; digitsOnly && i < end; i++) {
      byte digit = row[i];
      digitsOnly = digit >= '0' && digit <= '9';
      value = value * 10 + (digit - '0');
    }
    if (!digitsOnly) {
      fail(field, "'" + quote(column) + "' is not a whole number of 1 to " + maxDigits + " digits");
    }
    return value;
  }

  private Instant time(int column, String field, RepeatedTime cache) {
    try {
      return cache.get(times, chars, row, starts[column], ends[column]);
    } catch (DateTimeException e) {
      fail(field, e.getMessage());
      return null;
    }
  }

  private String repeatedText(int column, String field, RepeatedValues cache) {
    String value = cache.find(row, starts[column], ends[column]);
    if (value == null) {
      value = text(column, field);
      if (value != null) {
        cache.remember(row, starts[column], ends[column], value);
      }
    }
    return value;
  }

  /** The column's text: ASCII copied as is, anything else decoded as UTF-8 or reported. */
  private String text(int column, String field) {
    int start = starts[column];
    int end = ends[column];
    for (int i = start; i < end; i++) {
      if (row[i] < 0) {
        return utf8Text(column, field);
      }
    }
    return new String(row, start, end - start, StandardCharsets.ISO_8859_1);
  }

  private String utf8Text(int column, String field) {
    try {
      return utf8.reset().decode(ByteBuffer.wrap(row, starts[column], ends[column] - starts[column])).toString();
    } catch (CharacterCodingException e) {
      fail(field, "'" + quote(column) + "' holds bytes that are not UTF-8: scan files must be saved as UTF-8");
      return null;
    }
  }

  /** The column's value for a message, undecodable bytes shown as U+FFFD. */
  private String quote(int column) {
    return new String(row, starts[column], ends[column] - starts[column], StandardCharsets.UTF_8);
  }

  /** Keeps the first problem of the row: the one its reader is told about. */
  private void fail(String field, String reason) {
    if (problemField == null) {
      problemField = field;
      problemReason = reason;
    }
  }

  /** The few distinct names of a column (steps, types), decoded once and shared by every row. */
  private static final class RepeatedValues {
    private static final int CAPACITY = 32;
    private final byte[][] bytes = new byte[CAPACITY][];
    private final String[] values = new String[CAPACITY];
    private int count;

    /** The value already decoded from these bytes, or {@code null}. */
    String find(byte[] row, int start, int end) {
      for (int i = 0; i < count; i++) {
        if (Arrays.equals(bytes[i], 0, bytes[i].length, row, start, end)) {
          return values[i];
        }
      }
      return null;
    }

    void remember(byte[] row, int start, int end, String value) {
      if (count < CAPACITY) {
        bytes[count] = Arrays.copyOfRange(row, start, end);
        values[count++] = value;
      }
    }
  }

  /** The previous row's time of a column: items move in batches, so the next row often repeats it. */
  private static final class RepeatedTime {
    private static final int MAX_CACHED_LENGTH = 64;
    private final byte[] previous = new byte[MAX_CACHED_LENGTH];
    private int previousLength = -1;
    private Instant time;

    Instant get(EventTimeFormat times, ByteChars chars, byte[] row, int start, int end) {
      int length = end - start;
      if (length == previousLength && Arrays.equals(previous, 0, length, row, start, end)) {
        return time;
      }
      Instant parsed = times.parse(chars, start, end);
      if (length <= MAX_CACHED_LENGTH) {
        System.arraycopy(row, start, previous, 0, length);
        previousLength = length;
        time = parsed;
      }
      return parsed;
    }
  }
}
