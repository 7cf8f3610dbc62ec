package org.barcodeanomaly.simulator.anomaly;

import java.util.StringJoiner;
import org.barcodeanomaly.api.event.AnomalyType;

/**
 * The catalogue of injected anomalies: for each of the five types several variants, obvious and
 * subtle, each labelling exactly the events docs/spec/ANOMALIES.md names for its type. The ids are stable:
 * they appear in {@code anomalies.csv}, the manifest and {@code --variants}.
 */
public enum AnomalyVariant {

  FAKE_FIELD_COUNT("fake-field-count", AnomalyType.EPC_FAKE,
      "the code has 5 or 7 dot-separated fields (lot and date run together, or a field appended)"),
  FAKE_FIELD_FORMAT("fake-field-format", AnomalyType.EPC_FAKE,
      "six fields, one of the wrong length or not digits (8-digit serial, letter O in the lot, 6-digit product)"),
  FAKE_HEADER("fake-header", AnomalyType.EPC_FAKE,
      "header other than 001, everything else valid"),
  FAKE_COMPANY("fake-company", AnomalyType.EPC_FAKE,
      "a well-formed 7-digit company that is not registered"),
  FAKE_PRODUCT_OWNER("fake-product-owner", AnomalyType.EPC_FAKE,
      "valid format; the product code belongs to another registered company"),
  FAKE_LOT_PREFIX("fake-lot-prefix", AnomalyType.EPC_FAKE,
      "valid format; the lot's two-digit prefix is no factory's (not 01, 05, 10, 15)"),
  FAKE_MANUFACTURE_AFTER_SCAN("fake-manufacture-after-scan", AnomalyType.EPC_FAKE,
      "valid format; the code's manufacture date is 2 to 60 days after the EPC's first scan"),
  FAKE_DATE_OLD("fake-date-old", AnomalyType.EPC_FAKE,
      "valid format; the code's manufacture date is 6 to 20 years before the EPC's first scan (older than five years)"),
  FAKE_DATE_INVALID("fake-date-invalid", AnomalyType.EPC_FAKE,
      "six fields of the right lengths; the manufacture field is no real date (month 13, day 32, or 30 February)"),
  FAKE_SEVERAL_FIELDS("fake-several-fields", AnomalyType.EPC_FAKE,
      "header, company and manufacture date all wrong at once (the first generation's 100)"),

  DUP_SAME_TIER("dup-same-tier", AnomalyType.EPC_DUP,
      "a clone is scanned in at another location of the same tier in the same second"),
  DUP_DISTANT_TIER("dup-distant-tier", AnomalyType.EPC_DUP,
      "a clone is scanned in the same second at a location 2+ tiers away and 100+ km away"),
  DUP_THREE_LOCATIONS("dup-three-locations", AnomalyType.EPC_DUP,
      "two clones in the same second: one at the same tier, one at a distant tier"),

  LOC_BACKWARD_ONE_TIER("loc-backward-one-tier", AnomalyType.LOC_ERR,
      "after an outbound the item arrives back at the location of the previous tier it came from"),
  LOC_BACKWARD_FAR("loc-backward-far", AnomalyType.LOC_ERR,
      "two or more tiers back: after leaving a hub, wholesaler or retailer the item arrives at its own factory (Aggregation) or, from a wholesaler or retailer, at its factory's warehouse"),
  LOC_SKIPPED_TIER("loc-skipped-tier", AnomalyType.LOC_ERR,
      "factory straight to a hub, warehouse to a wholesaler or hub to a retailer, in one leg of hours"),
  LOC_SKIPPED_TWO_TIERS("loc-skipped-two-tiers", AnomalyType.LOC_ERR,
      "factory straight to a wholesaler or warehouse straight to a retailer, in one leg of hours"),
  LOC_OFF_NETWORK("loc-off-network", AnomalyType.LOC_ERR,
      "one tier down against the network: another region's retailer, or another factory's warehouse"),
  LOC_LATERAL("loc-lateral", AnomalyType.LOC_ERR,
      "a move within one tier: after an outbound the item arrives at another warehouse, hub or wholesaler of its tier"),
  LOC_UNOBSERVED_ROUTE("loc-unobserved-route", AnomalyType.LOC_ERR,
      "subtle: one tier down within the network's shape, on a warehouse-hub or hub-wholesaler route never observed"),
  LOC_STEP_TIER_MISMATCH("loc-step-tier-mismatch", AnomalyType.LOC_ERR,
      "an outbound recorded with another tier's business step and type (also labelled evtOrderErr)"),
  LOC_UNKNOWN_LOCATION("loc-unknown-location", AnomalyType.LOC_ERR,
      "the next arrival is scanned at a location id the network does not have; the trail ends there"),

  ORDER_SECOND_INBOUND("order-second-inbound", AnomalyType.EVT_ORDER_ERR,
      "a second inbound at the same location 35 min to 3 h after the first, no outbound between"),
  ORDER_OUTBOUND_BEFORE_INBOUND("order-outbound-before-inbound", AnomalyType.EVT_ORDER_ERR,
      "a location's outbound is timed 10 min to 6 h before its inbound (the arrival leg still fits the route)"),
  ORDER_OUTBOUND_WITHOUT_INBOUND("order-outbound-without-inbound", AnomalyType.EVT_ORDER_ERR,
      "the inbound at a location is missing; its outbound stands alone"),
  ORDER_SCAN_AFTER_SALE("order-scan-after-sale", AnomalyType.EVT_ORDER_ERR,
      "an R_Stock_Outbound or a second POS_Sell at the same retailer 1 h to 14 days after POS_Sell "
          + "(an icn or kum item still on the shelf is first sold as usual)"),
  ORDER_TYPE_STEP_MISMATCH("order-type-step-mismatch", AnomalyType.EVT_ORDER_ERR,
      "an outbound keeps its location's business step but carries another tier's outbound type"),

  JUMP_MINUTES_ON_HOURS_ROUTE("jump-minutes-on-hours-route", AnomalyType.JUMP,
      "arrival 1 to 15 min after departure on a route that never took under an hour"),
  JUMP_FAST_ARRIVAL("jump-fast-arrival", AnomalyType.JUMP,
      "subtle: arrival after 25-50 % of the route's fastest observed trip"),
  JUMP_BACKWARDS_DAYS("jump-backwards-days", AnomalyType.JUMP,
      "arrival time-stamped 1 h to 3 days before the departure"),
  JUMP_BACKWARDS_MINUTES("jump-backwards-minutes", AnomalyType.JUMP,
      "subtle: arrival time-stamped 1 to 30 min before the departure"),
  JUMP_BACKWARDS_FIRST_LEG("jump-backwards-first-leg", AnomalyType.JUMP,
      "the factory warehouse's inbound is time-stamped 15 min to 2 days before the factory's Aggregation"),
  JUMP_FAR_MINUTES_LATER("jump-far-minutes-later", AnomalyType.JUMP,
      "the code is scanned in at a site 100+ km away 1 to 15 min after a read (near-simultaneous scans far "
          + "apart: a jump, not a dup); the trail goes on from where it was");

  private final String id;
  private final AnomalyType type;
  private final String description;

  AnomalyVariant(String id, AnomalyType type, String description) {
    this.id = id;
    this.type = type;
    this.description = description;
  }

  /** Stable id, e.g. {@code fake-header}. */
  public String id() {
    return id;
  }

  /** The anomaly type the variant is an instance of. */
  public AnomalyType type() {
    return type;
  }

  /** What the variant does to a trail. */
  public String description() {
    return description;
  }

  /** Which events the variant labels, in docs/spec/ANOMALIES.md's words. */
  public String labelledEvents() {
    switch (type) {
      case EPC_FAKE: return "every event of the EPC (epcFake)";
      case EPC_DUP: return "the genuine event and its clone(s), all in the same second (epcDup)";
      case LOC_ERR: return this == LOC_STEP_TIER_MISMATCH
          ? "the mis-stepped outbound (locErr and evtOrderErr)" : "the arrival at the wrong location (locErr)";
      case EVT_ORDER_ERR: return "the event that breaks the order (evtOrderErr)";
      case JUMP: return this == JUMP_FAR_MINUTES_LATER ? "the far-away scan (jump)" : "the arriving event (jump)";
      default: throw new IllegalStateException("no labelling rule for " + type);
    }
  }

  /**
   * The variant with this id.
   *
   * @throws IllegalArgumentException listing the valid ids
   */
  public static AnomalyVariant fromId(String id) {
    for (AnomalyVariant variant : values()) {
      if (variant.id.equals(id)) {
        return variant;
      }
    }
    StringJoiner ids = new StringJoiner(", ");
    for (AnomalyVariant variant : values()) {
      ids.add(variant.id);
    }
    throw new IllegalArgumentException("unknown anomaly variant '" + id + "': expected one of " + ids);
  }
}
