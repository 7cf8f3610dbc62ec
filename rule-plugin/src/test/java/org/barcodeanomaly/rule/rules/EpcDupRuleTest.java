package org.barcodeanomaly.rule.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.rule.Scans;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EpcDupRuleTest {

  @Test
  @DisplayName("Two locations in one second: both events of the group score 80, the rest 0")
  void twoLocations() {
    float[] scores = Scans.trail()
        .scan(1, "Aggregation", "2025-07-01 10:34:17")
        .scan(5, "WMS_Inbound", "2025-07-01 11:02:38")
        .scan(7, "WMS_Inbound", "2025-07-01 11:02:38")
        .scores(AnomalyType.EPC_DUP);

    assertThat(scores).containsExactly(0f, 80f, 80f);
  }

  @Test
  @DisplayName("Each location beyond the second adds 10, capped at 100")
  void extraLocations() {
    Scans scans = Scans.trail()
        .scan(23, "W_Stock_Inbound", "2025-08-14 21:03:38")
        .scan(25, "W_Stock_Inbound", "2025-08-14 21:03:38")
        .scan(27, "W_Stock_Inbound", "2025-08-14 21:03:38");
    assertThat(scans.scores(AnomalyType.EPC_DUP)).containsOnly(90f);

    scans.scan(29, "W_Stock_Inbound", "2025-08-14 21:03:38")
        .scan(31, "W_Stock_Inbound", "2025-08-14 21:03:38");
    assertThat(scans.scores(AnomalyType.EPC_DUP)).containsOnly(100f);
  }

  @Test
  @DisplayName("A repeated read at one location and second is neither a clone nor an order error")
  void reReadIsNotAClone() {
    Scans scans = Scans.referenceToWholesaler()
        .scan(23, "W_Stock_Outbound", "2025-09-17 21:38:38");

    assertThat(scans.scores(AnomalyType.EPC_DUP)).containsOnly(0f);
    assertThat(scans.scores(AnomalyType.EVT_ORDER_ERR)).containsOnly(0f);
  }

  @Test
  @DisplayName("Reads one second apart at two locations are not a dup")
  void oneSecondApart() {
    float[] scores = Scans.trail()
        .scan(23, "W_Stock_Inbound", "2025-08-14 21:03:38")
        .scan(25, "W_Stock_Inbound", "2025-08-14 21:03:39")
        .scores(AnomalyType.EPC_DUP);

    assertThat(scores).containsExactly(0f, 0f);
  }

  @Test
  @DisplayName("A clone read in the middle of a trail leaves the genuine trail's moves and order alone")
  void cloneDoesNotBreakTheTrail() {
    Scans scans = Scans.referenceToWholesaler()
        .scan(41, "W_Stock_Outbound", "2025-09-17 21:38:38")
        .scan(74, "R_Stock_Inbound", "2025-09-18 00:14:38");

    assertThat(scans.scores(AnomalyType.EPC_DUP)).containsExactly(0f, 0f, 0f, 0f, 0f, 0f, 80f, 80f, 0f);
    assertThat(scans.scores(AnomalyType.LOC_ERR)).containsOnly(0f);
    assertThat(scans.scores(AnomalyType.EVT_ORDER_ERR)).containsOnly(0f);
    assertThat(scans.scores(AnomalyType.JUMP)).containsOnly(0f);
  }
}
