package org.barcodeanomaly.simulator.chain;

import static org.assertj.core.api.Assertions.assertThat;

import org.barcodeanomaly.api.event.EventType;
import org.barcodeanomaly.api.network.LocationNetwork;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The hub_type scheme reproduces every value of the real sample rows. */
class HubTypeNamesTest {

  private final HubTypeNames names = new HubTypeNames(LocationNetwork.standard());

  @Test
  @DisplayName("the sample's values: factory, warehouse, hub, wholesaler and retailer")
  void reproducesTheSample() {
    assertThat(names.hubType(1, EventType.AGGREGATION)).isEqualTo("ICN_Factory");
    assertThat(names.hubType(5, EventType.WMS_INBOUND)).isEqualTo("ICN_WMS_Inbound");
    assertThat(names.hubType(5, EventType.WMS_OUTBOUND)).isEqualTo("ICN_WMS_Outbound");
    assertThat(names.hubType(13, EventType.HUB_INBOUND)).isEqualTo("SEL_Logi_HUB_Inbound");
    assertThat(names.hubType(13, EventType.HUB_OUTBOUND)).isEqualTo("SEL_Logi_HUB_Outbound");
    assertThat(names.hubType(23, EventType.W_STOCK_INBOUND)).isEqualTo("SEL_WS1_Stock_Inbound");
    assertThat(names.hubType(23, EventType.W_STOCK_OUTBOUND)).isEqualTo("SEL_WS1_Stock_Outbound");
    assertThat(names.hubType(74, EventType.R_STOCK_INBOUND)).isEqualTo("SEL_WS3_Rsell2_Stock_Inbound");
    assertThat(names.hubType(74, EventType.R_STOCK_OUTBOUND)).isEqualTo("SEL_WS3_Rsell2_Stock_Outbound");
    assertThat(names.hubType(74, EventType.POS_SELL)).isEqualTo("SEL_WS3_Rsell2_POS_Sell");
  }

  @Test
  @DisplayName("other regions and sites follow the same scheme; unknown locations are named as such")
  void extendsConsistently() {
    assertThat(names.hubType(19, EventType.HUB_INBOUND)).isEqualTo("GB_Logi_HUB_Inbound");
    assertThat(names.hubType(125, EventType.R_STOCK_INBOUND)).isEqualTo("JN_WS3_Rsell1_Stock_Inbound");
    assertThat(names.hubType(11, EventType.WMS_INBOUND)).isEqualTo("KUM_WMS_Inbound");
    assertThat(names.hubType(950, EventType.HUB_INBOUND)).isEqualTo("UNREGISTERED_Logi_HUB_Inbound");
  }
}
