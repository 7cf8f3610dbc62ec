package org.barcodeanomaly.simulator.anomaly;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.event.EventType;
import org.barcodeanomaly.api.network.Location;
import org.barcodeanomaly.api.network.Route;
import org.barcodeanomaly.simulator.chain.SupplyChainCalibration;
import org.barcodeanomaly.simulator.trail.Trail;

/**
 * evtOrderErr: event types out of their order at a location or along the trail, with every time
 * still plausible, so only the order is wrong. The event that breaks the order is labelled.
 */
final class OrderInjector implements VariantInjector {

  private static final long MINUTE = 60;
  private static final long HOUR = 3600;
  private static final long DAY = 24 * HOUR;
  private static final long REENTRY_MIN = 35 * MINUTE;
  private static final long REENTRY_MAX = 3 * HOUR;
  private static final long EARLY_OUTBOUND_MIN = 10 * MINUTE;
  private static final long EARLY_OUTBOUND_MAX = 6 * HOUR;
  private static final long AFTER_SALE_MIN = HOUR;
  private static final long AFTER_SALE_MAX = 14 * DAY;

  private final AnomalyVariant variant;
  private final InjectionContext context;

  OrderInjector(AnomalyVariant variant, InjectionContext context) {
    if (variant.type() != AnomalyType.EVT_ORDER_ERR || variant == AnomalyVariant.ORDER_TYPE_STEP_MISMATCH) {
      throw new IllegalArgumentException(variant.id() + " is not an event-order variant of this injector");
    }
    this.variant = variant;
    this.context = context;
  }

  @Override
  public AnomalyVariant variant() {
    return variant;
  }

  @Override
  public List<Site> sites(Trail trail) {
    List<Site> sites = new ArrayList<>();
    for (int i = 1; i < trail.size(); i++) {
      if (fits(trail, i)) {
        sites.add(Site.at(i));
      }
    }
    return sites;
  }

  @Override
  public void inject(Trail trail, Site site, SplittableRandom random) {
    int i = site.index();
    switch (variant) {
      case ORDER_SECOND_INBOUND: {
        long again = trail.time(i) + InjectionContext.minutesBetween(REENTRY_MIN, REENTRY_MAX, random);
        trail.insert(i + 1, trail.location(i), trail.step(i), trail.type(i), again);
        trail.label(i + 1, AnomalyType.EVT_ORDER_ERR);
        return;
      }
      case ORDER_OUTBOUND_BEFORE_INBOUND: {
        long room = Math.min(EARLY_OUTBOUND_MAX, earlyOutboundRoom(trail, i));
        trail.setTime(i + 1, trail.time(i) - InjectionContext.minutesBetween(EARLY_OUTBOUND_MIN, room, random));
        trail.label(i + 1, AnomalyType.EVT_ORDER_ERR);
        return;
      }
      case ORDER_OUTBOUND_WITHOUT_INBOUND:
        trail.remove(i);
        trail.label(i, AnomalyType.EVT_ORDER_ERR);
        return;
      case ORDER_SCAN_AFTER_SALE: {
        long room = Math.min(AFTER_SALE_MAX, SupplyChainCalibration.WINDOW_END - trail.time(i));
        EventType type = random.nextBoolean() ? EventType.R_STOCK_OUTBOUND : EventType.POS_SELL;
        trail.insert(i + 1, trail.location(i), type.step(), type, trail.time(i) + InjectionContext.minutesBetween(AFTER_SALE_MIN, room, random));
        trail.label(i + 1, AnomalyType.EVT_ORDER_ERR);
        return;
      }
      default:
        throw new IllegalStateException("no injection for " + variant);
    }
  }

  private boolean fits(Trail trail, int i) {
    switch (variant) {
      case ORDER_SECOND_INBOUND:
        return isInbound(trail, i) && (i == trail.size() - 1
            ? trail.time(i) + REENTRY_MAX <= SupplyChainCalibration.WINDOW_END
            : trail.time(i) + REENTRY_MAX < trail.time(i + 1));
      case ORDER_OUTBOUND_BEFORE_INBOUND:
        return isVisit(trail, i) && earlyOutboundRoom(trail, i) >= EARLY_OUTBOUND_MIN;
      case ORDER_OUTBOUND_WITHOUT_INBOUND:
        return isVisit(trail, i);
      case ORDER_SCAN_AFTER_SALE:
        return trail.type(i) == EventType.POS_SELL
            && trail.time(i) + AFTER_SALE_MIN <= SupplyChainCalibration.WINDOW_END;
      default:
        return false;
    }
  }

  private boolean isInbound(Trail trail, int i) {
    return trail.type(i).direction() == EventType.Direction.INBOUND && context.location(trail, i) != null;
  }

  /** An inbound at {@code i} followed by the outbound of the same location. */
  private boolean isVisit(Trail trail, int i) {
    return isInbound(trail, i) && i + 1 < trail.size() && context.isOutbound(trail, i + 1)
        && trail.location(i + 1) == trail.location(i);
  }

  /**
   * How far before the inbound at {@code i} its outbound can be put while the leg from the
   * previous location still takes at least the route's fastest observed trip; 0 when the leg is
   * not an observed route.
   */
  private long earlyOutboundRoom(Trail trail, int i) {
    if (i < 2 || !context.isOutbound(trail, i - 1)) {
      return 0;
    }
    Location from = context.location(trail, i - 1);
    Route route = context.network.route(from.id(), trail.location(i));
    if (route == null || route.stats() == null || !route.stats().observed()) {
      return 0;
    }
    long fastest = (long) Math.ceil(route.stats().minHours() * 60) * MINUTE;
    return trail.time(i) - trail.time(i - 1) - fastest;
  }

}
