package org.barcodeanomaly.simulator.trail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.SplittableRandom;
import org.barcodeanomaly.api.epc.EpcRegistry;
import org.barcodeanomaly.simulator.chain.SupplyChainCalibration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Lots as docs/spec/DATA.md describes them. */
class LotPlannerTest {

  private final EpcRegistry registry = EpcRegistry.standard();
  private final LotPlanner planner = new LotPlanner(registry);

  @Test
  @DisplayName("the default 200,000 EPCs make 40, 24, 20 and 16 lots of 2,000 at icn, hws, ygs and kum")
  void defaultSplit() {
    assertThat(planner.epcsPerFactory(200_000)).containsExactly(80_000, 48_000, 40_000, 32_000);
    assertThat(planner.epcsPerFactory(5_001)).containsExactly(2_000, 1_200, 1_000, 801);
  }

  @Test
  @DisplayName("lots of 2,000 with contiguous serials, one every 4.5 to 6.3 minutes on 2025-07-01, inbound 25-35 min later")
  void lotsFollowTheProductionRhythm() {
    EpcRegistry.Factory icn = registry.factories().get(0);
    List<Lot> lots = planner.lots(icn, 80_000, new SplittableRandom(4));
    assertThat(lots).hasSize(40);
    assertThat(lots.get(0).aggregationSecond()).isEqualTo(SupplyChainCalibration.WINDOW_START);
    for (int i = 0; i < lots.size(); i++) {
      Lot lot = lots.get(i);
      assertThat(lot.size()).isEqualTo(2_000);
      assertThat(lot.firstSerial()).isEqualTo(1 + 2_000L * i);
      assertThat(lot.lotField()).isEqualTo(String.format("01%04d", i + 1));
      assertThat(registry.owns(lot.product().company(), lot.product().code())).isTrue();
      LocalDateTime aggregated = SupplyChainCalibration.toDateTime(lot.aggregationSecond());
      assertThat(aggregated.toLocalDate()).isEqualTo(LocalDateTime.of(2025, 7, 1, 0, 0).toLocalDate());
      assertThat(lot.wmsInboundSecond() - lot.aggregationSecond()).isBetween(25 * 60L, 36 * 60L);
      if (i > 0) {
        assertThat(lot.aggregationSecond() - lots.get(i - 1).aggregationSecond()).isBetween(270L, 378L);
      }
    }
  }
}
