package org.barcodeanomaly.api.contract;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Arrays;
import org.barcodeanomaly.api.event.ScanEvent;
import org.barcodeanomaly.api.time.EventTimeFormat;

/**
 * The fields of one {@code data} item while it is read, and the verdict on it: an event, or a
 * rejection naming the first bad field in contract order. One instance is reused for every item
 * of a request, so reading costs no per-item holder; not thread-safe.
 */
final class RequestItem {

  private static final int MAX_QUOTED_LENGTH = 60;

  private final EventTimeFormat times;
  private final int maxFieldChars;
  private final boolean[] seen = new boolean[ContractField.ALL.length];
  private final String[] problems = new String[ContractField.ALL.length];

  private long eventId;
  private String epcCode;
  private int locationId;
  private String businessStep;
  private String eventType;
  private Instant eventTime;
  private long fileId;

  RequestItem(EventTimeFormat times, int maxFieldChars) {
    this.times = times;
    this.maxFieldChars = maxFieldChars;
  }

  /** Reads the object the parser's current {@code START_OBJECT} opens, up to its end. */
  void read(JsonParser parser) throws IOException {
    Arrays.fill(seen, false);
    Arrays.fill(problems, null);
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      ContractField field = ContractField.ofJsonName(parser.currentName());
      JsonToken value = parser.nextToken();
      if (field == null) {
        parser.skipChildren();
      } else {
        readValue(parser, field, value);
        seen[field.ordinal()] = true;
      }
    }
  }

  /** Whether every required field was present and readable. */
  boolean accepted() {
    for (int i = 0; i < seen.length; i++) {
      if (!seen[i] || problems[i] != null) {
        return false;
      }
    }
    return true;
  }

  /** The event read; only when {@link #accepted()}. */
  ScanEvent toEvent() {
    return new ScanEvent(eventId, fileId, epcCode, locationId, businessStep, eventType, eventTime);
  }

  /** The rejection of the item at {@code index}, naming its first bad field; only when not accepted. */
  RejectedEvent toRejected(int index) {
    for (ContractField field : ContractField.ALL) {
      int i = field.ordinal();
      if (problems[i] != null || !seen[i]) {
        String reason = problems[i] != null ? problems[i] : missing(field);
        return new RejectedEvent(index, readable(ContractField.EVENT_ID) ? Long.toString(eventId) : null,
            field.jsonName(), reason, readable(ContractField.FILE_ID) ? fileId : null);
      }
    }
    throw new IllegalStateException("item " + index + " has no problem to report");
  }

  private void readValue(JsonParser parser, ContractField field, JsonToken value) throws IOException {
    switch (field) {
      case EVENT_ID:
        readEventId(parser, value);
        break;
      case EPC_CODE:
        epcCode = text(parser, value, field);
        break;
      case LOCATION_ID:
        locationId = (int) wholeNumber(parser, value, field, Integer.MIN_VALUE, Integer.MAX_VALUE);
        break;
      case BUSINESS_STEP:
        businessStep = text(parser, value, field);
        break;
      case EVENT_TYPE:
        eventType = text(parser, value, field);
        break;
      case EVENT_TIME:
        eventTime = time(parser, value);
        break;
      case FILE_ID:
        fileId = wholeNumber(parser, value, field, Long.MIN_VALUE, Long.MAX_VALUE);
        break;
      default:
        throw new IllegalStateException("unhandled field " + field);
    }
  }

  private void readEventId(JsonParser parser, JsonToken value) throws IOException {
    boolean earlier = readable(ContractField.EVENT_ID);
    long previous = eventId;
    long id = wholeNumber(parser, value, ContractField.EVENT_ID, Long.MIN_VALUE, Long.MAX_VALUE);
    if (earlier && problems[ContractField.EVENT_ID.ordinal()] == null && id != previous) {
      reject(ContractField.EVENT_ID, "event_id and eventId disagree (" + previous + " and " + id
          + "): send only one of them");
    }
    eventId = id;
  }

  private Instant time(JsonParser parser, JsonToken value) throws IOException {
    String text = text(parser, value, ContractField.EVENT_TIME);
    if (text == null) {
      return null;
    }
    try {
      return times.parse(text);
    } catch (DateTimeException e) {
      reject(ContractField.EVENT_TIME, e.getMessage());
      return null;
    }
  }

  private String text(JsonParser parser, JsonToken value, ContractField field) throws IOException {
    if (value == JsonToken.VALUE_STRING) {
      int length = parser.getTextLength();
      if (length > maxFieldChars) {
        reject(field, "is " + length + " characters long, over the limit of " + maxFieldChars
            + " characters of a text field");
        return null;
      }
      return parser.getText();
    }
    reject(field, "must be a JSON string, was " + describe(parser, value));
    parser.skipChildren();
    return null;
  }

  /**
   * A whole number sent as a JSON integer or as a string of digits (some first-generation clients
   * quote their ids); a fraction, a boolean or a non-numeric string is rejected.
   */
  private long wholeNumber(JsonParser parser, JsonToken value, ContractField field, long min, long max)
      throws IOException {
    String range = " from " + min + " to " + max;
    if (value != JsonToken.VALUE_NUMBER_INT && value != JsonToken.VALUE_STRING) {
      reject(field, "must be a whole number or a string of digits, was " + describe(parser, value));
      parser.skipChildren();
      return 0;
    }
    long number;
    try {
      number = value == JsonToken.VALUE_STRING ? Long.parseLong(parser.getText()) : parser.getLongValue();
    } catch (NumberFormatException | InputCoercionException e) {
      reject(field, describe(parser, value) + " is not a whole number" + range);
      return 0;
    }
    if (number < min || number > max) {
      reject(field, number + " is out of range: expected a whole number" + range);
      return 0;
    }
    return number;
  }

  private boolean readable(ContractField field) {
    return seen[field.ordinal()] && problems[field.ordinal()] == null;
  }

  private void reject(ContractField field, String reason) {
    if (problems[field.ordinal()] == null) {
      problems[field.ordinal()] = reason;
    }
  }

  private static String missing(ContractField field) {
    String name = field == ContractField.EVENT_ID
        ? "event_id (or its alias " + ContractField.EVENT_ID_ALIAS + ")"
        : field.jsonName();
    return "is missing: every item needs " + name;
  }

  /** The JSON value at the parser, as a reason quotes it: kind and (shortened) text. */
  static String describe(JsonParser parser, JsonToken value) throws IOException {
    switch (value) {
      case START_OBJECT:
        return "an object";
      case START_ARRAY:
        return "an array";
      case VALUE_NULL:
        return "null";
      case VALUE_STRING:
        return "the string '" + shorten(parser.getText()) + "'";
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return "the number " + shorten(parser.getText());
      default:
        return parser.getText();
    }
  }

  private static String shorten(String text) {
    return text.length() <= MAX_QUOTED_LENGTH ? text : text.substring(0, MAX_QUOTED_LENGTH) + "...";
  }
}
