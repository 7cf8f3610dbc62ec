package org.barcodeanomaly.simulator.trail;

import org.barcodeanomaly.api.event.EventType;
import org.barcodeanomaly.api.network.Tier;

/** The inbound and outbound event types of each tier, as a normal trail uses them. */
public final class TierEvents {

  private TierEvents() {
  }

  /**
   * The type that brings an item into a location of {@code tier} (Aggregation at a factory).
   */
  public static EventType inbound(Tier tier) {
    switch (tier) {
      case FACTORY: return EventType.AGGREGATION;
      case WMS: return EventType.WMS_INBOUND;
      case LOGISTICS_HUB: return EventType.HUB_INBOUND;
      case WHOLESALER: return EventType.W_STOCK_INBOUND;
      case RETAILER: return EventType.R_STOCK_INBOUND;
      default: throw new IllegalArgumentException("tier " + tier + " has no inbound type");
    }
  }

  /**
   * The type that takes an item out of a location of {@code tier}.
   *
   * @throws IllegalArgumentException for the factory tier, whose items leave through their warehouse
   */
  public static EventType outbound(Tier tier) {
    switch (tier) {
      case WMS: return EventType.WMS_OUTBOUND;
      case LOGISTICS_HUB: return EventType.HUB_OUTBOUND;
      case WHOLESALER: return EventType.W_STOCK_OUTBOUND;
      case RETAILER: return EventType.R_STOCK_OUTBOUND;
      default: throw new IllegalArgumentException("tier " + tier + " has no outbound type");
    }
  }
}
