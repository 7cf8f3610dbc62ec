package org.barcodeanomaly.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bundled models score a fixed, committed set of scan files exactly as recorded: every score
 * of every event, to the last digit {@code score} writes.
 *
 * <p>The set ({@code golden/scans}, 2,301 events of 600 EPCs, simulated with the seed and options
 * of {@code golden/simulation.json}) and the scores ({@code golden/<detector>-scores.csv}) were
 * written by the launcher before a restructuring. A refactoring that changes no behaviour leaves
 * them identical; a deliberate change of a detector or a retrained bundled model rewrites the
 * recorded file in the same commit, with the reason:
 * {@code bin/anomaly score --detector D --in cli/src/test/resources/golden/scans --out
 * cli/src/test/resources/golden/D-scores.csv}.
 */
class BundledModelScoresTest {

  @TempDir
  Path directory;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"rule", "svm", "lstm"})
  @DisplayName("the bundled detector scores the fixed set byte for byte as recorded")
  void scoresAsRecorded(String detector) throws Exception {
    Path out = directory.resolve(detector + ".csv");
    int status = runQuietly("score", "--detector", detector, "--in", golden("scans").toString(),
        "--out", out.toString());

    assertThat(status).isZero();
    List<String> expected = Files.readAllLines(golden(detector + "-scores.csv"), StandardCharsets.UTF_8);
    List<String> actual = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertThat(actual).hasSize(expected.size());
    for (int line = 0; line < expected.size(); line++) {
      assertThat(actual.get(line)).as("%s line %d", detector, line + 1).isEqualTo(expected.get(line));
    }
  }

  private static Path golden(String name) throws URISyntaxException {
    return Path.of(BundledModelScoresTest.class.getResource("/golden/" + name).toURI());
  }

  private static int runQuietly(String... args) throws IOException {
    PrintStream original = System.out;
    try (PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)) {
      System.setOut(sink);
      return AnomalyCommand.commandLine().execute(args);
    } finally {
      System.setOut(original);
    }
  }
}
