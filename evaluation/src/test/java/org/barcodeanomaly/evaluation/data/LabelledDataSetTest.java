package org.barcodeanomaly.evaluation.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.barcodeanomaly.api.event.AnomalyType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelledDataSetTest {

  private static final String HEADER = "event_id\tlocation_id\tbusiness_step\tevent_type\tepc_code\tevent_time\n";
  private static final String LABELS_HEADER = "event_id,epcFake,epcDup,locErr,evtOrderErr,jump\n";

  private static Path write(Path dir, String scans, String labels) throws IOException {
    Files.createDirectories(dir.resolve("scans"));
    Files.writeString(dir.resolve("scans/icn.csv"), HEADER + scans);
    Files.writeString(dir.resolve("labels.csv"), labels);
    return dir;
  }

  @Test
  @DisplayName("joins scan rows and label rows by event_id, and hashes the files")
  void joinsLabels(@TempDir Path dir) throws IOException {
    write(dir, "7\t1\tFactory\tAggregation\tE1\t2025-07-01 10:00:00\n"
        + "9\t5\tWMS\tWMS_Inbound\tE1\t2025-07-01 11:00:00\n",
        LABELS_HEADER + "9,0,0,1,0,1\n7,1,0,0,0,0\n");

    LabelledDataSet loaded = LabelledDataSet.read(dir);

    assertThat(loaded.data().size()).isEqualTo(2);
    assertThat(loaded.data().anomalous(0, AnomalyType.EPC_FAKE)).isTrue();
    assertThat(loaded.data().anomalous(1, AnomalyType.LOC_ERR)).isTrue();
    assertThat(loaded.data().anomalous(1, AnomalyType.JUMP)).isTrue();
    assertThat(loaded.data().anomalous(1, AnomalyType.EPC_FAKE)).isFalse();
    assertThat(loaded.sha256()).matches("sha256:[0-9a-f]{64}");
    assertThat(loaded.sha256()).as("the hash of the same bytes, read again").isEqualTo(LabelledDataSet.read(dir).sha256());
    assertThat(loaded.problems()).isEmpty();
  }

  @Test
  @DisplayName("an event without a label row and an unreadable row are listed, not dropped silently")
  void listsProblems(@TempDir Path dir) throws IOException {
    write(dir, "7\t1\tFactory\tAggregation\tE1\t2025-07-01 10:00:00\n"
        + "8\t1\tFactory\tAggregation\tE2\tyesterday\n"
        + "9\t5\tWMS\tWMS_Inbound\tE1\t2025-07-01 11:00:00\n", LABELS_HEADER + "7,0,0,0,0,0\n");

    LabelledDataSet loaded = LabelledDataSet.read(dir);

    assertThat(loaded.data().size()).isEqualTo(1);
    assertThat(loaded.problems()).hasSize(2);
    assertThat(loaded.problems().get(1)).contains("event_id 9").contains("no row in labels.csv");
  }

  @Test
  @DisplayName("a label row that cannot be read is listed, and its event left out")
  void badLabel(@TempDir Path dir) throws IOException {
    write(dir, "7\t1\tFactory\tAggregation\tE1\t2025-07-01 10:00:00\n", LABELS_HEADER + "7,0,2,0,0,0\n");

    LabelledDataSet loaded = LabelledDataSet.read(dir);

    assertThat(loaded.data().size()).isZero();
    assertThat(loaded.problems()).anySatisfy(problem -> assertThat(problem).contains("epcDup"));
  }

  @Test
  @DisplayName("the hash changes with any byte of the labels or the scans")
  void hashFollowsTheBytes(@TempDir Path dir) throws IOException {
    write(dir, "7\t1\tFactory\tAggregation\tE1\t2025-07-01 10:00:00\n", LABELS_HEADER + "7,0,0,0,0,0\n");
    String first = LabelledDataSet.read(dir).sha256();
    Files.writeString(dir.resolve("labels.csv"), LABELS_HEADER + "7,1,0,0,0,0\n");
    String relabelled = LabelledDataSet.read(dir).sha256();
    Files.writeString(dir.resolve("scans/icn.csv"), HEADER + "7\t1\tFactory\tAggregation\tE1\t2025-07-01 10:00:01\n");
    String rescanned = LabelledDataSet.read(dir).sha256();

    assertThat(List.of(first, relabelled, rescanned)).doesNotHaveDuplicates();
  }

  @Test
  @DisplayName("a directory that is no simulator output says what it should hold")
  void notASimulation(@TempDir Path dir) {
    assertThatThrownBy(() -> LabelledDataSet.read(dir)).isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("bin/anomaly simulate");
  }
}
