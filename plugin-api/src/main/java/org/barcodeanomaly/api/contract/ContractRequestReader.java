package org.barcodeanomaly.api.contract;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.barcodeanomaly.api.event.ScanEvent;
import org.barcodeanomaly.api.time.EventTimeFormat;

/**
 * Reads a request body of the JSON contract ({@code {"data": [ ... ]}}) into a
 * {@link ContractRequest}, streaming it with Jackson's parser: no tree, no data binding, no
 * reflection, one reused holder for the items.
 *
 * <p>What it accepts and refuses is listed in the {@linkplain org.barcodeanomaly.api.contract
 * package documentation}. In short: a body that is not a JSON object with a {@code data} array is
 * refused with {@link ContractFormatException}; more than {@link ContractOptions#getMaxEvents()}
 * items with {@link TooManyEventsException}; a bad item becomes a {@link RejectedEvent} and the
 * others are still read.
 *
 * <p>Thread-safe and reusable: it keeps no state between calls.
 */
public final class ContractRequestReader {

  private static final JsonFactory JSON = JsonFactory.builder()
      .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
      .build();

  private static final String EXPECTED_BODY = "expected a JSON object such as {\"data\": [ ... ]}";

  private final int maxEvents;
  private final int maxFieldChars;
  private final EventTimeFormat times;

  /** A reader with the default options (zone-less times read as UTC, at most 100,000 events). */
  public ContractRequestReader() {
    this(new ContractOptions());
  }

  /** A reader with {@code options}; later changes to {@code options} do not affect it. */
  public ContractRequestReader(ContractOptions options) {
    this.maxEvents = options.getMaxEvents();
    this.maxFieldChars = options.getMaxFieldChars();
    this.times = new EventTimeFormat(options.getLocalTimeZone());
  }

  /**
   * Reads a request body held in memory.
   *
   * @throws ContractFormatException when the body is not JSON or has no {@code data} array; the
   *     message is the {@code detail} to answer with
   * @throws TooManyEventsException when {@code data} holds more items than the limit
   */
  public ContractRequest read(byte[] body) throws ContractFormatException {
    try {
      return read(JSON.createParser(body));
    } catch (CharConversionException e) {
      throw undecodable(e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the request body", e);
    }
  }

  /**
   * Jackson guesses UTF-16 or UTF-32 from the first bytes and fails, as it opens the body or
   * later, on what does not decode (found by ContractRequestReaderFuzzTest): the client's text,
   * not a server failure.
   */
  private static ContractFormatException undecodable(CharConversionException e) {
    return new ContractFormatException("the body is not valid JSON text: " + e.getMessage() + "; send it as UTF-8", e);
  }

  /**
   * Reads a request body from a stream, which is left open.
   *
   * @throws ContractFormatException as {@link #read(byte[])}
   * @throws UncheckedIOException when the stream itself fails (not the client's JSON)
   */
  public ContractRequest read(InputStream body) throws ContractFormatException {
    try {
      return read(JSON.createParser(body));
    } catch (CharConversionException e) {
      throw undecodable(e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the request body", e);
    }
  }

  private ContractRequest read(JsonParser parser) throws ContractFormatException, IOException {
    try (parser) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new ContractFormatException("the body is empty: " + EXPECTED_BODY);
      }
      if (first != JsonToken.START_OBJECT) {
        throw new ContractFormatException("the body is " + RequestItem.describe(parser, first)
            + ": " + EXPECTED_BODY);
      }
      ContractRequest request = readBody(parser);
      if (parser.nextToken() != null) {
        throw new ContractFormatException("the body holds more than one JSON value"
            + at(parser.currentLocation()) + ": " + EXPECTED_BODY);
      }
      return request;
    } catch (JsonProcessingException e) {
      throw new ContractFormatException("the body is not valid JSON" + at(e.getLocation()) + ": "
          + e.getOriginalMessage(), e);
    }
  }

  private ContractRequest readBody(JsonParser parser) throws ContractFormatException, IOException {
    ContractRequest request = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      boolean isData = "data".equals(parser.currentName());
      JsonToken value = parser.nextToken();
      if (!isData) {
        parser.skipChildren();
      } else if (request != null) {
        throw new ContractFormatException("the body holds two data fields: send one data array");
      } else if (value != JsonToken.START_ARRAY) {
        throw new ContractFormatException("data must be an array of events, was "
            + RequestItem.describe(parser, value));
      } else {
        request = readData(parser);
      }
    }
    if (request == null) {
      throw new ContractFormatException("the body has no data array: " + EXPECTED_BODY);
    }
    return request;
  }

  private ContractRequest readData(JsonParser parser) throws IOException, TooManyEventsException {
    List<ScanEvent> events = new ArrayList<>();
    List<RejectedEvent> rejected = new ArrayList<>();
    RequestItem item = new RequestItem(times, maxFieldChars);
    int index = 0;
    for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
      if (token == null) {
        throw new JsonEOFException(parser, null, "the body ends inside the data array");
      }
      if (index == maxEvents) {
        throw new TooManyEventsException(maxEvents);
      }
      if (token != JsonToken.START_OBJECT) {
        rejected.add(new RejectedEvent(index, null, RejectedEvent.ITEM,
            "must be a JSON object with the seven event fields, was " + RequestItem.describe(parser, token)));
        parser.skipChildren();
      } else {
        item.read(parser);
        if (item.accepted()) {
          events.add(item.toEvent());
        } else {
          rejected.add(item.toRejected(index));
        }
      }
      index++;
    }
    return new ContractRequest(events, rejected);
  }

  private static String at(JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return "";
    }
    return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }
}
