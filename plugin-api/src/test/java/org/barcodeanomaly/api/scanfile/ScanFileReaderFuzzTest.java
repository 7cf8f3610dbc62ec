package org.barcodeanomaly.api.scanfile;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.barcodeanomaly.api.event.ScanEvent;

/**
 * Any bytes at all, read as a raw scan file: the reader either refuses the file with a
 * {@link ScanFileFormatException} naming it, or turns every data row into one event or one
 * problem; it never throws anything else. The seeds in {@code ScanFileReaderFuzzTestInputs/} run
 * in every build; {@code JAZZER_FUZZ=1} fuzzes (gateway/README.md, Fuzzing).
 */
class ScanFileReaderFuzzTest {

  private static final ScanFileReader READER = new ScanFileReader();

  @FuzzTest(maxDuration = "60s")
  void readsOrRefusesAnyFile(byte[] content) throws IOException {
    Path file = Files.createTempFile("fuzzed-scans-", ".tsv");
    try {
      Files.write(file, content);
      List<ScanEvent> events = new ArrayList<>();
      List<ScanFileProblem> problems = new ArrayList<>();
      ScanFileSummary summary;
      try {
        summary = READER.read(file, 7, events::add, problems::add);
      } catch (ScanFileFormatException refused) {
        assertThat(refused.getMessage()).contains(file.toString());
        return;
      }
      assertThat(summary.events()).isEqualTo(events.size());
      assertThat(summary.problems()).isEqualTo(problems.size());
      assertThat(summary.rows()).isEqualTo(summary.events() + summary.problems());
      assertThat(events).allSatisfy(event -> assertThat(event.fileId()).isEqualTo(7));
      assertThat(problems).allSatisfy(problem -> assertThat(problem.reason()).isNotBlank());
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
