package org.barcodeanomaly.api.event;

import java.util.HashMap;
import java.util.Map;
import org.barcodeanomaly.api.network.Tier;

/**
 * The ten event types of the production data, in journey order, each with the business step it
 * belongs to and its rank within a location visit (inbound before outbound before sale).
 *
 * <p>{@link #journeyRank()} orders the whole trail: a normal trail's events have strictly
 * increasing ranks. Detectors use it to pair an arrival with its departure and to spot events out
 * of order.
 */
public enum EventType {
  AGGREGATION("Aggregation", BusinessStep.FACTORY, 0, Direction.NONE),
  WMS_INBOUND("WMS_Inbound", BusinessStep.WMS, 0, Direction.INBOUND),
  WMS_OUTBOUND("WMS_Outbound", BusinessStep.WMS, 1, Direction.OUTBOUND),
  HUB_INBOUND("HUB_Inbound", BusinessStep.LOGISTICS_HUB, 0, Direction.INBOUND),
  HUB_OUTBOUND("HUB_Outbound", BusinessStep.LOGISTICS_HUB, 1, Direction.OUTBOUND),
  W_STOCK_INBOUND("W_Stock_Inbound", BusinessStep.W_STOCK_INBOUND, 0, Direction.INBOUND),
  W_STOCK_OUTBOUND("W_Stock_Outbound", BusinessStep.W_STOCK_OUTBOUND, 1, Direction.OUTBOUND),
  R_STOCK_INBOUND("R_Stock_Inbound", BusinessStep.R_STOCK_INBOUND, 0, Direction.INBOUND),
  R_STOCK_OUTBOUND("R_Stock_Outbound", BusinessStep.R_STOCK_OUTBOUND, 1, Direction.OUTBOUND),
  POS_SELL("POS_Sell", BusinessStep.POS_SELL, 2, Direction.NONE);

  /** Whether an event brings the item into a location, takes it out, or neither. */
  public enum Direction { INBOUND, OUTBOUND, NONE }

  /** Hash lookup: detectors ask for every event of batches of a million. */
  private static final Map<String, EventType> BY_NAME = new HashMap<>();

  static {
    for (EventType type : values()) {
      BY_NAME.put(type.dataName, type);
    }
  }

  private final String dataName;
  private final BusinessStep step;
  private final int visitRank;
  private final Direction direction;

  EventType(String dataName, BusinessStep step, int visitRank, Direction direction) {
    this.dataName = dataName;
    this.step = step;
    this.visitRank = visitRank;
    this.direction = direction;
  }

  /** The name as it appears in scan files and requests. */
  public String dataName() {
    return dataName;
  }

  /** The business step this type belongs to. */
  public BusinessStep step() {
    return step;
  }

  /** The tier of the locations where this type happens. */
  public Tier tier() {
    return step.tier();
  }

  /** Order within one visit of a location: 0 inbound (or aggregation), 1 outbound, 2 sale. */
  public int visitRank() {
    return visitRank;
  }

  /** Position of this type along a normal trail, 0 (Aggregation) to 9 (POS_Sell). */
  public int journeyRank() {
    return ordinal();
  }

  /** Whether the event brings the item in, takes it out, or neither. */
  public Direction direction() {
    return direction;
  }

  /** Whether {@code stepName} is the business step this type belongs to. */
  public boolean belongsTo(String stepName) {
    return step.dataName().equals(stepName);
  }

  /** The type called {@code name} in the data, or {@code null} when the name is not one of the ten. */
  public static EventType fromName(String name) {
    return name == null ? null : BY_NAME.get(name);
  }
}
