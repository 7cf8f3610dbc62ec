package org.barcodeanomaly.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.barcodeanomaly.simulator.anomaly.AnomalyVariant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The simulate command as a user runs it. */
class SimulateCommandTest {

  @TempDir
  Path directory;

  @Test
  @DisplayName("writes the four scan files, labels, anomalies and manifest, then prints the fidelity report")
  void writesAndReports() throws IOException {
    Path out = directory.resolve("set");
    String printed = run("--out", out.toString(), "--epcs", "4000", "--seed", "5", "--profile", "field", "--report");
    for (String file : new String[] {"scans/icn.csv", "scans/hws.csv", "scans/kum.csv", "scans/ygs.csv",
        "labels.csv", "anomalies.csv", "simulation.json"}) {
      assertThat(out.resolve(file)).exists();
    }
    assertThat(printed).contains("of 4,000 EPCs").contains("rows per file").contains("travel hours per route")
        .contains("injected EPCs per variant").contains("rows the reader rejected");
    assertThat(Files.readString(out.resolve("simulation.json"))).contains("\"profile\" : \"field\"");
  }

  @Test
  @DisplayName("--report-only reads an existing set without writing it again")
  void reportsOnly() throws IOException {
    Path out = directory.resolve("set");
    run("--out", out.toString(), "--epcs", "2000");
    long written = Files.getLastModifiedTime(out.resolve("labels.csv")).toMillis();
    String printed = run("--out", out.toString(), "--report-only");
    assertThat(printed).startsWith("Fidelity of");
    assertThat(Files.getLastModifiedTime(out.resolve("labels.csv")).toMillis()).isEqualTo(written);
  }

  @Test
  @DisplayName("--variants restricts injection to the named variants")
  void restrictsVariants() throws IOException {
    Path out = directory.resolve("set");
    run("--out", out.toString(), "--epcs", "2000", "--anomaly-rate", "0.5", "--variants", "jump-fast-arrival,fake-header");
    assertThat(Files.readAllLines(out.resolve("anomalies.csv")).stream().skip(1).map(row -> row.split(",")[2]).distinct())
        .containsExactlyInAnyOrder("jump-fast-arrival", "fake-header");
  }

  @Test
  @DisplayName("--list-variants prints the whole catalogue")
  void listsVariants() {
    String printed = run("--list-variants");
    for (AnomalyVariant variant : AnomalyVariant.values()) {
      assertThat(printed).contains(variant.id());
    }
  }

  @Test
  @DisplayName("a wrong value fails with a message naming it, not a stack trace")
  void refusesWrongValues() {
    StringWriter errors = new StringWriter();
    CommandLine command = new CommandLine(new SimulateCommand()).setErr(new PrintWriter(errors));
    int status = command.execute("--out", directory.toString(), "--profile", "noisy");
    assertThat(status).isNotZero();
    assertThat(errors.toString()).contains("unknown profile 'noisy'");
    errors.getBuffer().setLength(0);
    assertThat(command.execute("--out", directory.toString(), "--anomaly-rate", "2")).isNotZero();
    assertThat(errors.toString()).contains("anomaly rate must be within [0, 1], was 2.0");
  }

  private static String run(String... args) {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      int status = new CommandLine(new SimulateCommand()).execute(args);
      assertThat(status).as("exit status").isZero();
    } finally {
      System.setOut(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
