package org.barcodeanomaly.rule.rules;

import org.barcodeanomaly.api.detector.ScoreTable;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.event.EventType;
import org.barcodeanomaly.api.network.Location;
import org.barcodeanomaly.api.network.LocationNetwork;
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
  public void score(PreparedTrail trail, ScoreTable scores) {
    ScanColumns columns = trail.columns();
    for (int k = 0; k < trail.size(); k++) {
      if (!trail.isReRead(k)) {
        scoreVocabulary(columns, trail.event(k), scores);
      }
    }
    scoreVisits(trail, scores);
  }

  private void scoreVocabulary(ScanColumns columns, int event, ScoreTable scores) {
    EventType type = columns.type(event);
    if (type == null) {
      scores.raise(event, AnomalyType.EVT_ORDER_ERR, UNKNOWN_TYPE);
      return;
    }
    if (!type.belongsTo(columns.event(event).businessStep())) {
      scores.raise(event, AnomalyType.EVT_ORDER_ERR, TYPE_OFF_STEP);
    }
    Location location = network.location(columns.location(event));
    if (location != null && location.tier() != type.tier()) {
      scores.raise(event, AnomalyType.EVT_ORDER_ERR, TYPE_OFF_TIER);
    }
  }

  private static void scoreVisits(PreparedTrail trail, ScoreTable scores) {
    ScanColumns columns = trail.columns();
    Visit visit = new Visit();
    boolean sold = false;
    for (int p = 0; p < trail.lineSize(); p++) {
      int event = trail.lineEvent(p);
      EventType type = columns.type(event);
      if (sold) {
        scores.raise(event, AnomalyType.EVT_ORDER_ERR, AFTER_SALE);
        continue;
      }
      visit.enter(columns.location(event));
      int score = visit.record(type);
      if (score > 0) {
        scores.raise(event, AnomalyType.EVT_ORDER_ERR, score);
      }
      sold = type == EventType.POS_SELL;
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

    private static int repeatScore(int base, int occurrences) {
      return Math.min(100, base + REPEAT_STEP * (occurrences - 2));
    }
  }
}
