package org.barcodeanomaly.evaluation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The compare command as a user runs it, on a two-EPC data set and two detectors' scores. */
class CompareCommandTest {

  private static final String HEADER = "event_id\tlocation_id\tbusiness_step\tevent_type\tepc_code\tevent_time\n";
  private static final String SCORES_HEADER = "event_id,epcFake,epcDup,locErr,evtOrderErr,jump\n";

  @TempDir
  Path dir;

  @BeforeEach
  void dataSet() throws IOException {
    Files.createDirectories(dir.resolve("scans"));
    Files.writeString(dir.resolve("scans/icn.csv"), HEADER
        + "1\t1\tFactory\tAggregation\tBAD\t2025-07-01 10:00:00\n"
        + "2\t5\tWMS\tWMS_Inbound\tBAD\t2025-07-01 10:30:00\n"
        + "3\t1\tFactory\tAggregation\tGOOD\t2025-07-01 10:00:00\n"
        + "4\t5\tWMS\tWMS_Inbound\tGOOD\t2025-07-09 10:30:00\n");
    Files.writeString(dir.resolve("labels.csv"), SCORES_HEADER + "1,1,0,0,0,0\n2,1,0,0,0,0\n3,0,0,0,0,0\n4,0,0,0,0,0\n");
    Files.writeString(dir.resolve("anomalies.csv"), "file,epc_code,variant\nicn,BAD,fake-header\n");
    Files.writeString(dir.resolve("noise.csv"), "event_id,noise\n4,slow-leg\n");
  }

  @Test
  @DisplayName("puts each detector in its own column, judged at its own thresholds from the sidecar")
  void sideBySideAtOwnThresholds() throws IOException {
    Path quiet = Files.writeString(dir.resolve("quiet.csv"), SCORES_HEADER
        + "1,90,0,0,0,0\n2,90,0,0,0,0\n3,0,0,0,0,0\n4,0,0,0,0,0\n");
    Path noisy = Files.writeString(dir.resolve("noisy.csv"), SCORES_HEADER
        + "1,90,0,0,0,0\n2,20,0,0,0,0\n3,0,0,0,0,0\n4,0,0,0,0,40\n");
    Files.writeString(dir.resolve("noisy.thresholds.json"), "{\"thresholds\":{\"jump\":30}}");
    Path table = dir.resolve("table.md");

    String printed = run("--data", dir.toString(), "--scores", "quiet=" + quiet, "--scores", "noisy=" + noisy,
        "--out", table.toString());

    assertThat(printed).startsWith("| | quiet | noisy |\n|---|---:|---:|\n");
    assertThat(printed).contains("| false alerts per million events of anomaly-free EPCs | 0 | 500,000 |")
        .contains("| normal variation `slow-leg`: events reported | 0 of 1 | 1 of 1 |")
        .contains("| recall `fake-header` | 1.000 | 0.500 |")
        .contains("| ROC-AUC epcFake | 1.0000 | 1.0000 |")
        .contains("| ROC-AUC epcDup | – | – |");
    assertThat(Files.readString(table)).isEqualTo(printed.substring(0, printed.indexOf("wrote ")));
  }

  @Test
  @DisplayName("a scores file that does not exist is refused naming the column and the file")
  void refusesAMissingScoresFile() {
    Path absent = dir.resolve("absent.csv");
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    CommandLine command = new CommandLine(new CompareCommand());
    command.setErr(new java.io.PrintWriter(errors, true, StandardCharsets.UTF_8));
    int status = command.execute("--data", dir.toString(), "--scores", "svm=" + absent);
    assertThat(status).isNotZero();
    assertThat(errors.toString(StandardCharsets.UTF_8)).contains(absent.toString()).contains("--scores svm=");
  }

  private static String run(String... args) {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      assertThat(new CommandLine(new CompareCommand()).execute(args)).as("exit status").isZero();
    } finally {
      System.setOut(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
