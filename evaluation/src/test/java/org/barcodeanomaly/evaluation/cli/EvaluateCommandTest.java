package org.barcodeanomaly.evaluation.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The evaluate command as a user runs it. */
class EvaluateCommandTest {

  @TempDir
  Path directory;

  @Test
  @DisplayName("prints the table and writes the JSON report, undefined metrics as null")
  void printsAndWrites() throws IOException {
    Path labels = Files.writeString(directory.resolve("labels.csv"),
        "event_id,epcFake,epcDup,locErr,evtOrderErr,jump\n1,1,0,0,0,0\n2,0,0,0,0,0\n3,0,0,0,0,1\n");
    Path scores = Files.writeString(directory.resolve("scores.csv"),
        "event_id,epcFake,epcDup,locErr,evtOrderErr,jump\n1,95.0,0.0,0.0,0.0,0.0\n2,10.0,0.0,0.0,0.0,0.0\n"
            + "3,0.0,0.0,0.0,0.0,30.0\n");
    Path report = directory.resolve("report.json");
    String printed = run("--labels", labels.toString(), "--scores", scores.toString(), "--out", report.toString(),
        "--thresholds", "jump=25");
    assertThat(printed).contains("events evaluated 3").contains("epcFake").contains("hamming loss")
        .contains("cost-weighted accuracy");
    JsonNode json = new ObjectMapper().readTree(report.toFile());
    assertThat(json.path("types").path("epcFake").path("rocAuc").asDouble()).isEqualTo(1.0);
    assertThat(json.path("types").path("jump").path("threshold").asDouble()).isEqualTo(25.0);
    assertThat(json.path("types").path("jump").path("recall").asDouble()).isEqualTo(1.0);
    assertThat(json.path("types").path("epcDup").path("rocAuc").isNull()).isTrue();
    assertThat(json.path("hammingLoss").asDouble()).isZero();
  }

  @Test
  @DisplayName("a directory given as --labels is refused naming it, before anything is read")
  void refusesADirectoryAsLabels() throws IOException {
    EvaluateCommand command = new EvaluateCommand();
    command.labels = directory;
    command.scores = Files.writeString(directory.resolve("scores.csv"), "event_id,epcFake,epcDup,locErr,evtOrderErr,jump\n");

    assertThatThrownBy(command::call).isInstanceOf(FileSystemException.class)
        .hasMessage(directory + ": is a directory: name the labels.csv file");
  }

  @Test
  @DisplayName("a --scores file that does not exist is refused naming it")
  void refusesAMissingScoresFile() throws IOException {
    EvaluateCommand command = new EvaluateCommand();
    command.labels = Files.writeString(directory.resolve("labels.csv"), "event_id,epcFake,epcDup,locErr,evtOrderErr,jump\n");
    command.scores = directory.resolve("absent.csv");

    assertThatThrownBy(command::call).isInstanceOf(NoSuchFileException.class)
        .hasMessage(command.scores + ": no such file: name an existing scores.csv");
  }

  private static String run(String... args) {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      assertThat(new CommandLine(new EvaluateCommand()).execute(args)).as("exit status").isZero();
    } finally {
      System.setOut(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
