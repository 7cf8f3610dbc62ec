package org.barcodeanomaly.api.scanfile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.barcodeanomaly.api.bench.BenchTable;
import org.barcodeanomaly.api.event.ScanEvent;
import org.barcodeanomaly.api.time.EventTimeFormat;

/**
 * How fast {@link ScanFileReader} reads a production-sized file, against two usual ways of
 * reading it and the cost of only decoding and splitting its lines. Arguments: rows (default
 * 1,000,000), warm-up rounds (2), timed rounds (3); warm-ups 0 and rounds 1 give the cold time of
 * a fresh JVM, as a command-line run sees it:
 * {@code java -cp <plugin-api test classpath> org.barcodeanomaly.api.scanfile.ScanFileReadBench 1000000 2 3}.
 */
public final class ScanFileReadBench {

  private static final DateTimeFormatter DATA_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

  private ScanFileReadBench() {
  }

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int warmups = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    Path file = Files.createTempFile("scan-bench", ".tsv");
    try {
      writeTrails(file, rows);
      System.out.printf("file: %,d rows, %,d bytes%n", rows, Files.size(file));
      new BenchTable("reading one raw scan file", rows, "rows", warmups, rounds)
          .measure("ScanFileReader", () -> readWithScanFileReader(file))
          .measure("peer: split + DateTimeFormatter", () -> readWithSplit(file))
          .measure("peer: commons-csv TDF with header", () -> readWithCommonsCsv(file))
          .measureBaseline("baseline: BufferedReader.readLine only", () -> readLinesOnly(file))
          .print();
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** Checksum: the sum of location ids and event times (seconds) over the events read. */
  private static long checksum(ScanEvent event) {
    return event.locationId() + event.epochSecond();
  }

  private static long readWithScanFileReader(Path file) throws IOException {
    long[] sum = {0};
    new ScanFileReader().read(file, 1, event -> sum[0] += checksum(event), problem -> {
      throw new IllegalStateException(problem.message());
    });
    return sum[0];
  }

  private static long readWithSplit(Path file) throws IOException {
    long sum = 0;
    try (BufferedReader in = Files.newBufferedReader(file)) {
      in.readLine();
      long row = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] v = line.split("\t");
        sum += checksum(new ScanEvent(++row, 1, v[7], Integer.parseInt(v[1]), v[3], v[4],
            LocalDateTime.parse(v[15], DATA_TIME).toInstant(ZoneOffset.UTC),
            LocalDateTime.parse(v[16], DATA_TIME).toInstant(ZoneOffset.UTC)));
      }
    }
    return sum;
  }

  private static long readWithCommonsCsv(Path file) throws IOException {
    long sum = 0;
    CSVFormat format = CSVFormat.TDF.builder().setHeader().setSkipHeaderRecord(true).get();
    try (Reader in = Files.newBufferedReader(file); CSVParser parser = CSVParser.parse(in, format)) {
      for (CSVRecord record : parser) {
        sum += checksum(new ScanEvent(record.getRecordNumber(), 1, record.get("epc_code"),
            Integer.parseInt(record.get("location_id")), record.get("business_step"), record.get("event_type"),
            LocalDateTime.parse(record.get("event_time"), DATA_TIME).toInstant(ZoneOffset.UTC),
            LocalDateTime.parse(record.get("manufacture_date"), DATA_TIME).toInstant(ZoneOffset.UTC)));
      }
    }
    return sum;
  }

  private static long readLinesOnly(Path file) throws IOException {
    long lines = 0;
    try (BufferedReader in = Files.newBufferedReader(file)) {
      while (in.readLine() != null) {
        lines++;
      }
    }
    return lines;
  }

  /**
   * Writes {@code rows} rows of complete ICN trails (the trail of {@code raw_sample.tsv}), one lot
   * of 2,000 EPCs every 324 s, so times repeat in batches as in the production data.
   */
  private static void writeTrails(Path file, int rows) throws IOException {
    String[][] steps = {
        {"인천공장", "1", "ICN_Factory", "Factory", "Aggregation", "2025-07-01 10:34:17"},
        {"인천공장창고", "5", "ICN_WMS_Inbound", "WMS", "WMS_Inbound", "2025-07-01 11:02:38"},
        {"인천공장창고", "5", "ICN_WMS_Outbound", "WMS", "WMS_Outbound", "2025-07-29 16:57:38"},
        {"수도권물류센터", "13", "SEL_Logi_HUB_Inbound", "Logistics_HUB", "HUB_Inbound", "2025-07-30 02:09:38"},
        {"수도권물류센터", "13", "SEL_Logi_HUB_Outbound", "Logistics_HUB", "HUB_Outbound", "2025-08-14 13:20:38"},
        {"수도권_도매상1", "23", "SEL_WS1_Stock_Inbound", "W_Stock_Inbound", "W_Stock_Inbound", "2025-08-14 21:03:38"},
        {"수도권_도매상1", "23", "SEL_WS1_Stock_Outbound", "W_Stock_Outbound", "W_Stock_Outbound", "2025-09-17 21:38:38"},
        {"수도권_도매상3_권역_소매상2", "74", "SEL_WS3_Rsell2_Stock_Inbound", "R_Stock_Inbound", "R_Stock_Inbound", "2025-09-18 00:14:38"},
        {"수도권_도매상3_권역_소매상2", "74", "SEL_WS3_Rsell2_Stock_Outbound", "R_Stock_Outbound", "R_Stock_Outbound", "2025-09-24 16:23:38"},
        {"수도권_도매상3_권역_소매상2", "74", "SEL_WS3_Rsell2_POS_Sell", "POS_Sell", "POS_Sell", "2025-10-27 08:43:38"}};
    EventTimeFormat times = EventTimeFormat.UTC;
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(String.join("\t", ScanFileColumns.RAW_COLUMNS) + "\n");
      for (int row = 0; row < rows; row++) {
        int trail = row / steps.length;
        String[] step = steps[row % steps.length];
        long lotShift = (trail / 2_000) * 324L;
        String eventTime = times.format(times.parse(step[5]).plusSeconds(lotShift));
        String made = times.format(times.parse(steps[0][5]).plusSeconds(lotShift));
        String serial = String.format("%09d", trail);
        String epc = "001.8804823.1293291.010004.20250701." + serial;
        out.write(String.join("\t", List.of(step[0], step[1], step[2], step[3], step[4], step[1], step[1],
            epc, "1", "8804823", "1293291", "10004", "20250701", Integer.toString(trail), "Product 4",
            eventTime, made, "20251231")) + "\n");
      }
    }
  }
}
