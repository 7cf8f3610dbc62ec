package org.barcodeanomaly.simulator.anomaly;

import java.util.List;
import java.util.SplittableRandom;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.event.EventType;
import org.barcodeanomaly.api.network.Route;
import org.barcodeanomaly.api.network.RouteStats;
import org.barcodeanomaly.simulator.trail.SimulatedTrail;

/**
 * jump: an arrival on an observed route is time-stamped too soon after its departure, or before
 * it. Only the arrival moves; the rest of the trail keeps its times, so the arriving event is the
 * one labelled. Backward arrivals stay after the event before the departure, so the trail's other
 * legs keep their order.
 */
final class JumpInjector extends AbstractVariantInjector {

  private static final long MINUTE = 60;
  private static final long HOUR = 3600;
  private static final long MAX_BACKWARDS_DAYS = 3 * 24 * HOUR;
  private static final long MAX_BACKWARDS_MINUTES = 30 * MINUTE;
  private static final int MAX_QUICK_MINUTES = 15;
  private static final double FAST_SHARE_MIN = 0.40;
  private static final double FAST_SHARE_MAX = 0.70;

  JumpInjector(AnomalyVariant variant, InjectionContext context) {
    super(variant, context, variantsOf(AnomalyType.JUMP));
  }

  @Override
  public List<Site> sites(SimulatedTrail trail) {
    return eventSites(trail, 2,
        i -> observedLeg(trail, i) != null && backwardRoom(trail, i) >= minimumBackward());
  }

  @Override
  public void inject(SimulatedTrail trail, Site site, SplittableRandom random) {
    int i = site.index();
    long departure = trail.time(i - 1);
    long arrival;
    switch (variant) {
      case JUMP_MINUTES_ON_HOURS_ROUTE:
        arrival = departure + (1 + random.nextInt(MAX_QUICK_MINUTES)) * MINUTE;
        break;
      case JUMP_FAST_ARRIVAL: {
        double share = FAST_SHARE_MIN + random.nextDouble() * (FAST_SHARE_MAX - FAST_SHARE_MIN);
        long fastest = Math.round(observedLeg(trail, i).minHours() * HOUR);
        arrival = departure + Math.max(MINUTE, Math.round(share * fastest / MINUTE) * MINUTE);
        break;
      }
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
