package org.barcodeanomaly.api.time;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Objects;

/**
 * Reads and writes event times as scan files and contract requests spell them.
 *
 * <p>Accepted forms:
 * <ul>
 *   <li>{@code YYYY-MM-DD HH:MM:SS}, the form of the production data, e.g. {@code 2025-07-01 11:02:38};</li>
 *   <li>ISO-8601: {@code 2025-07-01T11:02:38Z}, with an offset ({@code 2025-07-01T20:02:38+09:00}),
 *       a fraction of a second, a region ({@code ...+09:00[Asia/Seoul]}) or no zone at all
 *       ({@code 2025-07-01T11:02:38}).</li>
 * </ul>
 * A time that names no zone or offset is read as a wall-clock time in the zone this format was
 * built with ({@link ZoneOffset#UTC} for {@link #UTC}): the production data names none, and every
 * detector only compares times with each other, so any fixed choice works as long as it is the
 * same for all the files of one analysis. In a zone with daylight saving, a wall-clock time that
 * falls in the spring-forward gap is moved forward by the gap's length (as
 * {@link LocalDateTime#atZone} does).
 *
 * <p>Why hand-written: a million-row scan file holds two times per row, so the 19-character form
 * and its {@code Z} variant are parsed without a formatter, a regex or a temporary string. Every
 * other form, and every out-of-range value, goes through {@link DateTimeFormatter#ISO_DATE_TIME},
 * whose message names the bad field.
 *
 * <p>Immutable and thread-safe.
 */
public final class EventTimeFormat {

  /** Reads zone-less times as UTC. */
  public static final EventTimeFormat UTC = new EventTimeFormat(ZoneOffset.UTC);

  /** What an unreadable time is compared against in error messages. */
  public static final String EXPECTED_FORMS =
      "expected YYYY-MM-DD HH:MM:SS or ISO-8601 such as 2025-07-01T11:02:38Z";

  private static final int PLAIN_LENGTH = 19;

  private final ZoneId zone;
  /** The zone's offset when it never changes, so a zone-less time needs no rules lookup. */
  private final ZoneOffset fixedOffset;

  /** A format that reads zone-less times as wall-clock times in {@code zone}. */
  public EventTimeFormat(ZoneId zone) {
    this.zone = Objects.requireNonNull(zone, "zone");
    this.fixedOffset = zone.getRules().isFixedOffset() ? zone.getRules().getOffset(Instant.EPOCH) : null;
  }

  /** The zone zone-less times are read in. */
  public ZoneId zone() {
    return zone;
  }

  /**
   * Reads one time.
   *
   * @throws DateTimeException whose message quotes {@code text}, says what is wrong and lists the
   *     accepted forms
   */
  public Instant parse(CharSequence text) {
    return parse(text, 0, text.length());
  }

  /**
   * Reads the time held in {@code text} from {@code start} (inclusive) to {@code end} (exclusive),
   * so a caller that splits a line by hand needs no substring.
   *
   * @throws DateTimeException as {@link #parse(CharSequence)}
   */
  public Instant parse(CharSequence text, int start, int end) {
    int length = end - start;
    boolean utcSuffix = length == PLAIN_LENGTH + 1 && text.charAt(end - 1) == 'Z';
    if ((length == PLAIN_LENGTH || utcSuffix) && hasPlainLayout(text, start)) {
      long localSeconds = localEpochSecond(text, start);
      if (localSeconds != Long.MIN_VALUE) {
        return utcSuffix ? Instant.ofEpochSecond(localSeconds) : inZone(localSeconds);
      }
    }
    return parseIso(text.subSequence(start, end).toString());
  }

  /** Writes {@code time} as {@code YYYY-MM-DD HH:MM:SS} in this format's zone (fraction dropped). */
  public String format(Instant time) {
    LocalDateTime local = LocalDateTime.ofInstant(time, zone);
    char[] out = new char[PLAIN_LENGTH];
    writeDigits(out, 0, local.getYear(), 4);
    out[4] = '-';
    writeDigits(out, 5, local.getMonthValue(), 2);
    out[7] = '-';
    writeDigits(out, 8, local.getDayOfMonth(), 2);
    out[10] = ' ';
    writeDigits(out, 11, local.getHour(), 2);
    out[13] = ':';
    writeDigits(out, 14, local.getMinute(), 2);
    out[16] = ':';
    writeDigits(out, 17, local.getSecond(), 2);
    return new String(out);
  }

  private Instant inZone(long localSeconds) {
    if (fixedOffset != null) {
      return Instant.ofEpochSecond(localSeconds - fixedOffset.getTotalSeconds());
    }
    return LocalDateTime.ofEpochSecond(localSeconds, 0, ZoneOffset.UTC).atZone(zone).toInstant();
  }

  private Instant parseIso(String value) {
    String iso = value.length() > 10 && value.charAt(10) == ' '
        ? value.substring(0, 10) + 'T' + value.substring(11)
        : value;
    try {
      TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(iso,
          ZonedDateTime::from, LocalDateTime::from);
      if (parsed instanceof ZonedDateTime zoned) {
        return zoned.toInstant();
      }
      return ((LocalDateTime) parsed).atZone(zone).toInstant();
    } catch (DateTimeParseException e) {
      String why = e.getCause() != null
          ? e.getCause().getMessage()
          : "unexpected character at position " + (e.getErrorIndex() + 1);
      throw new DateTimeException("'" + value + "' is not a readable time (" + why + "): "
          + EXPECTED_FORMS, e);
    }
  }

  /** Whether digits and separators sit where {@code YYYY-MM-DD HH:MM:SS} (or {@code T}) puts them. */
  private static boolean hasPlainLayout(CharSequence text, int start) {
    char dateTimeSeparator = text.charAt(start + 10);
    if (text.charAt(start + 4) != '-' || text.charAt(start + 7) != '-'
        || (dateTimeSeparator != ' ' && dateTimeSeparator != 'T')
        || text.charAt(start + 13) != ':' || text.charAt(start + 16) != ':') {
      return false;
    }
    for (int i = 0; i < PLAIN_LENGTH; i++) {
      if (i != 4 && i != 7 && i != 10 && i != 13 && i != 16) {
        char c = text.charAt(start + i);
        if (c < '0' || c > '9') {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Seconds since the epoch of the wall-clock time at {@code start}, read as UTC, or
   * {@link Long#MIN_VALUE} when a field is out of range (the slow path then names it).
   */
  private static long localEpochSecond(CharSequence text, int start) {
    int year = digits(text, start, 4);
    int month = digits(text, start + 5, 2);
    int day = digits(text, start + 8, 2);
    int hour = digits(text, start + 11, 2);
    int minute = digits(text, start + 14, 2);
    int second = digits(text, start + 17, 2);
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)
        || hour > 23 || minute > 59 || second > 59) {
      return Long.MIN_VALUE;
    }
    return epochDay(year, month, day) * 86_400L + hour * 3_600L + minute * 60L + second;
  }

  private static int digits(CharSequence text, int start, int count) {
    int value = 0;
    for (int i = start; i < start + count; i++) {
      value = value * 10 + (text.charAt(i) - '0');
    }
    return value;
  }

  private static int daysInMonth(int year, int month) {
    switch (month) {
      case 2:
        boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        return leap ? 29 : 28;
      case 4: case 6: case 9: case 11:
        return 30;
      default:
        return 31;
    }
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
  private static long epochDay(int year, int month, int day) {
    int y = month <= 2 ? year - 1 : year;
    int era = Math.floorDiv(y, 400);
    int yearOfEra = y - era * 400;
    int dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146_097L + dayOfEra - 719_468L;
  }

  private static void writeDigits(char[] out, int start, int value, int count) {
    int rest = value;
    for (int i = start + count - 1; i >= start; i--) {
      out[i] = (char) ('0' + rest % 10);
      rest /= 10;
    }
  }
}
