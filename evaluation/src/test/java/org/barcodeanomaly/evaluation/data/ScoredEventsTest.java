package org.barcodeanomaly.evaluation.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.barcodeanomaly.api.event.AnomalyType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Joining scores to labels: nothing vanishes, every unusable row is named. */
class ScoredEventsTest {

  @TempDir
  Path directory;

  @Test
  @DisplayName("scores join labels by event id in any order and column order")
  void joinsById() throws IOException {
    Path labels = write("labels.csv", "event_id,epcFake,epcDup,locErr,evtOrderErr,jump\n1,1,0,0,0,0\n2,0,0,0,0,1\n");
    Path scores = write("scores.csv", "event_id,jump,epcDup,epcFake,locErr,evtOrderErr\n2,70.5,0,0,0,0\n1,0,0,99,0,0\n");
    ScoredEvents events = ScoredEvents.join(LabelTable.read(labels), scores);
    assertThat(events.size()).isEqualTo(2);
    assertThat(events.scores(AnomalyType.EPC_FAKE)).containsExactly(99f, 0f);
    assertThat(events.scores(AnomalyType.JUMP)).containsExactly(0f, 70.5f);
    assertThat(events.truth(AnomalyType.JUMP)).containsExactly(false, true);
    assertThat(events.problemCount()).isZero();
  }

  @Test
  @DisplayName("bad rows, unknown ids, repeated ids and unscored labels are counted and named")
  void reportsEveryProblem() throws IOException {
    Path labels = write("labels.csv", "event_id,epcFake,epcDup,locErr,evtOrderErr,jump\n1,1,0,0,0,0\n2,0,0,0,0,0\n"
        + "3,0,0,2,0,0\n4,0,0,0,0,0\n");
    Path scores = write("scores.csv", "event_id,epcFake,epcDup,locErr,evtOrderErr,jump\n1,50,0,0,0,0\n"
        + "1,60,0,0,0,0\n2,abc,0,0,0,0\n9,1,0,0,0,0\n4,0,0,0,0,101\n");
    ScoredEvents events = ScoredEvents.join(LabelTable.read(labels), scores);
    assertThat(events.size()).isEqualTo(1);
    assertThat(events.labelled()).isEqualTo(3);
    assertThat(events.unscored()).isEqualTo(2);
    assertThat(events.unlabelled()).isEqualTo(1);
    assertThat(events.problems()).hasSize(5).anySatisfy(p -> assertThat(p).contains("labels.csv:4: locErr: '2'"))
        .anySatisfy(p -> assertThat(p).contains("scored twice"))
        .anySatisfy(p -> assertThat(p).contains("scores.csv:4: epcFake: 'abc'"))
        .anySatisfy(p -> assertThat(p).contains("event_id 9 has a score but no label"))
        .anySatisfy(p -> assertThat(p).contains("jump: '101' is not a score from 0 to 100"));
    assertThat(events.scores(AnomalyType.EPC_FAKE)).as("the higher of the two rows of event 1").containsExactly(60f);
  }

  @Test
  @DisplayName("a header without a type's column is refused, naming the column")
  void missingColumn() throws IOException {
    Path labels = write("labels.csv", "event_id,epcFake,epcDup,locErr,evtOrderErr\n1,1,0,0,0\n");
    assertThatThrownBy(() -> LabelTable.read(labels)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no 'jump' column");
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(directory.resolve(name), content);
  }
}
