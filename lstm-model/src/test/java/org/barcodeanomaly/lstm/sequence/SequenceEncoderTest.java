package org.barcodeanomaly.lstm.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.barcodeanomaly.api.detector.Thresholds;
import org.barcodeanomaly.api.event.ScanEvent;
import org.barcodeanomaly.features.Feature;
import org.barcodeanomaly.features.FeatureExtractor;
import org.barcodeanomaly.features.FeatureMatrix;
import org.barcodeanomaly.features.Trails;
import org.barcodeanomaly.lstm.model.LstmModelSpec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SequenceEncoderTest {

  private static final Instant T0 = Instant.parse("2025-07-01T10:23:38Z");

  /** Feature tier, normalised as (tier − 1) / 2; sequences of at most 4 events. */
  private static final LstmModelSpec SPEC = new LstmModelSpec("test", 4, List.of(Feature.TIER),
      new float[] {1f}, new float[] {2f}, Thresholds.uniform(50));

  @Test
  @DisplayName("a 6-event trail becomes windows of 4 and 2, padded with zeros and -1 event indices")
  void windowsAndPadding() {
    List<ScanEvent> events = new ArrayList<>();
    int[] locations = {1, 5, 5, 13, 13, 23};
    String[] types = {"Aggregation", "WMS_Inbound", "WMS_Outbound", "HUB_Inbound", "HUB_Outbound",
        "W_Stock_Inbound"};
    String[] steps = {"Factory", "WMS", "WMS", "Logistics_HUB", "Logistics_HUB", "Wholesaler"};
    for (int i = 5; i >= 0; i--) { // reversed input: the encoder must follow trail (time) order
      events.add(new ScanEvent(i, 1, "001.8805843.2932031.010001.20250701.000000001", locations[i],
          steps[i], types[i], T0.plusSeconds(3600L * i)));
    }
    events.add(new ScanEvent(9, 1, "001.8805843.2932031.010001.20250701.000000002", 1, "Factory",
        "Aggregation", T0));
    Trails trails = Trails.group(events);
    FeatureMatrix matrix = FeatureExtractor.standard().extract(trails, 0, trails.count());

    SequenceBatch batch = new SequenceEncoder(SPEC).encode(trails, matrix, 0, trails.count());

    assertThat(batch.count()).isEqualTo(3);
    assertThat(batch.lengths()).containsExactly(4, 2, 1);
    // tiers 0,1,1,2 | 2,3 | 0 → (tier − 1) / 2
    assertThat(batch.inputs()).containsExactly(
        -0.5f, 0f, 0f, 0.5f,
        0.5f, 1f, 0f, 0f,
        -0.5f, 0f, 0f, 0f);
    // event i of the first trail was added at input index 5 − i
    assertThat(batch.eventIndex()).containsExactly(5, 4, 3, 2, 1, 0, -1, -1, 6, -1, -1, -1);
    assertThat(batch.eventCount()).isEqualTo(7);
  }
}
