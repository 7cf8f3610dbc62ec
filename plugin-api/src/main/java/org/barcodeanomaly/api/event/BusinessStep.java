package org.barcodeanomaly.api.event;

import java.util.HashMap;
import java.util.Map;
import org.barcodeanomaly.api.network.Tier;

/**
 * The eight business steps of the production data, each tied to the location tier where it
 * happens. Events keep their step as a string; {@link #fromName} maps it here when it is known.
 */
public enum BusinessStep {
  FACTORY("Factory", Tier.FACTORY),
  WMS("WMS", Tier.WMS),
  LOGISTICS_HUB("Logistics_HUB", Tier.LOGISTICS_HUB),
  W_STOCK_INBOUND("W_Stock_Inbound", Tier.WHOLESALER),
  W_STOCK_OUTBOUND("W_Stock_Outbound", Tier.WHOLESALER),
  R_STOCK_INBOUND("R_Stock_Inbound", Tier.RETAILER),
  R_STOCK_OUTBOUND("R_Stock_Outbound", Tier.RETAILER),
  POS_SELL("POS_Sell", Tier.RETAILER);

  /** Hash lookup: detectors ask for every event of batches of a million. */
  private static final Map<String, BusinessStep> BY_NAME = new HashMap<>();

  static {
    for (BusinessStep step : values()) {
      BY_NAME.put(step.dataName, step);
    }
  }

  private final String dataName;
  private final Tier tier;

  BusinessStep(String dataName, Tier tier) {
    this.dataName = dataName;
    this.tier = tier;
  }

  /** The name as it appears in scan files and requests. */
  public String dataName() {
    return dataName;
  }

  /** The tier of the locations where this step happens. */
  public Tier tier() {
    return tier;
  }

  /** The step called {@code name} in the data, or {@code null} when the name is not one of the eight. */
  public static BusinessStep fromName(String name) {
    return name == null ? null : BY_NAME.get(name);
  }
}
