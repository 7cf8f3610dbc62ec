package org.barcodeanomaly.api.contract;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.barcodeanomaly.api.event.ScanEvent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ContractRequestReaderTest {

  private static final String EPC = "001.8804823.1293291.010004.20250701.000004002";
  private static final Map<String, String> VALID_FIELDS = new LinkedHashMap<>();

  static {
    VALID_FIELDS.put("event_id", "12345");
    VALID_FIELDS.put("epc_code", "\"" + EPC + "\"");
    VALID_FIELDS.put("location_id", "5");
    VALID_FIELDS.put("business_step", "\"WMS\"");
    VALID_FIELDS.put("event_type", "\"WMS_Inbound\"");
    VALID_FIELDS.put("event_time", "\"2025-07-01 11:02:38\"");
    VALID_FIELDS.put("file_id", "1");
  }

  private static final String VALID = with("event_id", "12345");

  private final ContractRequestReader reader = new ContractRequestReader();

  private ContractRequest read(String body) throws ContractFormatException {
    return reader.read(body.getBytes(UTF_8));
  }

  private static String data(String... items) {
    return "{\"data\": [" + String.join(", ", items) + "]}";
  }

  /** The valid item with one field's JSON value replaced; {@code null} removes the field. */
  private static String with(String field, String json) {
    Map<String, String> fields = new LinkedHashMap<>(VALID_FIELDS);
    if (json == null) {
      fields.remove(field);
    } else {
      fields.put(field, json);
    }
    return fields.entrySet().stream().map(e -> "\"" + e.getKey() + "\": " + e.getValue())
        .collect(Collectors.joining(", ", "{", "}"));
  }

  @Nested
  @DisplayName("accepted items")
  class Accepted {

    @Test
    @DisplayName("read all seven fields of the contract's example")
    void readsTheContractExample() throws Exception {
      ContractRequest request = read(data(VALID));
      assertThat(request.events()).containsExactly(new ScanEvent(12345, 1, EPC, 5, "WMS",
          "WMS_Inbound", Instant.parse("2025-07-01T11:02:38Z")));
      assertThat(request.rejected()).isEmpty();
    }

    @Test
    @DisplayName("take the id from event_id or from its alias eventId, also when both agree")
    void acceptsBothIdSpellings() throws Exception {
      ContractRequest request = read(data(VALID, VALID.replace("\"event_id\": 12345", "\"eventId\": 7"),
          VALID.replace("\"event_id\": 12345", "\"event_id\": 8, \"eventId\": 8")));
      assertThat(request.events()).extracting(ScanEvent::eventId).containsExactly(12345L, 7L, 8L);
    }

    @Test
    @DisplayName("read event_time in the data's form and in ISO-8601 with Z, an offset or no zone")
    void acceptsBothTimeFormats() throws Exception {
      ContractRequest request = read(data(VALID,
          with("event_time", "\"2025-07-01T11:02:38Z\""),
          with("event_time", "\"2025-07-01T20:02:38+09:00\""),
          with("event_time", "\"2025-07-01T11:02:38\"")));
      assertThat(request.events()).extracting(ScanEvent::eventTime)
          .containsOnly(Instant.parse("2025-07-01T11:02:38Z")).hasSize(4);
    }

    @Test
    @DisplayName("read a zone-less event_time in the configured zone")
    void zoneLessTimesUseTheConfiguredZone() throws Exception {
      ContractRequestReader seoul = new ContractRequestReader(
          new ContractOptions().setLocalTimeZone(ZoneId.of("Asia/Seoul")));
      ContractRequest request = seoul.read(data(VALID, with("event_time", "\"2025-07-01T11:02:38Z\"")).getBytes(UTF_8));
      assertThat(request.events()).extracting(ScanEvent::eventTime)
          .containsExactly(Instant.parse("2025-07-01T02:02:38Z"), Instant.parse("2025-07-01T11:02:38Z"));
    }

    @Test
    @DisplayName("read ids sent as strings of digits")
    void acceptsNumericStrings() throws Exception {
      String quoted = VALID.replace("12345", "\"12345\"").replace("\"location_id\": 5", "\"location_id\": \"5\"")
          .replace("\"file_id\": 1", "\"file_id\": \"1\"");
      assertThat(read(data(quoted)).events()).containsExactlyElementsOf(read(data(VALID)).events());
    }

    @Test
    @DisplayName("ignore unknown fields, nested or not, and unknown top-level fields")
    void ignoresUnknownFields() throws Exception {
      String item = VALID.replace("{", "{\"extra\": {\"a\": [1, {\"b\": null}]}, \"note\": \"x\", ");
      ContractRequest request = read("{\"client\": {\"v\": [1]}, \"data\": [" + item + "], \"trailer\": true}");
      assertThat(request.events()).containsExactlyElementsOf(read(data(VALID)).events());
    }

    @Test
    @DisplayName("pass a malformed EPC, an unknown location and unknown step and type names to the detectors")
    void leavesContentToTheDetectors() throws Exception {
      String odd = VALID.replace(EPC, "BROKEN.EPC.FORMAT").replace("\"location_id\": 5", "\"location_id\": 999")
          .replace("\"WMS\"", "\"Retailer\"").replace("WMS_Inbound", "Inbound");
      ContractRequest request = read(data(odd));
      assertThat(request.rejected()).isEmpty();
      assertThat(request.events()).containsExactly(new ScanEvent(12345, 1, "BROKEN.EPC.FORMAT", 999,
          "Retailer", "Inbound", Instant.parse("2025-07-01T11:02:38Z")));
    }

    @Test
    @DisplayName("group events by file_id in order of first appearance, each file in request order")
    void groupsFilesInFirstAppearanceOrder() throws Exception {
      ContractRequest request = read(data(
          VALID.replace("\"file_id\": 1", "\"file_id\": 9").replace("12345", "1"),
          VALID.replace("12345", "2"),
          VALID.replace("\"file_id\": 1", "\"file_id\": 9").replace("12345", "3")));
      assertThat(request.files()).extracting(FileBatch::fileId).containsExactly(9L, 1L);
      assertThat(request.files().get(0).events()).extracting(ScanEvent::eventId).containsExactly(1L, 3L);
      assertThat(request.files().get(1).events()).extracting(ScanEvent::eventId).containsExactly(2L);
      assertThat(request.events()).extracting(ScanEvent::eventId).containsExactly(1L, 2L, 3L);
    }

    @Test
    @DisplayName("answer the first generation's example request, which uses eventId and made-up names")
    void readsTheLegacyExample() throws Exception {
      byte[] body;
      try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/legacy_request_example.json"))) {
        body = in.readAllBytes();
      }
      ContractRequest request = reader.read(body);
      assertThat(request.rejected()).isEmpty();
      assertThat(request.events()).extracting(ScanEvent::eventId)
          .containsExactly(301L, 302L, 303L, 304L, 305L, 306L, 307L, 308L);
      assertThat(request.files()).extracting(FileBatch::fileId).containsExactly(3L);
      assertThat(request.events().get(3).epcCode()).isEqualTo("BROKEN.EPC.FORMAT");
    }

    @Test
    @DisplayName("read from a stream and leave it open for the caller")
    void leavesTheStreamOpen() throws Exception {
      boolean[] closed = {false};
      InputStream body = new ByteArrayInputStream(data(VALID).getBytes(UTF_8)) {
        @Override
        public void close() throws IOException {
          closed[0] = true;
          super.close();
        }
      };
      assertThat(reader.read(body).events()).hasSize(1);
      assertThat(closed[0]).isFalse();
    }

    @Test
    @DisplayName("accept an empty data array")
    void acceptsEmptyData() throws Exception {
      ContractRequest request = read("{\"data\": []}");
      assertThat(request.events()).isEmpty();
      assertThat(request.files()).isEmpty();
      assertThat(request.rejected()).isEmpty();
    }
  }

  @Nested
  @DisplayName("rejected items")
  class Rejected {

    private RejectedEvent rejectedSecond(String item) throws ContractFormatException {
      ContractRequest request = read(data(VALID, item, VALID.replace("12345", "3")));
      assertThat(request.events()).as("the valid items beside it are answered")
          .extracting(ScanEvent::eventId).containsExactly(12345L, 3L);
      assertThat(request.rejected()).hasSize(1);
      return request.rejected().get(0);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"event_id", "epc_code", "location_id", "business_step", "event_type",
        "event_time", "file_id"})
    @DisplayName("an item that lacks a required field is listed with that field")
    void missingField(String field) throws Exception {
      RejectedEvent rejected = rejectedSecond(with(field, null));
      String needed = field.equals("event_id") ? "event_id (or its alias eventId)" : field;
      assertThat(rejected).isEqualTo(new RejectedEvent(1, field.equals("event_id") ? null : "12345",
          field, "is missing: every item needs " + needed, field.equals("file_id") ? null : 1L));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "epc_code|42|must be a JSON string, was the number 42",
        "business_step|null|must be a JSON string, was null",
        "event_type|[\"WMS_Inbound\"]|must be a JSON string, was an array",
        "event_time|{\"t\": 1}|must be a JSON string, was an object",
        "location_id|5.5|must be a whole number or a string of digits, was the number 5.5",
        "location_id|\"five\"|the string 'five' is not a whole number from -2147483648 to 2147483647",
        "location_id|3000000000|3000000000 is out of range: expected a whole number from -2147483648 to 2147483647",
        "file_id|true|must be a whole number or a string of digits, was true",
        "file_id|123456789012345678901234|the number 123456789012345678901234 is not a whole number"
            + " from -9223372036854775808 to 9223372036854775807"})
    @DisplayName("an item with a field of the wrong JSON type is listed with the field and the value")
    void wrongType(String field, String json, String reason) throws Exception {
      RejectedEvent rejected = rejectedSecond(with(field, json));
      assertThat(rejected).isEqualTo(new RejectedEvent(1, "12345", field, reason,
          field.equals("file_id") ? null : 1L));
    }

    @Test
    @DisplayName("an item whose id is unreadable is listed without an id")
    void unreadableId() throws Exception {
      assertThat(rejectedSecond(with("event_id", "\"12a\""))).isEqualTo(new RejectedEvent(1, null,
          "event_id", "the string '12a' is not a whole number from -9223372036854775808 to 9223372036854775807", 1L));
    }

    @Test
    @DisplayName("an item whose event_id and eventId disagree is listed")
    void disagreeingIds() throws Exception {
      assertThat(rejectedSecond(VALID.replace("{", "{\"eventId\": 4, "))).isEqualTo(new RejectedEvent(1,
          null, "event_id", "event_id and eventId disagree (4 and 12345): send only one of them", 1L));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "2025/07/01 11:02:38|unexpected character at position 5",
        "2025-02-30 11:02:38|Invalid date 'FEBRUARY 30'",
        "|unexpected character at position 1"})
    @DisplayName("an item with an unreadable event_time is listed with the value and the accepted forms")
    void unreadableTime(String time, String why) throws Exception {
      String text = time == null ? "" : time;
      RejectedEvent rejected = rejectedSecond(with("event_time", "\"" + text + "\""));
      assertThat(rejected).isEqualTo(new RejectedEvent(1, "12345", "event_time",
          "'" + text + "' is not a readable time (" + why + "): "
              + "expected YYYY-MM-DD HH:MM:SS or ISO-8601 such as 2025-07-01T11:02:38Z", 1L));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"42|the number 42", "\"x\"|the string 'x'", "null|null",
        "[1, 2]|an array", "true|true"})
    @DisplayName("an item that is not an object is listed as such")
    void notAnObject(String json, String described) throws Exception {
      assertThat(rejectedSecond(json)).isEqualTo(new RejectedEvent(1, null, RejectedEvent.ITEM,
          "must be a JSON object with the seven event fields, was " + described));
    }

    @Test
    @DisplayName("an item with several problems is listed once, with its first bad field in contract order")
    void firstProblemInContractOrder() throws Exception {
      String item = with("event_time", "\"later\"").replace("\"location_id\": 5", "\"location_id\": null");
      assertThat(rejectedSecond(item).field()).isEqualTo("location_id");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"epc_code", "business_step", "event_type", "event_time"})
    @DisplayName("an item with a text field over the length limit is listed with the field, its length and the limit")
    void overlongTextField(String field) throws Exception {
      String overlong = "\"" + "9".repeat(ContractOptions.DEFAULT_MAX_FIELD_CHARS + 1) + "\"";
      assertThat(rejectedSecond(with(field, overlong))).isEqualTo(new RejectedEvent(1, "12345", field,
          "is 257 characters long, over the limit of 256 characters of a text field", 1L));
    }

    @Test
    @DisplayName("a megabyte epc_code is rejected under a configured lower limit, and a code at the limit is read")
    void configuredFieldLimit() throws Exception {
      ContractRequestReader strict = new ContractRequestReader(new ContractOptions().setMaxFieldChars(45));
      ContractRequest request = strict.read(data(VALID, with("epc_code", "\"" + "1".repeat(1 << 20) + "\""))
          .getBytes(UTF_8));
      assertThat(request.events()).extracting(ScanEvent::epcCode).containsExactly(EPC);
      assertThat(request.rejected()).singleElement().satisfies(rejected -> {
        assertThat(rejected.field()).isEqualTo("epc_code");
        assertThat(rejected.reason()).isEqualTo("is 1048576 characters long, over the limit of 45 characters of a text field");
      });
    }

    @Test
    @DisplayName("every item rejected still makes a request, with no event and no file")
    void everyItemRejected() throws Exception {
      ContractRequest request = read(data("1", with("epc_code", null)));
      assertThat(request.events()).isEmpty();
      assertThat(request.files()).isEmpty();
      assertThat(request.rejected()).extracting(RejectedEvent::index).containsExactly(0, 1);
    }
  }

  @Nested
  @DisplayName("refused bodies")
  class Refused {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "''|the body is empty: expected a JSON object such as {\"data\": [ ... ]}",
        "[]|the body is an array: expected a JSON object such as {\"data\": [ ... ]}",
        "\"data\"|the body is the string 'data': expected a JSON object such as {\"data\": [ ... ]}",
        "{\"items\": []}|the body has no data array: expected a JSON object such as {\"data\": [ ... ]}",
        "{\"data\": {}}|data must be an array of events, was an object",
        "{\"data\": null}|data must be an array of events, was null",
        "{\"data\": [], \"data\": []}|the body holds two data fields: send one data array",
        "{\"data\": []} {}|the body holds more than one JSON value at line 1, column 15: expected a JSON object such as {\"data\": [ ... ]}"})
    @DisplayName("a body that is not a JSON object with one data array is refused with what is wrong")
    void refusesWrongShapes(String body, String detail) {
      assertThatThrownBy(() -> read(body)).isExactlyInstanceOf(ContractFormatException.class).hasMessage(detail);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"not json", "{\"data\": [", "{\"data\": [{\"event_id\": 1,}]}", "{\"data\": [1 2]}"})
    @DisplayName("a body that is not valid JSON is refused with the place of the error")
    void refusesInvalidJson(String body) {
      assertThatThrownBy(() -> read(body)).isExactlyInstanceOf(ContractFormatException.class)
          .hasMessageStartingWith("the body is not valid JSON at line 1, column ");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "IgAAAAAAAAA6IP////////8DW2V1c2V2aW5lc3N/c3RlcA==, Invalid UTF-32 character",
        "ACsAAAAAAHsK, Unsupported UCS-4 endianness"})
    @DisplayName("a body whose first bytes look like UTF-16 or UTF-32 but do not decode is refused as a format error, not a failure")
    void undecodableText(String base64, String reason) {
      byte[] body = java.util.Base64.getDecoder().decode(base64);
      assertThatThrownBy(() -> reader.read(body))
          .isInstanceOf(ContractFormatException.class)
          .hasMessageStartingWith("the body is not valid JSON text: " + reason)
          .hasMessageEndingWith("; send it as UTF-8");
      assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(body)))
          .isInstanceOf(ContractFormatException.class);
    }

    @Test
    @DisplayName("more items than the limit are refused with the limit; exactly the limit is read")
    void refusesTooManyEvents() throws Exception {
      ContractRequestReader limited = new ContractRequestReader(new ContractOptions().setMaxEvents(2));
      assertThat(limited.read(data(VALID, VALID).getBytes(UTF_8)).events()).hasSize(2);
      assertThatThrownBy(() -> limited.read(data(VALID, VALID, "1").getBytes(UTF_8)))
          .isInstanceOfSatisfying(TooManyEventsException.class, e -> assertThat(e.limit()).isEqualTo(2))
          .hasMessage("the request holds more than 2 events in data, the limit of this server: "
              + "split it into requests of at most 2 events");
    }

    @Test
    @DisplayName("a limit below one is refused when configured")
    void refusesABadLimit() {
      assertThatThrownBy(() -> new ContractOptions().setMaxEvents(0))
          .isInstanceOf(IllegalArgumentException.class).hasMessage("maxEvents must be at least 1, was 0");
    }
  }

  @Test
  @DisplayName("options are copied: changing them later does not change a reader")
  void optionsAreCopied() throws Exception {
    ContractOptions options = new ContractOptions();
    ContractRequestReader built = new ContractRequestReader(options);
    options.setMaxEvents(1).setLocalTimeZone(ZoneId.of("Asia/Seoul"));
    ContractOptions copy = new ContractOptions(options);
    assertThat(copy.getMaxEvents()).isEqualTo(1);
    assertThat(copy.getLocalTimeZone()).isEqualTo(ZoneId.of("Asia/Seoul"));
    List<ScanEvent> events = built.read(data(VALID, VALID).getBytes(UTF_8)).events();
    assertThat(events).extracting(ScanEvent::eventTime).containsOnly(Instant.parse("2025-07-01T11:02:38Z"));
  }
}
