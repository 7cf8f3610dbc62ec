package org.barcodeanomaly.api.network;

/**
 * The level of a location in the supply chain. A normal move goes exactly one tier down.
 */
public enum Tier {
  FACTORY(0), WMS(1), LOGISTICS_HUB(2), WHOLESALER(3), RETAILER(4);

  private final int level;

  Tier(int level) {
    this.level = level;
  }

  /** 0 for factories up to 4 for retailers. */
  public int level() {
    return level;
  }

  /**
   * The tier named as in {@code locations.csv} ({@code Factory}, {@code WMS},
   * {@code Logistics_HUB}, {@code Wholesaler}, {@code Retailer}).
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static Tier fromName(String name) {
    switch (name) {
      case "Factory": return FACTORY;
      case "WMS": return WMS;
      case "Logistics_HUB": return LOGISTICS_HUB;
      case "Wholesaler": return WHOLESALER;
      case "Retailer": return RETAILER;
      default:
        throw new IllegalArgumentException("unknown tier '" + name
            + "': expected Factory, WMS, Logistics_HUB, Wholesaler or Retailer");
    }
  }
}
