package org.barcodeanomaly.rule.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.rule.Scans;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LocationRuleTest {

  private static float last(float[] scores) {
    return scores[scores.length - 1];
  }

  @Test
  @DisplayName("An unknown location id scores 90; the next move is judged from the last known location")
  void unknownLocation() {
    float[] scores = Scans.trail()
        .scan(1, "Aggregation", "2025-07-01 10:34:17")
        .scan(999, "WMS_Inbound", "2025-07-01 11:02:38")
        .scan(999, "WMS_Outbound", "2025-07-29 16:57:38")
        .scan(13, "HUB_Inbound", "2025-07-30 02:09:38")
        .scores(AnomalyType.LOC_ERR);

    // Factory to hub skips a tier, but over 29 days: a missed read's 30, not reported.
    assertThat(scores).containsExactly(0f, 90f, 90f, 30f);
  }

  @Test
  @DisplayName("A move back up the chain scores 95 on the arrival")
  void backward() {
    float[] scores = Scans.referenceToWholesaler()
        .scan(5, "WMS_Inbound", "2025-09-18 02:00:00")
        .scores(AnomalyType.LOC_ERR);

    assertThat(scores).containsExactly(0f, 0f, 0f, 0f, 0f, 0f, 0f, 95f);
  }

  @Test
  @DisplayName("A move to another location of the same tier scores 85")
  void lateral() {
    float[] scores = Scans.referenceToWholesaler()
        .scan(25, "W_Stock_Inbound", "2025-09-18 01:00:00")
        .scores(AnomalyType.LOC_ERR);

    assertThat(last(scores)).isEqualTo(85f);
  }

  @Test
  @DisplayName("A skipped tier within one leg's time is a fraud (85)")
  void skippedTierFast() {
    float[] scores = Scans.trail()
        .scan(1, "Aggregation", "2025-07-01 10:34:17")
        .scan(5, "WMS_Inbound", "2025-07-01 11:02:38")
        .scan(5, "WMS_Outbound", "2025-07-29 16:57:38")
        .scan(23, "W_Stock_Inbound", "2025-07-29 20:00:00")
        .scores(AnomalyType.LOC_ERR);

    assertThat(scores).containsExactly(0f, 0f, 0f, 85f);
  }

  @Test
  @DisplayName("A skipped tier spanning two legs and a stay is a missed read: 30, below the threshold")
  void skippedTierSlowIsMissedRead() {
    float[] scores = Scans.trail()
        .scan(1, "Aggregation", "2025-07-01 10:34:17")
        .scan(5, "WMS_Inbound", "2025-07-01 11:02:38")
        .scan(5, "WMS_Outbound", "2025-07-29 16:57:38")
        .scan(23, "W_Stock_Inbound", "2025-08-14 21:03:38")
        .scores(AnomalyType.LOC_ERR);

    assertThat(last(scores)).isEqualTo(30f);
  }

  @Test
  @DisplayName("A factory shipping to another factory's warehouse is off the network (80)")
  void offNetwork() {
    float[] scores = Scans.trail()
        .scan(1, "Aggregation", "2025-07-01 10:34:17")
        .scan(7, "WMS_Inbound", "2025-07-01 11:02:38")
        .scores(AnomalyType.LOC_ERR);

    assertThat(scores).containsExactly(0f, 80f);
  }

  @Test
  @DisplayName("A wholesaler shipping to another region's retailer is off the network (80)")
  void offNetworkRegion() {
    float[] scores = Scans.referenceToWholesaler()
        .scan(134, "R_Stock_Inbound", "2025-09-18 00:14:38")
        .scores(AnomalyType.LOC_ERR);

    assertThat(last(scores)).isEqualTo(80f);
  }

  @Test
  @DisplayName("A route of the right shape that was never observed scores 60: unusual, still reported")
  void plausible() {
    float[] scores = Scans.trail()
        .scan(5, "WMS_Outbound", "2025-07-29 16:57:38")
        .scan(19, "HUB_Inbound", "2025-07-30 02:09:38")
        .scores(AnomalyType.LOC_ERR);

    assertThat(scores).containsExactly(0f, 60f);
  }

  @Test
  @DisplayName("A business step of another tier than the location's, or unknown, scores 75")
  void stepOffTier() {
    float[] scores = Scans.referenceToWholesaler()
        .scan(23, "R_Stock_Inbound", "R_Stock_Inbound", "2025-09-17 22:00:00")
        .scan(23, "Receiving", "W_Stock_Inbound", "2025-09-17 23:00:00")
        .scores(AnomalyType.LOC_ERR);

    assertThat(scores).containsExactly(0f, 0f, 0f, 0f, 0f, 0f, 0f, 75f, 75f);
  }

  @Test
  @DisplayName("An arrival back-dated before its departure is a jump, not a backward move")
  void backdatedArrivalIsNoLocationError() {
    Scans scans = Scans.trail()
        .scan(1, "Aggregation", "2025-07-01 10:34:17")
        .scan(5, "WMS_Inbound", "2025-07-01 11:02:38")
        .scan(5, "WMS_Outbound", "2025-07-29 16:57:38")
        .scan(13, "HUB_Inbound", "2025-07-20 02:09:38")
        .scan(13, "HUB_Outbound", "2025-08-14 13:20:38");

    assertThat(scans.scores(AnomalyType.LOC_ERR)).containsOnly(0f);
    assertThat(scans.scores(AnomalyType.JUMP)).containsExactly(0f, 0f, 0f, 100f, 0f);
  }
}
