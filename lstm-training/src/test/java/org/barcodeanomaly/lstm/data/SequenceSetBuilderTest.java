package org.barcodeanomaly.lstm.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.event.ScanEvent;
import org.barcodeanomaly.api.network.LocationNetwork;
import org.barcodeanomaly.api.network.Tier;
import org.barcodeanomaly.evaluation.data.LabelledEvents;
import org.barcodeanomaly.features.Feature;
import org.barcodeanomaly.features.FeatureExtractor;
import org.barcodeanomaly.features.Trails;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SequenceSetBuilderTest {

  private static final Instant T0 = Instant.parse("2025-07-01T10:23:38Z");
  private static final int EPCS = 200;
  private static final int TRAIL_LENGTH = 8;
  private static final LocationNetwork NETWORK = LocationNetwork.standard();

  @Test
  @DisplayName("blind-zone copies of normal trails miss a whole warehouse, hub or wholesaler visit, never the factory or the last visit, and stay unlabelled")
  void blindZoneCopiesMissEveryMiddleTier() {
    LabelledEvents data = normalTrails();
    Trails trails = Trails.group(data.events());
    SequenceSet set = new SequenceSetBuilder(FeatureExtractor.standard(), List.of(Feature.values()), 10)
        .build(data, trails, IntStream.range(0, trails.count()).toArray(), true, new Random(7));

    Set<Tier> missed = EnumSet.noneOf(Tier.class);
    int steps = set.batch().maxLength();
    for (int s = 0; s < set.count(); s++) {
      List<Tier> tiers = new ArrayList<>();
      for (int t = 0; t < set.batch().lengths()[s]; t++) {
        ScanEvent event = data.events().get(set.sourceEvent()[s * steps + t]);
        tiers.add(NETWORK.location(event.locationId()).tier());
      }
      if (tiers.size() == TRAIL_LENGTH - 2 && tiers.contains(Tier.RETAILER)) {
        Set<Tier> left = EnumSet.complementOf(EnumSet.copyOf(tiers));
        assertThat(left).as("sequence %d misses one whole visit", s).hasSize(1);
        missed.addAll(left);
        for (int t = 0; t < tiers.size(); t++) {
          for (AnomalyType type : AnomalyType.values()) {
            assertThat(set.labels()[(s * steps + t) * AnomalyType.COUNT + type.ordinal()]).isZero();
          }
        }
      }
    }

    assertThat(missed).containsExactlyInAnyOrder(Tier.WMS, Tier.LOGISTICS_HUB, Tier.WHOLESALER);
  }

  /** {@value #EPCS} copies of a normal ICN trail: factory, warehouse, hub, wholesaler, retailer inbound. */
  private static LabelledEvents normalTrails() {
    List<ScanEvent> events = new ArrayList<>();
    long[] hours = {0, 1, 100, 105, 250, 258, 400, 406};
    int[] locations = {1, 5, 5, 13, 13, 23, 23, 53};
    String[] steps = {"Factory", "WMS", "WMS", "Logistics_HUB", "Logistics_HUB", "W_Stock_Inbound",
        "W_Stock_Outbound", "R_Stock_Inbound"};
    String[] types = {"Aggregation", "WMS_Inbound", "WMS_Outbound", "HUB_Inbound", "HUB_Outbound",
        "W_Stock_Inbound", "W_Stock_Outbound", "R_Stock_Inbound"};
    for (int epc = 0; epc < EPCS; epc++) {
      String code = "001.8805843.2932031.010001.20250701." + String.format("%09d", epc);
      for (int k = 0; k < TRAIL_LENGTH; k++) {
        events.add(new ScanEvent(events.size(), 1, code, locations[k], steps[k], types[k],
            T0.plusSeconds(3600 * hours[k]), T0));
      }
    }
    return LabelledEvents.unlabelled(events);
  }
}
