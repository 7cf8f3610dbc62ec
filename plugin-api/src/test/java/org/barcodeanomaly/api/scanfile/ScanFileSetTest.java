package org.barcodeanomaly.api.scanfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.barcodeanomaly.api.event.ScanEvent;
import org.barcodeanomaly.api.scanfile.ScanFileSet.NumberedFile;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanFileSetTest {

  private static final String HEADER = "event_id\tepc_code\tlocation_id\tbusiness_step\tevent_type\tevent_time";

  @TempDir
  Path dir;

  private Path file(Path parent, String name, int eventId) throws IOException {
    Files.createDirectories(parent);
    return Files.writeString(parent.resolve(name),
        HEADER + "\n" + eventId + "\tE\t1\tFactory\tAggregation\t2025-07-01 10:34:17\n");
  }

  @Test
  @DisplayName("numbers files in argument order, a directory's files sorted by name")
  void numbersFilesInOrder() throws IOException {
    Path single = file(dir, "z-first.tsv", 1);
    Path exports = dir.resolve("exports");
    Path ygs = file(exports, "ygs.csv", 3);
    Path hws = file(exports, "hws.csv", 2);
    Files.createDirectories(exports.resolve("nested"));
    ScanFileSet set = ScanFileSet.expand(List.of(single, exports));
    assertThat(set.files()).containsExactly(new NumberedFile(single, 1), new NumberedFile(hws, 2),
        new NumberedFile(ygs, 3));

    List<ScanEvent> events = new ArrayList<>();
    List<ScanFileSummary> summaries = set.read(new ScanFileReader(), events::add, problem -> { });
    assertThat(events).extracting(ScanEvent::eventId).containsExactly(1L, 2L, 3L);
    assertThat(events).extracting(ScanEvent::fileId).containsExactly(1L, 2L, 3L);
    assertThat(summaries).extracting(ScanFileSummary::fileId).containsExactly(1L, 2L, 3L);
  }

  @Test
  @DisplayName("a path that does not exist is refused, naming the argument")
  void refusesAMissingPath() throws IOException {
    Path present = file(dir, "present.tsv", 1);
    Path missing = dir.resolve("missing.tsv");
    assertThatThrownBy(() -> ScanFileSet.expand(List.of(present, missing)))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessage(missing + ": argument 2 is neither a file nor a directory");
  }

  @Test
  @DisplayName("a directory without files is refused rather than silently contributing nothing")
  void refusesAnEmptyDirectory() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    assertThatThrownBy(() -> ScanFileSet.expand(List.of(empty)))
        .isInstanceOf(IOException.class)
        .hasMessage(empty + " (argument 1) is a directory with no file in it: "
            + "name a file or a directory that holds scan files");
  }
}
