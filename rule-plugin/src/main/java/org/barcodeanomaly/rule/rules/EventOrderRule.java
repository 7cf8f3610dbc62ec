package org.barcodeanomaly.rule.rules;

import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.event.EventType;
import org.barcodeanomaly.api.network.Location;
import org.barcodeanomaly.api.network.LocationNetwork;
import org.barcodeanomaly.rule.explain.Findings;
import org.barcodeanomaly.rule.explain.RuleFinding;
import org.barcodeanomaly.rule.explain.Wording;
import org.barcodeanomaly.rule.trail.PreparedTrail;
import org.barcodeanomaly.rule.trail.ScanColumns;

/**
 * evtOrderErr: event types out of their order, scored on the event that breaks the order.
 *
 * <p>Each event is checked on its own: an unknown event type ({@value #UNKNOWN_TYPE}), a type that
 * does not belong to the business step ({@value #TYPE_OFF_STEP}), a type of another tier than the
 * location's ({@value #TYPE_OFF_TIER}; docs/spec/ANOMALIES.md names both as order errors, while the step of
 * another tier is also {@link LocationRule}'s locErr). Along the main line, each visit
 * (consecutive events at one location) must follow inbound (or Aggregation), then outbound, then
 * sale ({@link EventType#visitRank()}). Wrong: an outbound with no inbound before it in the visit,
 * or a sale opening a visit ({@value #NO_INBOUND}; not after an event of unknown type, which may
 * have been the inbound); a second inbound without leaving the location, including inbound,
 * outbound, inbound again ({@value #REPEATED_INBOUND}, {@value #REPEAT_STEP} more per further
 * repeat, as the first generation added per repeated class); a second outbound with no inbound
 * between ({@value #REPEATED_OUTBOUND}); any scan after a POS_Sell ({@value #AFTER_SALE}).
 */
public final class EventOrderRule implements TrailRule {

  /** Event type not one of the ten. */
  public static final int UNKNOWN_TYPE = 90;
  /** Event type of another business step. */
  public static final int TYPE_OFF_STEP = 80;
  /** Event type that happens at another tier than the scan location's. */
  public static final int TYPE_OFF_TIER = 70;
  /** A scan after the item was sold. */
  public static final int AFTER_SALE = 85;
  /** Second inbound at a location without leaving it. */
  public static final int REPEATED_INBOUND = 75;
  /** Second outbound with no inbound between. */
  public static final int REPEATED_OUTBOUND = 75;
  /** Added for each further repeat. */
  public static final int REPEAT_STEP = 25;
  /** Outbound or sale with no inbound before it at that visit. */
  public static final int NO_INBOUND = 70;

  private final LocationNetwork network;

  /** Judges event types against the tiers of {@code network}'s locations. */
  public EventOrderRule(LocationNetwork network) {
    this.network = network;
  }

  @Override
  public AnomalyType type() {
    return AnomalyType.EVT_ORDER_ERR;
  }

  @Override
  public void score(PreparedTrail trail, Findings findings) {
    ScanColumns columns = trail.columns();
    for (int k = 0; k < trail.size(); k++) {
      if (!trail.isReRead(k)) {
        scoreVocabulary(columns, trail.event(k), findings);
      }
    }
    scoreVisits(trail, findings);
  }

  private void scoreVocabulary(ScanColumns columns, int event, Findings findings) {
    EventType type = columns.type(event);
    String typeName = columns.event(event).eventType();
    if (type == null) {
      raise(findings, event, UNKNOWN_TYPE, () -> new RuleFinding("evtOrderErr.unknownType", "scan",
          "event type '" + typeName + "' is not one of the ten event types").cause("eventTypeKnown", 0));
      return;
    }
    String stepName = columns.event(event).businessStep();
    if (!type.belongsTo(stepName)) {
      raise(findings, event, TYPE_OFF_STEP, () -> new RuleFinding("evtOrderErr.typeOffStep", "scan",
          "event type " + typeName + " belongs to business step " + type.step().dataName() + ", not '"
              + stepName + "'").cause("typeStepMismatch", 1));
    }
    Location location = network.location(columns.location(event));
    if (location != null && location.tier() != type.tier()) {
      raise(findings, event, TYPE_OFF_TIER, () -> new RuleFinding("evtOrderErr.typeOffTier", "scan",
          "event type " + typeName + " happens at another tier than " + Wording.site(network, location.id()))
          .cause("typeTierMismatch", 1));
    }
  }

  private static void raise(Findings findings, int event, int score, java.util.function.Supplier<RuleFinding> finding) {
    if (findings.raise(event, AnomalyType.EVT_ORDER_ERR, score)) {
      findings.describe(event, AnomalyType.EVT_ORDER_ERR, finding.get());
    }
  }

  private static void scoreVisits(PreparedTrail trail, Findings findings) {
    ScanColumns columns = trail.columns();
    Visit visit = new Visit();
    int sale = -1;
    for (int p = 0; p < trail.lineSize(); p++) {
      int event = trail.lineEvent(p);
      EventType type = columns.type(event);
      if (sale >= 0) {
        int soldAt = sale;
        raise(findings, event, AFTER_SALE, () -> new RuleFinding("evtOrderErr.afterSale", "scan",
            columns.event(event).eventType() + " " + Wording.duration(columns.second(event) - columns.second(soldAt))
                + " after the item was sold (POS_Sell at " + columns.event(soldAt).eventTime() + ")")
            .with(soldAt, "sale").cause("afterSale", 1));
        continue;
      }
      visit.enter(columns.location(event));
      int score = visit.record(type);
      if (score > 0) {
        raise(findings, event, score, () -> new RuleFinding("evtOrderErr." + visit.rule(type), "scan",
            columns.event(event).eventType() + " at location " + columns.location(event) + ": " + visit.reason(type))
            .cause(visit.feature(type), 1));
      }
      sale = type == EventType.POS_SELL ? event : -1;
    }
  }

  /** The state of the current location visit. */
  private static final class Visit {
    private int location = Integer.MIN_VALUE;
    private int inbounds;
    private int outboundsSinceInbound;
    private boolean unreadable;

    void enter(int newLocation) {
      if (newLocation != location) {
        location = newLocation;
        inbounds = 0;
        outboundsSinceInbound = 0;
        unreadable = false;
      }
    }

    /**
     * Records one event of the visit and returns its order score. An event of unknown type may
     * have been the inbound, so after one the visit no longer proves an inbound is missing.
     */
    int record(EventType type) {
      if (type == null) {
        unreadable = true;
        return 0;
      }
      switch (type.visitRank()) {
        case 0:
          inbounds++;
          outboundsSinceInbound = 0;
          return inbounds < 2 ? 0 : repeatScore(REPEATED_INBOUND, inbounds);
        case 1:
          outboundsSinceInbound++;
          if (inbounds == 0) {
            return unreadable ? 0 : NO_INBOUND;
          }
          return outboundsSinceInbound < 2 ? 0 : repeatScore(REPEATED_OUTBOUND, outboundsSinceInbound);
        default:
          return inbounds == 0 && outboundsSinceInbound == 0 && !unreadable ? NO_INBOUND : 0;
      }
    }

    /** Why the last {@link #record}ed event of {@code type} broke the visit's order. */
    String reason(EventType type) {
      switch (type.visitRank()) {
        case 0:
          return "inbound number " + inbounds + " at this location without leaving it";
        case 1:
          return inbounds == 0 ? "an outbound with no inbound before it at this location"
              : "outbound number " + outboundsSinceInbound + " with no inbound between";
        default:
          return "a sale with no inbound before it at this location";
      }
    }

    /** The rule's name for the last recorded break. */
    String rule(EventType type) {
      return type.visitRank() == 0 ? "repeatedInbound"
          : type.visitRank() == 1 && inbounds > 0 ? "repeatedOutbound" : "noInbound";
    }

    /** The feature that carries the last recorded break. */
    String feature(EventType type) {
      return type.visitRank() == 0 ? "repeatedInbound"
          : type.visitRank() == 1 && inbounds > 0 ? "repeatedOutbound" : "outboundWithoutInbound";
    }

    private static int repeatScore(int base, int occurrences) {
      return Math.min(100, base + REPEAT_STEP * (occurrences - 2));
    }
  }
}
