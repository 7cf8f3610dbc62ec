package org.barcodeanomaly.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.barcodeanomaly.api.detector.Thresholds;
import org.barcodeanomaly.evaluation.data.GroundTruth;
import org.barcodeanomaly.evaluation.data.LabelTable;
import org.barcodeanomaly.evaluation.data.ScoredEvents;
import org.barcodeanomaly.evaluation.metrics.Reported;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperatingPointTest {

  private static final String HEADER = "event_id\tlocation_id\tbusiness_step\tevent_type\tepc_code\tevent_time\n";

  @Test
  @DisplayName("false alerts count events of anomaly-free EPCs, by kind of normal variation, and recall counts each variant's labelled pairs")
  void breaksFiguresDown(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("scans"));
    Files.writeString(dir.resolve("scans/icn.csv"), HEADER
        + "1\t1\tFactory\tAggregation\tBAD\t2025-07-01 10:00:00\n"
        + "2\t5\tWMS\tWMS_Inbound\tBAD\t2025-07-01 10:30:00\n"
        + "3\t1\tFactory\tAggregation\tGOOD\t2025-07-01 10:00:00\n"
        + "4\t5\tWMS\tWMS_Inbound\tGOOD\t2025-07-01 10:30:00\n"
        + "5\t5\tWMS\tWMS_Outbound\tGOOD\t2025-07-09 10:30:00\n");
    Files.writeString(dir.resolve("labels.csv"), "event_id,epcFake,epcDup,locErr,evtOrderErr,jump\n"
        + "1,1,0,0,0,0\n2,1,0,0,0,1\n3,0,0,0,0,0\n4,0,0,0,0,0\n5,0,0,0,0,0\n");
    Files.writeString(dir.resolve("anomalies.csv"), "file,epc_code,variant\nicn,BAD,fake-header\n");
    Files.writeString(dir.resolve("noise.csv"), "event_id,noise\n4,slow-leg\n4,clock-skew\n5,clock-skew\n");
    Path scores = Files.writeString(dir.resolve("scores.csv"), "event_id,epcFake,epcDup,locErr,evtOrderErr,jump\n"
        + "1,90,0,0,0,0\n2,90,0,0,0,10\n3,0,0,0,0,0\n4,0,0,0,0,70\n5,0,0,0,0,0\n");
    LabelTable labels = LabelTable.read(dir.resolve("labels.csv"));

    OperatingPoint point = OperatingPoint.of(ScoredEvents.join(labels, scores), GroundTruth.read(dir, labels),
        Thresholds.uniform(50));

    assertThat(point.falseAlerts()).isEqualTo(new Reported(3, 1));
    assertThat(point.falseAlerts().perMillion()).isEqualTo(1e6 / 3);
    assertThat(point.byNoise()).containsEntry("slow-leg", new Reported(1, 1))
        .containsEntry("clock-skew", new Reported(2, 1)).hasSize(2);
    assertThat(point.byVariant()).containsOnlyKeys("fake-header").containsEntry("fake-header", new Reported(3, 2));
    assertThat(point.table()).contains("1 of 3 events of anomaly-free EPCs").contains("fake-header");
  }
}
