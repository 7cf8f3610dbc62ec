package org.barcodeanomaly.simulator.anomaly;

import java.util.List;
import java.util.SplittableRandom;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.event.EventType;
import org.barcodeanomaly.api.network.Location;
import org.barcodeanomaly.api.network.Route;
import org.barcodeanomaly.api.network.RouteStats;
import org.barcodeanomaly.api.network.Tier;
import org.barcodeanomaly.simulator.trail.SimulatedTrail;
import org.barcodeanomaly.simulator.trail.TierEvents;

/**
 * jump: an arrival is time-stamped too soon after its departure, or before it, or the code is
 * read at a far-away site minutes after a read. Only the arrival moves (or the far-away scan is
 * added); the rest of the trail keeps its times, so the arriving (or far-away) event is the one
 * labelled. Backward arrivals on a hub leg stay after the event before the departure, so the
 * trail's other legs keep their order. Times are the recorded ones, clock skew included: every
 * variant is faster than any normal trip seen through skewed clocks
 * ({@link org.barcodeanomaly.api.network.FastestTrips#jumpLimitHours}).
 */
final class JumpInjector extends AbstractVariantInjector {

  private static final long MINUTE = 60;
  private static final long HOUR = 3600;
  private static final long MAX_BACKWARDS_DAYS = 3 * 24 * HOUR;
  private static final long MAX_BACKWARDS_MINUTES = 30 * MINUTE;
  private static final int MAX_QUICK_MINUTES = 15;
  private static final double FAST_SHARE_MIN = 0.25;
  private static final double FAST_SHARE_MAX = 0.50;
  private static final long MIN_FIRST_LEG_BACKWARDS = 15 * MINUTE;
  private static final long MAX_FIRST_LEG_BACKWARDS = 2 * 24 * HOUR;
  /** Distance from the read beyond which a site counts as far away, km. */
  static final double FAR_KM = 100.0;

  JumpInjector(AnomalyVariant variant, InjectionContext context) {
    super(variant, context, variantsOf(AnomalyType.JUMP));
  }

  @Override
  public List<Site> sites(SimulatedTrail trail) {
    switch (variant) {
      case JUMP_BACKWARDS_FIRST_LEG:
        return eventSites(trail, 1, i -> i == 1 && trail.type(0) == EventType.AGGREGATION
            && trail.type(1) == EventType.WMS_INBOUND);
      case JUMP_FAR_MINUTES_LATER:
        return farSites(trail);
      default:
        return eventSites(trail, 2,
            i -> observedLeg(trail, i) != null && backwardRoom(trail, i) >= minimumBackward());
    }
  }

  /**
   * A site per read with room after it and an unvisited site (not a factory: an item is never
   * aggregated twice) far away: the target is that site. Not a warehouse right after the
   * Aggregation: a factory's 20-minute leg to a warehouse 100 km away, seen through two clocks up
   * to 30 minutes apart, could be a real trip.
   */
  private List<Site> farSites(SimulatedTrail trail) {
    List<Site> sites = new java.util.ArrayList<>();
    for (int i = 0; i < trail.size(); i++) {
      Location read = context.location(trail, i);
      boolean room = i == trail.size() - 1 || trail.time(i + 1) - trail.time(i) > (MAX_QUICK_MINUTES + 1) * MINUTE;
      if (read == null || !room) {
        continue;
      }
      for (Location far : context.locations(candidate -> candidate.tier() != Tier.FACTORY
          && !(read.tier() == Tier.FACTORY && candidate.tier() == Tier.WMS)
          && candidate.distanceKm(read) >= FAR_KM && !InjectionContext.visits(trail, candidate.id()))) {
        sites.add(new Site(i, far.id()));
      }
    }
    return sites;
  }

  @Override
  public void inject(SimulatedTrail trail, Site site, SplittableRandom random) {
    int i = site.index();
    if (variant == AnomalyVariant.JUMP_FAR_MINUTES_LATER) {
      Location far = context.network.location(site.target());
      trail.insert(i + 1, far.id(), TierEvents.inbound(far.tier()).step(), TierEvents.inbound(far.tier()),
          trail.time(i) + (1 + random.nextInt(MAX_QUICK_MINUTES)) * MINUTE);
      trail.label(i + 1, AnomalyType.JUMP);
      return;
    }
    long departure = trail.time(i - 1);
    long arrival;
    switch (variant) {
      case JUMP_MINUTES_ON_HOURS_ROUTE:
        arrival = departure + (1 + random.nextInt(MAX_QUICK_MINUTES)) * MINUTE;
        break;
      case JUMP_FAST_ARRIVAL: {
        double share = FAST_SHARE_MIN + random.nextDouble() * (FAST_SHARE_MAX - FAST_SHARE_MIN);
        long fastest = Math.round(observedLeg(trail, i).minHours() * HOUR);
        arrival = departure + Math.max(MINUTE, (long) Math.floor(share * fastest / MINUTE) * MINUTE);
        break;
      }
      case JUMP_BACKWARDS_FIRST_LEG:
        arrival = trail.time(0) - InjectionContext.minutesBetween(MIN_FIRST_LEG_BACKWARDS,
            MAX_FIRST_LEG_BACKWARDS, random);
        break;
      case JUMP_BACKWARDS_DAYS:
        arrival = departure - InjectionContext.minutesBetween(HOUR,
            Math.min(MAX_BACKWARDS_DAYS, backwardRoom(trail, i)), random);
        break;
      case JUMP_BACKWARDS_MINUTES:
        arrival = departure - InjectionContext.minutesBetween(MINUTE,
            Math.min(MAX_BACKWARDS_MINUTES, backwardRoom(trail, i)), random);
        break;
      default:
        throw new IllegalStateException("no injection for " + variant);
    }
    trail.setTime(i, arrival);
    trail.label(i, AnomalyType.JUMP);
  }

  /** The observed route of the leg that ends with the inbound at {@code i}, or null. */
  private RouteStats observedLeg(SimulatedTrail trail, int i) {
    if (trail.type(i).direction() != EventType.Direction.INBOUND || !context.isOutbound(trail, i - 1)) {
      return null;
    }
    Route route = context.network.route(trail.location(i - 1), trail.location(i));
    return route != null && route.stats() != null && route.stats().observed() ? route.stats() : null;
  }

  /** How far before its departure the arrival can go and still follow the event before the departure. */
  private static long backwardRoom(SimulatedTrail trail, int i) {
    return trail.time(i - 1) - trail.time(i - 2) - MINUTE;
  }

  private long minimumBackward() {
    switch (variant) {
      case JUMP_BACKWARDS_DAYS: return HOUR;
      case JUMP_BACKWARDS_MINUTES: return MINUTE;
      default: return Long.MIN_VALUE;
    }
  }

}
