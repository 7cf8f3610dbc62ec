package org.barcodeanomaly.rule.rules;

import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.event.BusinessStep;
import org.barcodeanomaly.api.network.Location;
import org.barcodeanomaly.api.network.LocationNetwork;
import org.barcodeanomaly.api.network.Route;
import org.barcodeanomaly.rule.explain.Findings;
import org.barcodeanomaly.rule.explain.RuleFinding;
import org.barcodeanomaly.rule.explain.Wording;
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
  public void score(PreparedTrail trail, Findings findings) {
    for (int k = 0; k < trail.size(); k++) {
      if (!trail.isReRead(k)) {
        scoreSite(trail.columns(), trail.event(k), findings);
      }
    }
    scoreMoves(trail, findings);
  }

  private void scoreSite(ScanColumns columns, int event, Findings findings) {
    Location location = network.location(columns.location(event));
    if (location == null) {
      if (findings.raise(event, AnomalyType.LOC_ERR, UNKNOWN_LOCATION)) {
        findings.describe(event, AnomalyType.LOC_ERR, new RuleFinding("locErr.unknownLocation", "scan",
            "scanned at location id " + columns.location(event) + ", which the network does not have")
            .cause("locationKnown", 0));
      }
      return;
    }
    BusinessStep step = columns.step(event);
    if ((step == null || step.tier() != location.tier())
        && findings.raise(event, AnomalyType.LOC_ERR, STEP_OFF_TIER)) {
      String stepName = columns.event(event).businessStep();
      findings.describe(event, AnomalyType.LOC_ERR, new RuleFinding("locErr.stepOffTier", "scan",
          "business step '" + stepName + "' " + (step == null ? "is not one of the known steps"
              : "belongs to the " + tierName(step.tier()) + " tier") + ", but the scan is at "
              + Wording.site(network, location.id())).cause("stepTierMismatch", 1));
    }
  }

  private void scoreMoves(PreparedTrail trail, Findings findings) {
    for (int p = 0; p < trail.lineSize(); p++) {
      int origin = trail.moveOrigin(p);
      if (origin != NONE) {
        int arrival = trail.lineEvent(p);
        int score = moveScore(trail.columns(), origin, arrival);
        if (findings.raise(arrival, AnomalyType.LOC_ERR, score)) {
          findings.describe(arrival, AnomalyType.LOC_ERR, moveFinding(trail.columns(), origin, arrival));
        }
      }
    }
  }

  /** The move in words: from where to where, what the network says of that route, and how long it took. */
  private RuleFinding moveFinding(ScanColumns columns, int from, int to) {
    Route route = network.route(columns.location(from), columns.location(to));
    double hours = (columns.second(to) - columns.second(from)) / 3_600.0;
    String move = "moved from " + Wording.site(network, route.from().id()) + " to "
        + Wording.site(network, route.to().id()) + " in " + Wording.hours(hours);
    RuleFinding finding;
    switch (route.kind()) {
      case BACKWARD:
        finding = new RuleFinding("locErr.backward", "arrival", move + ": up the chain, "
            + (route.from().tier().level() - route.to().tier().level()) + " tier(s) back")
            .cause("routeBackward", 1);
        break;
      case LATERAL:
        finding = new RuleFinding("locErr.lateral", "arrival", move + ": sideways, between two "
            + tierName(route.to().tier()) + " sites").cause("routeLateral", 1);
        break;
      case SKIPPED_TIER:
        finding = new RuleFinding("locErr.skippedTier", "arrival", move + ": " + route.tierStep()
            + " tiers down" + (hours * 3_600 > missedReadGapSeconds ? ", slowly enough to be a missed visit"
                : " in one leg (a missed visit would take over " + Wording.duration(missedReadGapSeconds) + ")"))
            .cause("routeSkippedTier", 1).yardstick("missedReadGapHours", missedReadGapSeconds / 3_600.0);
        break;
      case OFF_NETWORK:
        finding = new RuleFinding("locErr.offNetwork", "arrival", move
            + ": one tier down, but against the network (another factory's or region's site)")
            .cause("routeOffNetwork", 1);
        break;
      default:
        finding = new RuleFinding("locErr.unobservedRoute", "arrival", move
            + ": a route of the right shape that no item was ever seen to take").cause("routePlausible", 1);
        break;
    }
    return finding.with(from, "departure").yardstick("travelHours", hours);
  }

  private static String tierName(org.barcodeanomaly.api.network.Tier tier) {
    return tier.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
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
