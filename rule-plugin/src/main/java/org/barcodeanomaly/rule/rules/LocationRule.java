package org.barcodeanomaly.rule.rules;

import org.barcodeanomaly.api.detector.ScoreTable;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.event.BusinessStep;
import org.barcodeanomaly.api.network.Location;
import org.barcodeanomaly.api.network.LocationNetwork;
import org.barcodeanomaly.api.network.Route;
import org.barcodeanomaly.rule.trail.PreparedTrail;
import org.barcodeanomaly.rule.trail.ScanColumns;

/**
 * locErr: an event at a location where the item cannot be.
 *
 * <p>Each event is checked on its own: a location id the network does not have
 * ({@value #UNKNOWN_LOCATION}), a business step that does not belong to the location's tier
 * ({@value #STEP_OFF_TIER}). Each move, between consecutive main-line events at different known
 * locations, is judged by the network on the arriving event: backward {@value #BACKWARD}, lateral
 * {@value #LATERAL}, skipped tier {@value #SKIPPED_TIER}, off the network {@value #OFF_NETWORK},
 * right shape but never observed {@value #PLAUSIBLE} (unusual, not impossible, still reported).
 *
 * <p>A skipped tier is also what a missed read in a blind zone looks like. The two differ in
 * time: a direct delivery takes one leg, a missed read spans two legs and a stay between them. A
 * skip slower than the missed-read gap (by default longer than any single observed trip) scores
 * {@value #MISSED_READ}, below the threshold, so it ranks but is not reported.
 */
public final class LocationRule implements TrailRule {

  /** Location id not in the network. */
  public static final int UNKNOWN_LOCATION = 90;
  /** Move up the chain. */
  public static final int BACKWARD = 95;
  /** Move between two locations of the same tier. */
  public static final int LATERAL = 85;
  /** Move two or more tiers down within one leg's time. */
  public static final int SKIPPED_TIER = 85;
  /** One tier down against the factory or region rule. */
  public static final int OFF_NETWORK = 80;
  /** Business step of another tier than the location's, or unknown. */
  public static final int STEP_OFF_TIER = 75;
  /** One tier down, right shape, never observed. */
  public static final int PLAUSIBLE = 60;
  /** A skipped tier slow enough to be a missed read. */
  public static final int MISSED_READ = 30;

  private static final int NONE = -1;

  private final LocationNetwork network;
  private final long missedReadGapSeconds;

  /**
   * A rule over {@code network}.
   *
   * @param missedReadGapHours a skipped tier taking longer than this is taken for a missed read
   */
  public LocationRule(LocationNetwork network, double missedReadGapHours) {
    this.network = network;
    this.missedReadGapSeconds = Math.round(missedReadGapHours * 3_600);
  }

  @Override
  public AnomalyType type() {
    return AnomalyType.LOC_ERR;
  }

  @Override
  public void score(PreparedTrail trail, ScoreTable scores) {
    for (int k = 0; k < trail.size(); k++) {
      if (!trail.isReRead(k)) {
        scoreSite(trail.columns(), trail.event(k), scores);
      }
    }
    scoreMoves(trail, scores);
  }

  private void scoreSite(ScanColumns columns, int event, ScoreTable scores) {
    Location location = network.location(columns.location(event));
    if (location == null) {
      scores.raise(event, AnomalyType.LOC_ERR, UNKNOWN_LOCATION);
      return;
    }
    BusinessStep step = columns.step(event);
    if (step == null || step.tier() != location.tier()) {
      scores.raise(event, AnomalyType.LOC_ERR, STEP_OFF_TIER);
    }
  }

  private void scoreMoves(PreparedTrail trail, ScoreTable scores) {
    for (int p = 0; p < trail.lineSize(); p++) {
      int origin = trail.moveOrigin(p);
      if (origin != NONE) {
        int arrival = trail.lineEvent(p);
        scores.raise(arrival, AnomalyType.LOC_ERR, moveScore(trail.columns(), origin, arrival));
      }
    }
  }

  private int moveScore(ScanColumns columns, int from, int to) {
    Route route = network.route(columns.location(from), columns.location(to));
    switch (route.kind()) {
      case BACKWARD:
        return BACKWARD;
      case LATERAL:
        return LATERAL;
      case SKIPPED_TIER:
        long gap = columns.second(to) - columns.second(from);
        return gap > missedReadGapSeconds ? MISSED_READ : SKIPPED_TIER;
      case OFF_NETWORK:
        return OFF_NETWORK;
      case PLAUSIBLE:
        return PLAUSIBLE;
      default:
        return 0;
    }
  }
}
