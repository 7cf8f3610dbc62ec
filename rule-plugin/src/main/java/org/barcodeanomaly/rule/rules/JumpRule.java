package org.barcodeanomaly.rule.rules;

import org.barcodeanomaly.api.detector.ScoreTable;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.network.FastestTrips;
import org.barcodeanomaly.api.network.LocationNetwork;
import org.barcodeanomaly.api.network.Route;
import org.barcodeanomaly.rule.trail.PreparedTrail;
import org.barcodeanomaly.rule.trail.ScanColumns;

/**
 * jump: an arrival faster than the network allows, or time running backwards; scored on the
 * arriving event.
 *
 * <p>Moves are read along the trail's main line ({@link PreparedTrail#moveOrigin}), where a back-dated
 * arrival, which sorts before its departure, has been placed right after it. Travel time below
 * zero scores
 * {@value #BACKWARDS}. Otherwise the travel time is compared with the fastest trip the network
 * allows on that route ({@link FastestTrips}: the route's fastest observed trip, else the
 * fastest between the same tiers, else its distance at the fastest observed speed): below {@code fastRatio} of it (0.5 by default)
 * the score runs from {@value #FAST_FLOOR} up to 100 at zero; between {@code fastRatio} and the
 * fastest trip it runs from {@value #SUSPECT_CEILING} down to 0, below the threshold, to help
 * ranking. Every normal trip takes at least the route's fastest trip, so none is reported;
 * slower than usual is a delay, not a jump. Arrivals in the very second of their departure belong
 * to the dup rule.
 */
public final class JumpRule implements TrailRule {

  /** Arrival timestamped before its departure. */
  public static final int BACKWARDS = 100;
  /** Score at the fast-ratio boundary; reported. */
  public static final int FAST_FLOOR = 60;
  /** Score just above the fast-ratio boundary; not reported. */
  public static final int SUSPECT_CEILING = 40;

  private final LocationNetwork network;
  private final FastestTrips travelTimes;
  private final double fastRatio;

  /**
   * A rule over {@code network}.
   *
   * @param fastRatio travel faster than this share of the route's fastest trip is a jump, in (0, 1)
   */
  public JumpRule(LocationNetwork network, FastestTrips travelTimes, double fastRatio) {
    this.network = network;
    this.travelTimes = travelTimes;
    this.fastRatio = fastRatio;
  }

  @Override
  public AnomalyType type() {
    return AnomalyType.JUMP;
  }

  @Override
  public void score(PreparedTrail trail, ScoreTable scores) {
    for (int p = 0; p < trail.lineSize(); p++) {
      int departure = trail.moveOrigin(p);
      if (departure >= 0) {
        int arrival = trail.lineEvent(p);
        double score = travelScore(trail.columns(), departure, arrival);
        if (score > 0) {
          scores.raise(arrival, AnomalyType.JUMP, score);
        }
      }
    }
  }

  private double travelScore(ScanColumns columns, int departure, int arrival) {
    long seconds = columns.second(arrival) - columns.second(departure);
    if (seconds < 0) {
      return BACKWARDS;
    }
    Route route = network.route(columns.location(departure), columns.location(arrival));
    if (seconds == 0 || route == null) {
      return 0;
    }
    double fastest = travelTimes.fastestHours(route);
    if (Double.isNaN(fastest)) {
      return 0;
    }
    double ratio = seconds / 3_600.0 / fastest;
    if (ratio < fastRatio) {
      return FAST_FLOOR + (100 - FAST_FLOOR) * (1 - ratio / fastRatio);
    }
    if (ratio < 1) {
      return SUSPECT_CEILING * (1 - ratio) / (1 - fastRatio);
    }
    return 0;
  }
}
