package org.barcodeanomaly.api.scanfile;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.barcodeanomaly.api.event.ScanEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanFileReaderTest {

  private static final String EPC = "001.8804823.1293291.010004.20250701.000004002";
  private static final Instant MADE = Instant.parse("2025-07-01T10:34:17Z");

  @TempDir
  Path dir;

  private final List<ScanEvent> events = new ArrayList<>();
  private final List<ScanFileProblem> problems = new ArrayList<>();
  private List<String> sampleLines;

  @BeforeEach
  void loadSample() throws IOException {
    sampleLines = resourceLines("raw_sample.tsv");
  }

  private static List<String> resourceLines(String name) throws IOException {
    try (InputStream in = Objects.requireNonNull(ScanFileReaderTest.class.getResourceAsStream(name), name)) {
      return List.of(new String(in.readAllBytes(), UTF_8).split("\n"));
    }
  }

  private Path write(String name, List<String> lines) throws IOException {
    return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n", UTF_8);
  }

  private ScanFileSummary read(Path file, long fileId) throws IOException {
    return new ScanFileReader().read(file, fileId, events::add, problems::add);
  }

  /** The sample with one value of one data row (1-based) replaced. */
  private List<String> withValue(List<String> lines, int dataRow, String column, String value) {
    List<String> copy = new ArrayList<>(lines);
    int index = Arrays.asList(lines.get(0).split("\t")).indexOf(column);
    String[] values = copy.get(dataRow).split("\t", -1);
    values[index] = value;
    copy.set(dataRow, String.join("\t", values));
    return copy;
  }

  @Nested
  @DisplayName("a well-formed file")
  class WellFormed {

    @Test
    @DisplayName("gives one event per row, ids being row numbers when there is no event_id column")
    void readsTheRawSample() throws IOException {
      ScanFileSummary summary = read(write("icn.csv", sampleLines), 4);
      assertThat(problems).isEmpty();
      assertThat(summary).isEqualTo(new ScanFileSummary(dir.resolve("icn.csv"), 4, 13, 13, 0, false, List.of()));
      assertThat(events).hasSize(13);
      assertThat(events.get(0)).isEqualTo(new ScanEvent(1, 4, EPC, 1, "Factory", "Aggregation", MADE, MADE));
      assertThat(events.get(9)).isEqualTo(new ScanEvent(10, 4, EPC, 74, "POS_Sell", "POS_Sell",
          Instant.parse("2025-10-27T08:43:38Z"), MADE));
      assertThat(events).extracting(ScanEvent::eventId).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L,
          10L, 11L, 12L, 13L);
      assertThat(events).extracting(ScanEvent::locationId).containsExactly(1, 5, 5, 13, 13, 23, 23, 74, 74,
          74, 1, 5, 5);
    }

    @Test
    @DisplayName("takes ids from a leading event_id column")
    void readsEventIds() throws IOException {
      ScanFileSummary summary = read(write("ids.tsv", resourceLines("raw_sample_with_event_id.tsv")), 1);
      assertThat(summary.hasEventIds()).isTrue();
      assertThat(events).extracting(ScanEvent::eventId).startsWith(1001L, 1002L).endsWith(1013L).hasSize(13);
      assertThat(events.get(1)).isEqualTo(new ScanEvent(1002, 1, EPC, 5, "WMS", "WMS_Inbound",
          Instant.parse("2025-07-01T11:02:38Z"), MADE));
    }

    @Test
    @DisplayName("finds columns by name in any order, without manufacture_date, and lists unknown columns")
    void findsColumnsByName() throws IOException {
      List<String> lines = List.of("note\tevent_time\tevent_type\tbusiness_step\tlocation_id\tepc_code",
          "x\t2025-07-01 11:02:38\tWMS_Inbound\tWMS\t5\t" + EPC);
      ScanFileSummary summary = read(write("moved.tsv", lines), 2);
      assertThat(summary.unknownColumns()).containsExactly("note");
      assertThat(events).containsExactly(new ScanEvent(1, 2, EPC, 5, "WMS", "WMS_Inbound",
          Instant.parse("2025-07-01T11:02:38Z"), null));
    }

    @Test
    @DisplayName("reads a byte-order mark and Windows line ends")
    void toleratesBomAndCrlf() throws IOException {
      Path file = dir.resolve("windows.tsv");
      Files.writeString(file, "\uFEFF" + String.join("\r\n", sampleLines) + "\r\n", UTF_8);
      read(file, 1);
      assertThat(problems).isEmpty();
      assertThat(events).hasSize(13);
      assertThat(events.get(12).eventType()).isEqualTo("WMS_Outbound");
    }

    @Test
    @DisplayName("reads zone-less times in the configured zone")
    void readsTimesInTheConfiguredZone() throws IOException {
      new ScanFileReader(new ScanFileOptions().setTimeZone(ZoneId.of("Asia/Seoul")))
          .read(write("kst.tsv", sampleLines), 1, events::add, problems::add);
      assertThat(events.get(0).eventTime()).isEqualTo(Instant.parse("2025-07-01T01:34:17Z"));
    }

    @Test
    @DisplayName("the canonical raw columns are the production header's 18 columns")
    void rawColumnsMatchTheProductionHeader() {
      assertThat(ScanFileColumns.RAW_COLUMNS).containsExactlyElementsOf(
          Arrays.asList(sampleLines.get(0).split("\t")).subList(0, 18));
      assertThat(ScanFileColumns.CANONICAL_COLUMNS).hasSize(19).startsWith(ScanFileColumns.EVENT_ID);
    }
  }

  @Nested
  @DisplayName("a bad row")
  class BadRows {

    @Test
    @DisplayName("is reported with its line and field, and the rows around it are read")
    void reportsBadRows() throws IOException {
      List<String> lines = withValue(sampleLines, 3, "event_time", "2025-07-29 25:57:38");
      lines = withValue(lines, 5, "location_id", "x13");
      lines = withValue(lines, 6, "manufacture_date", "yesterday");
      List<String> shortRow = new ArrayList<>(lines);
      shortRow.set(8, lines.get(8).substring(0, lines.get(8).lastIndexOf('\t')));
      shortRow.add(10, "");
      Path file = write("bad.tsv", shortRow);
      ScanFileSummary summary = read(file, 1);
      assertThat(problems).containsExactly(
          new ScanFileProblem(file, 4, "event_time", "'2025-07-29 25:57:38' is not a readable time "
              + "(Invalid value for HourOfDay (valid values 0 - 23): 25): "
              + "expected YYYY-MM-DD HH:MM:SS or ISO-8601 such as 2025-07-01T11:02:38Z"),
          new ScanFileProblem(file, 6, "location_id", "'x13' is not a whole number of 1 to 9 digits"),
          new ScanFileProblem(file, 7, "manufacture_date", "'yesterday' is not a readable time "
              + "(unexpected character at position 1): "
              + "expected YYYY-MM-DD HH:MM:SS or ISO-8601 such as 2025-07-01T11:02:38Z"),
          new ScanFileProblem(file, 9, "row", "expected 19 tab-separated values as in the header, found 18 values"),
          new ScanFileProblem(file, 11, "row", "expected 19 tab-separated values as in the header, found an empty line"));
      assertThat(summary.rows()).isEqualTo(14);
      assertThat(summary.events()).isEqualTo(9);
      assertThat(summary.problems()).isEqualTo(5);
      assertThat(events).extracting(ScanEvent::eventId).containsExactly(1L, 2L, 4L, 7L, 9L, 11L, 12L, 13L, 14L);
    }

    @Test
    @DisplayName("with a needed value that is not UTF-8 is reported; other columns are not decoded")
    void reportsValuesInAnotherEncoding() throws IOException {
      Path file = dir.resolve("mixed.tsv");
      String euckr = "인천공장";
      byte[] header = (sampleLines.get(0) + "\n").getBytes(UTF_8);
      byte[] goodRowBadName = (sampleLines.get(1) + "\n").replace(euckr, "@@").getBytes(UTF_8);
      String badEpcRow = sampleLines.get(2).replace(EPC, "EPC-@@");
      byte[] nameBytes = euckr.getBytes(Charset.forName("EUC-KR"));
      Files.write(file, concat(header, replaceMarker(goodRowBadName, nameBytes),
          replaceMarker((badEpcRow + "\n").getBytes(UTF_8), nameBytes)));
      read(file, 1);
      assertThat(events).extracting(ScanEvent::eventId).containsExactly(1L);
      assertThat(problems).extracting(ScanFileProblem::line, ScanFileProblem::field)
          .containsExactly(tuple(3L, "epc_code"));
      assertThat(problems.get(0).reason()).endsWith("holds bytes that are not UTF-8: scan files must be saved as UTF-8");
    }

    @Test
    @DisplayName("longer than the read buffer, or last without a line end, is read whole")
    void readsLongAndUnterminatedRows() throws IOException {
      List<String> lines = withValue(sampleLines, 1, "product_name", "P".repeat(200_000));
      Path file = dir.resolve("long.tsv");
      Files.writeString(file, String.join("\n", lines), UTF_8);
      ScanFileSummary summary = read(file, 1);
      assertThat(problems).isEmpty();
      assertThat(summary.events()).isEqualTo(13);
      assertThat(events.get(0).epcCode()).isEqualTo(EPC);
      assertThat(events.get(12).eventType()).isEqualTo("WMS_Outbound");
    }

    @Test
    @DisplayName("with a non-numeric event_id is reported with that field")
    void reportsABadEventId() throws IOException {
      List<String> lines = withValue(resourceLines("raw_sample_with_event_id.tsv"), 2, "event_id", "12a");
      Path file = write("ids.tsv", lines);
      read(file, 1);
      assertThat(problems).containsExactly(new ScanFileProblem(file, 3, "event_id",
          "'12a' is not a whole number of 1 to 18 digits"));
      assertThat(problems.get(0).message()).isEqualTo(file + ":3: event_id: '12a' is not a whole number of 1 to 18 digits");
      assertThat(events).hasSize(12);
    }
  }

  @Nested
  @DisplayName("an unreadable file")
  class UnreadableFile {

    @Test
    @DisplayName("without a required column is refused, naming the column")
    void refusesAMissingColumn() throws IOException {
      Path file = write("no-time.tsv", List.of("epc_code\tlocation_id\tbusiness_step\tevent_type", "a\t1\tb\tc"));
      assertThatThrownBy(() -> read(file, 1)).isInstanceOf(ScanFileFormatException.class)
          .hasMessage(file + ": the header has no column 'event_time'; required are business_step, epc_code, "
              + "event_time, event_type, location_id (found by name, in any order), "
              + "found epc_code, location_id, business_step, event_type");
    }

    @Test
    @DisplayName("naming a column twice is refused")
    void refusesARepeatedColumn() throws IOException {
      Path file = write("twice.tsv", List.of(sampleLines.get(0) + "\tlocation_id"));
      assertThatThrownBy(() -> read(file, 1)).isInstanceOf(ScanFileFormatException.class)
          .hasMessage(file + ": column 'location_id' appears twice in the header (columns 2 and 20): keep one of them");
    }

    @Test
    @DisplayName("that is empty is refused")
    void refusesAnEmptyFile() throws IOException {
      Path file = Files.createFile(dir.resolve("empty.tsv"));
      assertThatThrownBy(() -> read(file, 1)).isInstanceOf(ScanFileFormatException.class)
          .hasMessageStartingWith(file + ": no header row: the first line must name the tab-separated columns");
    }

    @Test
    @DisplayName("whose header is not UTF-8 is refused")
    void refusesAHeaderInAnotherEncoding() throws IOException {
      Path file = dir.resolve("euc-kr.tsv");
      Files.write(file, (String.join("\t", ScanFileColumns.CANONICAL_COLUMNS) + "\t공장\n").getBytes(Charset.forName("EUC-KR")));
      assertThatThrownBy(() -> read(file, 1)).isInstanceOf(ScanFileFormatException.class)
          .hasMessage(file + ": the header row holds bytes that are not UTF-8: scan files must be saved as UTF-8");
    }
  }

  /** The bytes with the two-byte marker {@code @@} replaced by {@code replacement}. */
  private static byte[] replaceMarker(byte[] bytes, byte[] replacement) {
    String text = new String(bytes, ISO_8859_1);
    int at = text.indexOf("@@");
    return concat(Arrays.copyOfRange(bytes, 0, at), replacement, Arrays.copyOfRange(bytes, at + 2, bytes.length));
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
