package org.barcodeanomaly.features;

import java.util.Arrays;
import org.barcodeanomaly.api.event.BusinessStep;
import org.barcodeanomaly.api.event.EventType;
import org.barcodeanomaly.api.event.ScanEvent;
import org.barcodeanomaly.api.network.FastestTrips;
import org.barcodeanomaly.api.network.Location;
import org.barcodeanomaly.api.network.LocationNetwork;
import org.barcodeanomaly.api.network.NormalVariation;
import org.barcodeanomaly.api.network.Route;
import org.barcodeanomaly.api.network.RouteStats;
import org.barcodeanomaly.api.network.Tier;

/**
 * Computes the rows of one trail at a time: walks the trail's same-second groups in order and
 * writes each event's temporal, spatial, order, same-second and history features. Not
 * thread-safe: {@link FeatureExtractor} gives each extraction its own writer.
 */
final class TrailFeatureWriter {

  private static final double SECONDS_PER_HOUR = 3600.0;
  private static final long SECONDS_PER_DAY = 86_400L;
  /** 1970-01-01 was a Thursday: day index 3 with Monday = 0. */
  private static final int EPOCH_DAY_OF_WEEK = 3;
  /** Events per full normal trail, minus one: the POSITION scale. */
  private static final double FULL_TRAIL_STEPS = 9.0;
  /** Shortest duration a move's speed is computed over, in hours (one second). */
  private static final double MIN_MOVE_HOURS = 1.0 / SECONDS_PER_HOUR;
  /** The travel shortfall is measured in fastest trips, but never in less than half an hour. */
  private static final double MIN_SHORTFALL_SCALE_HOURS = 0.5;

  private final LocationNetwork network;
  private final FastestTrips travelTimes;
  private final EpcStructure epc;
  private final VisitTracker visits = new VisitTracker();
  private final SameSecondGroup group = new SameSecondGroup();

  // The trail being written; set by write(), so the per-event methods stay short.
  private Trails trails;
  private FeatureMatrix out;
  private int start;
  private int end;
  private int[] factoryIds = new int[4];
  private int factoryScanCount;

  TrailFeatureWriter(LocationNetwork network, FastestTrips travelTimes, EpcStructure epc) {
    this.network = network;
    this.travelTimes = travelTimes;
    this.epc = epc;
  }

  /** Writes the rows of trail {@code trail} into {@code out}, which must cover its positions. */
  void write(Trails trails, int trail, FeatureMatrix out) {
    this.trails = trails;
    this.out = out;
    this.start = trails.start(trail);
    this.end = trails.end(trail);
    ScanEvent first = trails.eventAt(start);
    collectFactoryScans();
    epc.judge(first.epcCode(), trails.secondAt(start), factoryIds, factoryScanCount,
        first.manufactureTime());
    visits.reset();
    int previous = -1;
    int groupStart = start;
    while (groupStart < end) {
      int groupEnd = groupStart + 1;
      while (groupEnd < end && trails.secondAt(groupEnd) == trails.secondAt(groupStart)) {
        groupEnd++;
      }
      group.analyse(trails, groupStart, groupEnd);
      int next = groupEnd < end ? groupEnd : -1;
      int continuation = continuation(groupStart, groupEnd, next);
      for (int p = groupStart; p < groupEnd; p++) {
        if (p != continuation) {
          writeEvent(p, previous, next);
        }
      }
      // The trail goes on from the continuation: it is written last, so the history the next
      // events see ends at its location, and it is their previous event.
      writeEvent(continuation, previous, next);
      previous = continuation;
      groupStart = groupEnd;
    }
  }

  /**
   * The member of a same-second group that the trail continues from: the one at the next event's
   * location, else the one with the best route to it, else the last. In a clone group only one
   * member can be where the item really was; judging the next move from a clone would make every
   * later event look misplaced.
   */
  private int continuation(int groupStart, int groupEnd, int next) {
    if (groupEnd - groupStart == 1 || next < 0) {
      return groupEnd - 1;
    }
    int nextLocation = trails.eventAt(next).locationId();
    int best = groupEnd - 1;
    int bestRank = Integer.MAX_VALUE;
    for (int p = groupEnd - 1; p >= groupStart; p--) {
      int rank = continuationRank(trails.eventAt(p).locationId(), nextLocation);
      if (rank < bestRank) {
        best = p;
        bestRank = rank;
      }
    }
    return best;
  }

  /** 0: the same location; 1: a known route; 2: a plausible one; 3: anything else. */
  private int continuationRank(int from, int to) {
    if (from == to) {
      return 0;
    }
    Route route = network.route(from, to);
    if (route == null) {
      return 3;
    }
    return route.kind() == Route.Kind.KNOWN ? 1 : route.kind() == Route.Kind.PLAUSIBLE ? 2 : 3;
  }

  /** Collects the location ids of the trail's factory-tier scans into {@link #factoryIds}. */
  private void collectFactoryScans() {
    factoryScanCount = 0;
    for (int p = start; p < end; p++) {
      Location location = network.location(trails.eventAt(p).locationId());
      if (location != null && location.tier() == Tier.FACTORY) {
        if (factoryScanCount == factoryIds.length) {
          factoryIds = Arrays.copyOf(factoryIds, factoryScanCount * 2);
        }
        factoryIds[factoryScanCount++] = location.id();
      }
    }
  }

  /**
   * Writes the row of the event at position {@code p}; {@code previous} and {@code next} are the
   * positions of its time neighbours (the last event of the previous second, the first of the
   * next), −1 when there is none.
   */
  private void writeEvent(int p, int previous, int next) {
    int row = p - out.firstPosition();
    int firstRead = group.firstRead(p);
    if (firstRead >= 0) {
      // A repeated read carries its first read's features: it adds nothing to the history.
      out.copyRow(firstRead - out.firstPosition(), row);
    } else {
      ScanEvent event = trails.eventAt(p);
      // A second has no order: within a group seen at several locations no move can be judged,
      // so its members keep the normal "no move, next rank" values; the clone itself is what
      // sameSecondOtherLocations reports.
      boolean clone = group.otherLocations(p) > 0;
      writeTemporal(p, previous, row);
      writeSpatial(event, p, clone ? -1 : previous, clone ? -1 : next, row);
      if (!clone) {
        writeShortfall(event, p, previous, row);
      }
      writeOrder(event, clone ? -1 : previous, clone ? -1 : next, row);
      if (clone) {
        out.set(row, Feature.RANK_DELTA, 1);
      }
      writeTypeTier(event, row);
      int hour = (int) (Math.floorMod(trails.secondAt(p), SECONDS_PER_DAY) / 3600);
      visits.observe(event.locationId(), EventType.fromName(event.eventType()), hour, out, row);
      epc.write(out, row);
    }
    out.set(row, Feature.SAME_SECOND_OTHER_LOCATIONS, group.otherLocations(p));
    out.set(row, Feature.SAME_SECOND_REPEATS, group.repeats(p));
  }

  private void writeTemporal(int p, int previous, int row) {
    long second = trails.secondAt(p);
    out.set(row, Feature.LOG_GAP_HOURS, Math.log1p(hoursBetween(previous, p)));
    double hourAngle = 2 * Math.PI * Math.floorMod(second, SECONDS_PER_DAY) / SECONDS_PER_DAY;
    out.set(row, Feature.HOUR_SIN, Math.sin(hourAngle));
    out.set(row, Feature.HOUR_COS, Math.cos(hourAngle));
    long dayOfWeek = Math.floorMod(Math.floorDiv(second, SECONDS_PER_DAY) + EPOCH_DAY_OF_WEEK, 7);
    double dayAngle = 2 * Math.PI * dayOfWeek / 7;
    out.set(row, Feature.DAY_OF_WEEK_SIN, Math.sin(dayAngle));
    out.set(row, Feature.DAY_OF_WEEK_COS, Math.cos(dayAngle));
    int index = p - start;
    int length = end - start;
    out.set(row, Feature.POSITION, index / FULL_TRAIL_STEPS);
    out.set(row, Feature.PROGRESS, length > 1 ? (double) index / (length - 1) : 0);
    out.set(row, Feature.LOG_HOURS_SINCE_FIRST, Math.log1p(hoursBetween(start, p)));
  }

  private void writeSpatial(ScanEvent event, int p, int previous, int next, int row) {
    Location location = network.location(event.locationId());
    out.set(row, Feature.LOCATION_KNOWN, location != null ? 1 : 0);
    out.set(row, Feature.TIER, location != null ? location.tier().level() : -1);
    BusinessStep step = BusinessStep.fromName(event.businessStep());
    out.set(row, Feature.STEP_TIER_MISMATCH,
        step == null || location != null && step.tier() != location.tier() ? 1 : 0);
    if (previous < 0) {
      return;
    }
    int fromId = trails.eventAt(previous).locationId();
    Location from = network.location(fromId);
    if (from != null && location != null) {
      out.set(row, Feature.TIER_STEP, location.tier().level() - from.tier().level());
    }
    if (fromId != event.locationId()) {
      out.set(row, Feature.LOCATION_CHANGED, 1);
      out.set(row, Feature.REVISIT, visits.visited(event.locationId()) ? 1 : 0);
      writeMove(network.route(fromId, event.locationId()), hoursBetween(previous, p), row);
      out.set(row, Feature.ARRIVAL_BEFORE_DEPARTURE, nextGoesUp(location, next) ? 1 : 0);
    }
  }

  /** Whether the event at position {@code next} (−1: none) is at a higher tier than {@code here}. */
  private boolean nextGoesUp(Location here, int next) {
    if (here == null || next < 0) {
      return false;
    }
    Location after = network.location(trails.eventAt(next).locationId());
    return after != null && after.tier().level() < here.tier().level();
  }

  /** Hours from the event at position {@code from} to the one at {@code to}; 0 when from is −1. */
  private double hoursBetween(int from, int to) {
    return from < 0 ? 0 : (trails.secondAt(to) - trails.secondAt(from)) / SECONDS_PER_HOUR;
  }

  private void writeMove(Route route, double hours, int row) {
    if (route == null) {
      return;
    }
    out.set(row, routeFeature(route.kind()), 1);
    out.set(row, Feature.SKIPPED_TIER_ONE_LEG, route.kind() == Route.Kind.SKIPPED_TIER
        && hours < NormalVariation.MISSED_READ_MIN_GAP_HOURS ? 1 : 0);
    double km = route.distanceKm();
    out.set(row, Feature.LOG_DISTANCE_KM, Math.log1p(km));
    out.set(row, Feature.LOG_SPEED_KMH, Math.log1p(km / Math.max(hours, MIN_MOVE_HOURS)));
    RouteStats stats = route.stats();
    if (stats != null && stats.observed()) {
      out.set(row, Feature.TRAVEL_Z, (hours - stats.meanHours()) / Math.max(stats.stdHours(), 1e-6));
    }
    double fastest = travelTimes.fastestHours(route);
    if (!Double.isNaN(fastest)) {
      out.set(row, Feature.LOG_MIN_TRAVEL_RATIO, Math.min(0,
          Math.log(Math.max(hours, MIN_MOVE_HOURS) / Math.max(fastest, MIN_MOVE_HOURS))));
    }
  }

  /**
   * {@link Feature#TRAVEL_SHORTFALL} of the inbound at {@code p}: its trip is measured both from
   * the previous scan in time and from the departure it follows in the journey, and the larger
   * shortfall counts, so a far-away read minutes after another scan and a back-dated arrival
   * (sorted before its departure) both show, however the scans sort in time.
   */
  private void writeShortfall(ScanEvent event, int p, int previous, int row) {
    EventType type = EventType.fromName(event.eventType());
    if (type == null || type.direction() != EventType.Direction.INBOUND
        || network.location(event.locationId()) == null) {
      return;
    }
    double shortfall = Math.max(shortfall(event, p, previous),
        shortfall(event, p, journeyDeparture(event, type.journeyRank())));
    if (shortfall > 0) {
      out.set(row, Feature.TRAVEL_SHORTFALL, shortfall);
    }
  }

  /** How far the trip from {@code departure} to the event at {@code p} falls short of the jump limit; 0 if not. */
  private double shortfall(ScanEvent event, int p, int departure) {
    if (departure < 0 || trails.eventAt(departure).locationId() == event.locationId()) {
      return 0;
    }
    Route route = network.route(trails.eventAt(departure).locationId(), event.locationId());
    if (route == null) {
      return 0;
    }
    double fastest = travelTimes.fastestHours(route);
    double limit = travelTimes.jumpLimitHours(route);
    double hours = hoursBetween(departure, p);
    return Double.isNaN(fastest) || hours >= limit ? 0 : (limit - hours) / Math.max(fastest, MIN_SHORTFALL_SCALE_HOURS);
  }

  /**
   * The position of the scan this inbound's journey came from: of the trail's scans at other known
   * sites with a lower journey rank, the one of the highest rank (the latest of them); −1 if none.
   */
  private int journeyDeparture(ScanEvent event, int rank) {
    int best = -1;
    int bestRank = -1;
    for (int q = start; q < end; q++) {
      ScanEvent other = trails.eventAt(q);
      int otherRank = rank(EventType.fromName(other.eventType()));
      if (other.locationId() != event.locationId() && otherRank >= 0 && otherRank < rank
          && network.location(other.locationId()) != null
          && (otherRank > bestRank || otherRank == bestRank && trails.secondAt(q) >= trails.secondAt(best))) {
        best = q;
        bestRank = otherRank;
      }
    }
    return best;
  }

  private static Feature routeFeature(Route.Kind kind) {
    switch (kind) {
      case KNOWN: return Feature.ROUTE_KNOWN;
      case PLAUSIBLE: return Feature.ROUTE_PLAUSIBLE;
      case OFF_NETWORK: return Feature.ROUTE_OFF_NETWORK;
      case SKIPPED_TIER: return Feature.ROUTE_SKIPPED_TIER;
      case LATERAL: return Feature.ROUTE_LATERAL;
      default: return Feature.ROUTE_BACKWARD;
    }
  }

  private void writeOrder(ScanEvent event, int previous, int next, int row) {
    EventType type = EventType.fromName(event.eventType());
    int rank = rank(type);
    out.set(row, Feature.EVENT_TYPE_KNOWN, type != null ? 1 : 0);
    out.set(row, Feature.JOURNEY_RANK, rank);
    out.set(row, Feature.RANK_DELTA, rank - (previous < 0 ? -1 : rankAt(previous)));
    out.set(row, Feature.NEXT_RANK_DELTA, next < 0 ? 1 : rankAt(next) - rank);
    out.set(row, Feature.TYPE_STEP_MISMATCH,
        type == null || !type.belongsTo(event.businessStep()) ? 1 : 0);
  }

  private void writeTypeTier(ScanEvent event, int row) {
    EventType type = EventType.fromName(event.eventType());
    Location location = network.location(event.locationId());
    out.set(row, Feature.TYPE_TIER_MISMATCH,
        type != null && location != null && type.tier() != location.tier() ? 1 : 0);
  }

  private int rankAt(int position) {
    return rank(EventType.fromName(trails.eventAt(position).eventType()));
  }

  private static int rank(EventType type) {
    return type == null ? -1 : type.journeyRank();
  }
}
