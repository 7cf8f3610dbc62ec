package org.barcodeanomaly.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's score and analyze commands, run in-process against the built plugins/. */
class LauncherCommandsTest {

  private static final String HEADER = "event_id\tscan_location\tlocation_id\thub_type\tbusiness_step"
      + "\tevent_type\toperator_id\tdevice_id\tepc_code\tepc_header\tepc_company\tepc_product"
      + "\tepc_lot\tepc_manufacture\tepc_serial\tproduct_name\tevent_time\tmanufacture_date\texpiry_date";
  private static final String EPC = "001.8804823.1293291.010004.20250701.000004002";

  @TempDir
  Path directory;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream originalOut;
  private PrintStream originalErr;

  @BeforeEach
  void captureConsole() {
    originalOut = System.out;
    originalErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreConsole() {
    System.setOut(originalOut);
    System.setErr(originalErr);
  }

  private int run(String... args) {
    return AnomalyCommand.commandLine().execute(args);
  }

  private static String row(long id, int location, String step, String type, String time) {
    return id + "\t인천공장창고\t" + location + "\tICN_X\t" + step + "\t" + type + "\t" + location + "\t"
        + location + "\t" + EPC + "\t1\t8804823\t1293291\t10004\t20250701\t4002\tProduct 4\t" + time
        + "\t2025-07-01 10:34:17\t20251231";
  }

  private Path scanDirectory(String... rows) throws IOException {
    Path scans = Files.createDirectories(directory.resolve("scans"));
    List<String> lines = new ArrayList<>(List.of(HEADER));
    lines.addAll(List.of(rows));
    Files.write(scans.resolve("icn.csv"), lines, StandardCharsets.UTF_8);
    return scans;
  }

  @Nested
  @DisplayName("score")
  class Score {

    @Test
    @DisplayName("writes one row of five scores per accepted event and reports an unreadable row with its line")
    void writesEveryAcceptedEventAndReportsBadRows() throws IOException {
      Path scans = scanDirectory(
          row(11, 1, "Factory", "Aggregation", "2025-07-01 10:34:17"),
          row(12, 5, "WMS", "WMS_Inbound", "2025-07-01 11:02:38"),
          row(13, 5, "WMS", "WMS_Outbound", "not a time"),
          row(14, 158, "POS_Sell", "POS_Sell", "2025-07-01 11:30:00"));
      Path scores = directory.resolve("scores.csv");

      int status = run("score", "--detector", "rule", "--in", scans.toString(), "--out", scores.toString(),
          "--json", directory.resolve("result.json").toString());

      assertThat(status).isZero();
      List<String> lines = Files.readAllLines(scores);
      assertThat(lines.get(0)).isEqualTo("event_id,epcFake,epcDup,locErr,evtOrderErr,jump");
      assertThat(lines).hasSize(4);
      assertThat(lines.get(1)).isEqualTo("11,0.0,0.0,0.0,0.0,0.0");
      assertThat(lines.get(3)).startsWith("14,");
      assertThat(err.toString(StandardCharsets.UTF_8)).contains("icn.csv:4: event_time");
      assertThat(out.toString(StandardCharsets.UTF_8)).contains("events=3 rejected=1");
      assertThat(Files.exists(directory.resolve("scores.thresholds.json"))).isTrue();
      JsonNode json = new ObjectMapper().readTree(directory.resolve("result.json").toFile());
      assertThat(json.get("EventHistory").get(0).get("eventId").asLong()).isEqualTo(14);
    }

    @Test
    @DisplayName("names the missing detector and what is available instead of failing obscurely")
    void namesAnUnknownDetector() throws IOException {
      Path scans = scanDirectory(row(1, 1, "Factory", "Aggregation", "2025-07-01 10:34:17"));

      int status = run("score", "--detector", "nope", "--in", scans.toString(),
          "--out", directory.resolve("s.csv").toString());

      assertThat(status).isEqualTo(1);
      assertThat(err.toString(StandardCharsets.UTF_8)).contains("'nope'").contains("available: ").contains("rule");
    }
  }

  @Nested
  @DisplayName("analyze")
  class Analyze {

    @Test
    @DisplayName("answers the legacy request with the contract's fields and lists a malformed item in rejectedEvents")
    void answersTheLegacyRequest() throws IOException {
      ObjectMapper mapper = new ObjectMapper();
      JsonNode legacy;
      try (InputStream in = getClass().getResourceAsStream("/legacy_request_example.json")) {
        legacy = mapper.readTree(in);
      }
      ((com.fasterxml.jackson.databind.node.ArrayNode) legacy.get("data")).add(42);
      Path request = directory.resolve("request.json");
      mapper.writeValue(request.toFile(), legacy);

      int status = run("analyze", "--detector", "rule", "--request", request.toString());

      assertThat(status).isZero();
      JsonNode response = mapper.readTree(out.toString(StandardCharsets.UTF_8));
      List<String> fields = new ArrayList<>();
      response.fieldNames().forEachRemaining(fields::add);
      assertThat(fields).containsExactly("fileId", "method", "EventHistory", "epcAnomalyStats",
          "fileAnomalyStats", "rejectedEvents");
      assertThat(response.get("rejectedEvents").get(0).get("index").asInt()).isEqualTo(8);
      assertThat(response.get("fileAnomalyStats").get("epcFakeCount").asInt()).isPositive();
    }

    @Test
    @DisplayName("refuses a body that is not JSON with exit status 2 and the reason")
    void refusesNonJson() throws IOException {
      Path request = Files.writeString(directory.resolve("bad.json"), "not json");

      int status = run("analyze", "--request", request.toString());

      assertThat(status).isEqualTo(2);
      assertThat(err.toString(StandardCharsets.UTF_8)).contains("not valid JSON");
    }
  }

  @Nested
  @DisplayName("a user's mistake")
  class Mistakes {

    private List<String> errorLines() {
      return err.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    @DisplayName("an unknown option is one line naming it and pointing at --help, not the whole usage")
    void unknownOptionIsOneLine() throws IOException {
      Path scans = scanDirectory(row(1, 1, "Factory", "Aggregation", "2025-07-01 10:34:17"));

      int status = run("score", "--in", scans.toString(), "--out", directory.resolve("s.csv").toString(), "--bogus");

      assertThat(status).isEqualTo(2);
      assertThat(errorLines()).containsExactly(
          "anomaly score: Unknown option: '--bogus' (see 'anomaly score --help')");
    }

    @Test
    @DisplayName("a value a converter refuses is explained in the converter's words, without a Java class name")
    void refusedValueIsExplained() {
      int status = run("analyze", "--request", "r.json", "--zone", "Mars/Olympus");

      assertThat(status).isEqualTo(2);
      assertThat(errorLines()).containsExactly("anomaly analyze: Invalid value for option '--zone': "
          + "'Mars/Olympus' is not a time zone: use a region such as Asia/Seoul or UTC, or an offset "
          + "such as +09:00 (see 'anomaly analyze --help')");
    }

    @Test
    @DisplayName("a value a command's own converter refuses is given in that converter's words")
    void ownConverterWordsAreKept() {
      int status = run("simulate", "--out", directory.toString(), "--profile", "dirty");

      assertThat(status).isEqualTo(2);
      assertThat(errorLines()).containsExactly("anomaly simulate: invalid value for option '--profile': "
          + "unknown profile 'dirty': expected clean or field (see 'anomaly simulate --help')");
    }

    @Test
    @DisplayName("an unknown command is one line with the nearest command")
    void unknownCommandSuggestsTheNearest() {
      int status = run("evaluat");

      assertThat(status).isEqualTo(2);
      assertThat(errorLines()).singleElement().asString()
          .contains("'evaluat'").contains("did you mean evaluate");
    }

    @Test
    @DisplayName("an output file in a directory that does not exist names that directory")
    void missingOutputDirectoryIsNamed() throws IOException {
      Path scans = scanDirectory(row(1, 1, "Factory", "Aggregation", "2025-07-01 10:34:17"));
      Path absent = directory.resolve("absent");

      int status = run("score", "--in", scans.toString(), "--out", absent.resolve("s.csv").toString());

      assertThat(status).isEqualTo(1);
      assertThat(errorLines()).containsExactly("anomaly score: " + absent.resolve("s.csv")
          + ": no such file or directory (the directory " + absent + " does not exist)");
    }

    @Test
    @DisplayName("a request file that does not exist is named with the reason")
    void missingRequestIsNamed() {
      Path absent = directory.resolve("absent.json");

      int status = run("analyze", "--request", absent.toString());

      assertThat(status).isEqualTo(1);
      assertThat(errorLines()).containsExactly("anomaly analyze: " + absent + ": no such file or directory");
    }

    @Test
    @DisplayName("a directory given as the request is refused as such")
    void directoryAsRequestIsRefused() {
      int status = run("analyze", "--request", directory.toString());

      assertThat(status).isEqualTo(1);
      assertThat(errorLines()).containsExactly(
          "anomaly analyze: " + directory + ": is a directory: name the request JSON file");
    }
  }

  @Test
  @DisplayName("scores are written exactly, never rounded below a threshold they reach")
  void scoresAreWrittenExactly() {
    StringBuilder text = new StringBuilder();
    ScoreCommand.appendScore(text, 97.54f);
    text.append(',');
    ScoreCommand.appendScore(text, 0.0001f);
    text.append(',');
    ScoreCommand.appendScore(text, 100f);

    assertThat(text.toString()).isEqualTo("97.54,0.0001,100.0");
  }
}
