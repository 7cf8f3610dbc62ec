package org.barcodeanomaly.rule.rules;

import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.network.FastestTrips;
import org.barcodeanomaly.api.network.LocationNetwork;
import org.barcodeanomaly.api.network.Route;
import org.barcodeanomaly.rule.explain.Findings;
import org.barcodeanomaly.rule.explain.RuleFinding;
import org.barcodeanomaly.rule.explain.Wording;
import org.barcodeanomaly.rule.trail.PreparedTrail;
import org.barcodeanomaly.rule.trail.ScanColumns;

/**
 * jump: an arrival faster than the network allows, or time running backwards; scored on the
 * arriving event.
 *
 * <p>Moves are read along the trail's main line ({@link PreparedTrail#moveOrigin}), where a
 * back-dated arrival, which sorts before its departure, has been placed right after it, and from
 * each detour's origin to the detour ({@link PreparedTrail#detour}). The travel
 * time is compared with the fastest trip the network allows on that route ({@link FastestTrips}:
 * the route's fastest observed trip; 20 minutes from a factory to its own warehouse; otherwise at
 * least the fastest trip any route took, so a far-away scan minutes after a read is a jump at any
 * distance). Two readers' clocks may disagree by twice the clock skew (±15 minutes each by default,
 * docs/spec/ANOMALIES.md), so only a trip faster than the fastest by more than that is a jump:
 * from {@value #FAST_FLOOR} at that limit up to 100 a whole fastest trip below it (time running
 * backwards included). Between the limit and the fastest trip the score runs from
 * {@value #SUSPECT_CEILING} down to 0, below the threshold, to help ranking. So no normal trip is
 * reported, however its readers' clocks run; slower than usual is a delay, not a jump. Arrivals in
 * the very second of their departure belong to the dup rule.
 */
public final class JumpRule implements TrailRule {

  /** Score at the jump limit; reported. */
  public static final int FAST_FLOOR = 60;
  /** Score just above the jump limit; not reported. */
  public static final int SUSPECT_CEILING = 40;

  private final LocationNetwork network;
  private final FastestTrips travelTimes;
  private final double pairSkewHours;

  /**
   * A rule over {@code network}.
   *
   * @param clockSkewMinutes the largest offset of one reader's clock; two readers may disagree by
   *     twice it
   */
  public JumpRule(LocationNetwork network, FastestTrips travelTimes, double clockSkewMinutes) {
    this.network = network;
    this.travelTimes = travelTimes;
    this.pairSkewHours = 2 * clockSkewMinutes / 60.0;
  }

  @Override
  public AnomalyType type() {
    return AnomalyType.JUMP;
  }

  @Override
  public void score(PreparedTrail trail, Findings findings) {
    for (int p = 0; p < trail.lineSize(); p++) {
      int departure = trail.moveOrigin(p);
      if (departure >= 0) {
        judge(trail.columns(), departure, trail.lineEvent(p), findings);
      }
    }
    for (int d = 0; d < trail.detourCount(); d++) {
      judge(trail.columns(), trail.detourOrigin(d), trail.detour(d), findings);
    }
  }

  private void judge(ScanColumns columns, int departure, int arrival, Findings findings) {
    double score = travelScore(columns, departure, arrival);
    if (score > 0 && findings.raise(arrival, AnomalyType.JUMP, score)) {
      findings.describe(arrival, AnomalyType.JUMP, finding(columns, departure, arrival));
    }
  }

  /** The trip in words: how long it took against the route's fastest trip and the jump limit. */
  private RuleFinding finding(ScanColumns columns, int departure, int arrival) {
    long seconds = columns.second(arrival) - columns.second(departure);
    Route route = network.route(columns.location(departure), columns.location(arrival));
    String to = Wording.site(network, columns.location(arrival));
    String from = Wording.site(network, columns.location(departure));
    double fastest = travelTimes.fastestHours(route);
    RuleFinding finding;
    if (seconds < 0) {
      finding = new RuleFinding("jump.timeRunsBackwards", "arrival", "arrived at " + to + " "
          + Wording.duration(seconds) + " before leaving " + from + ": time runs backwards");
    } else {
      double limit = travelTimes.jumpLimitHours(route, pairSkewHours);
      finding = new RuleFinding("jump.fasterThanFastestTrip", "arrival", "arrived at " + to + " "
          + Wording.duration(seconds) + " after leaving " + from + "; the route's fastest trip is "
          + Wording.hours(fastest) + ", and even two readers' clock skew allows no less than "
          + Wording.hours(limit));
      finding.yardstick("jumpLimitHours", limit);
    }
    finding.with(departure, "departure").cause("travelHours", seconds / 3_600.0);
    if (!Double.isNaN(fastest)) {
      finding.yardstick("fastestTripHours", fastest);
    }
    return finding;
  }

  private double travelScore(ScanColumns columns, int departure, int arrival) {
    long seconds = columns.second(arrival) - columns.second(departure);
    Route route = network.route(columns.location(departure), columns.location(arrival));
    if (seconds == 0 || route == null) {
      return 0;
    }
    double fastest = travelTimes.fastestHours(route);
    if (Double.isNaN(fastest)) {
      return seconds < 0 ? 100 : 0;
    }
    double hours = seconds / 3_600.0;
    double limit = travelTimes.jumpLimitHours(route, pairSkewHours);
    if (hours < limit) {
      return FAST_FLOOR + (100 - FAST_FLOOR) * Math.min(1, (limit - hours) / fastest);
    }
    if (hours < fastest) {
      return SUSPECT_CEILING * (fastest - hours) / (fastest - limit);
    }
    return 0;
  }
}
