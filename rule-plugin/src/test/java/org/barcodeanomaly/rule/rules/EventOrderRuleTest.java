package org.barcodeanomaly.rule.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.rule.Scans;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EventOrderRuleTest {

  @Test
  @DisplayName("An unknown event type scores 90")
  void unknownType() {
    float[] scores = Scans.trail()
        .scan(1, "Aggregation", "2025-07-01 10:34:17")
        .scan(5, "WMS", "Inbound", "2025-07-01 11:02:38")
        .scores(AnomalyType.EVT_ORDER_ERR);

    assertThat(scores).containsExactly(0f, 90f);
  }

  @Test
  @DisplayName("An event type of another business step scores 80")
  void typeOffStep() {
    float[] scores = Scans.trail()
        .scan(1, "Aggregation", "2025-07-01 10:34:17")
        .scan(5, "WMS", "HUB_Inbound", "2025-07-01 11:02:38")
        .scores(AnomalyType.EVT_ORDER_ERR);

    assertThat(scores).containsExactly(0f, 80f);
  }

  @Test
  @DisplayName("An event type of another tier than the location's scores 70, even when step and type agree")
  void typeOffTier() {
    float[] scores = Scans.trail()
        .scan(1, "Aggregation", "2025-07-01 10:34:17")
        .scan(5, "Logistics_HUB", "HUB_Inbound", "2025-07-01 11:02:38")
        .scores(AnomalyType.EVT_ORDER_ERR);

    assertThat(scores).containsExactly(0f, 70f);
  }

  @Test
  @DisplayName("An outbound with no inbound before it at that location scores 70")
  void outboundWithoutInbound() {
    float[] scores = Scans.trail()
        .scan(1, "Aggregation", "2025-07-01 10:34:17")
        .scan(5, "WMS_Outbound", "2025-07-29 16:57:38")
        .scan(13, "HUB_Inbound", "2025-07-30 02:09:38")
        .scores(AnomalyType.EVT_ORDER_ERR);

    assertThat(scores).containsExactly(0f, 70f, 0f);
  }

  @Test
  @DisplayName("An outbound timestamped before its inbound breaks the order on the outbound")
  void outboundBeforeInbound() {
    float[] scores = Scans.trail()
        .scan(1, "Aggregation", "2025-07-01 10:34:17")
        .scan(5, "WMS_Inbound", "2025-07-29 16:57:38")
        .scan(5, "WMS_Outbound", "2025-07-01 11:02:38")
        .scores(AnomalyType.EVT_ORDER_ERR);

    assertThat(scores).containsExactly(0f, 0f, 70f);
  }

  @Test
  @DisplayName("A second inbound without leaving scores 75, a third 100")
  void repeatedInbound() {
    float[] scores = Scans.trail()
        .scan(23, "W_Stock_Inbound", "2025-08-14 21:03:38")
        .scan(23, "W_Stock_Inbound", "2025-08-15 09:00:00")
        .scan(23, "W_Stock_Inbound", "2025-08-16 09:00:00")
        .scores(AnomalyType.EVT_ORDER_ERR);

    assertThat(scores).containsExactly(0f, 75f, 100f);
  }

  @Test
  @DisplayName("Inbound, outbound, inbound again at the same wholesaler: the production pattern scores 75")
  void reInboundAfterOutbound() {
    float[] scores = Scans.referenceToWholesaler()
        .scan(23, "W_Stock_Inbound", "2025-09-17 23:10:00")
        .scores(AnomalyType.EVT_ORDER_ERR);

    assertThat(scores).containsExactly(0f, 0f, 0f, 0f, 0f, 0f, 0f, 75f);
  }

  @Test
  @DisplayName("A second outbound with no inbound between scores 75")
  void repeatedOutbound() {
    float[] scores = Scans.referenceToWholesaler()
        .scan(23, "W_Stock_Outbound", "2025-09-17 22:00:00")
        .scores(AnomalyType.EVT_ORDER_ERR);

    assertThat(scores).containsExactly(0f, 0f, 0f, 0f, 0f, 0f, 0f, 75f);
  }

  @Test
  @DisplayName("Every scan after a POS_Sell scores 85")
  void afterSale() {
    float[] scores = Scans.trail()
        .scan(74, "R_Stock_Inbound", "2025-09-18 00:14:38")
        .scan(74, "R_Stock_Outbound", "2025-09-24 16:23:38")
        .scan(74, "POS_Sell", "2025-10-27 08:43:38")
        .scan(74, "R_Stock_Outbound", "2025-10-28 08:00:00")
        .scan(77, "R_Stock_Inbound", "2025-10-29 08:00:00")
        .scores(AnomalyType.EVT_ORDER_ERR);

    assertThat(scores).containsExactly(0f, 0f, 0f, 85f, 85f);
  }

  @Test
  @DisplayName("A sale with no inbound at that retailer scores 70")
  void saleWithoutInbound() {
    float[] scores = Scans.referenceToWholesaler()
        .scan(74, "POS_Sell", "2025-09-18 00:14:38")
        .scores(AnomalyType.EVT_ORDER_ERR);

    assertThat(scores[7]).isEqualTo(70f);
  }
}
