package org.barcodeanomaly.simulator.anomaly;

import java.util.List;
import java.util.SplittableRandom;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.event.EventType;
import org.barcodeanomaly.api.network.Location;
import org.barcodeanomaly.api.network.Route;
import org.barcodeanomaly.api.network.Tier;
import org.barcodeanomaly.simulator.chain.SupplyChainCalibration;
import org.barcodeanomaly.simulator.trail.SimulatedTrail;

/**
 * evtOrderErr: event types out of their order at a location or along the trail, with every time
 * still plausible, so only the order is wrong. The event that breaks the order is labelled.
 */
final class OrderInjector extends AbstractVariantInjector {

  private static final long MINUTE = 60;
  private static final long HOUR = 3600;
  private static final long DAY = 24 * HOUR;
  private static final long REENTRY_MIN = 35 * MINUTE;
  private static final long REENTRY_MAX = 3 * HOUR;
  private static final long EARLY_OUTBOUND_MIN = 10 * MINUTE;
  private static final long EARLY_OUTBOUND_MAX = 6 * HOUR;
  private static final long AFTER_SALE_MIN = HOUR;
  private static final long AFTER_SALE_MAX = 14 * DAY;

  OrderInjector(AnomalyVariant variant, InjectionContext context) {
    super(variant, context, variantsOf(AnomalyType.EVT_ORDER_ERR, AnomalyVariant.ORDER_TYPE_STEP_MISMATCH));
  }

  @Override
  public List<Site> sites(SimulatedTrail trail) {
    return eventSites(trail, 1, i -> fits(trail, i));
  }

  @Override
  public void inject(SimulatedTrail trail, Site site, SplittableRandom random) {
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
        long early = InjectionContext.minutesBetween(EARLY_OUTBOUND_MIN, room, random);
        trail.setTime(i + 1, trail.time(i) - early);
        trail.label(i + 1, AnomalyType.EVT_ORDER_ERR);
        return;
      }
      case ORDER_OUTBOUND_WITHOUT_INBOUND:
        trail.remove(i);
        trail.label(i, AnomalyType.EVT_ORDER_ERR);
        return;
      case ORDER_SCAN_AFTER_SALE: {
        i = completeSale(trail, i, random);
        long room = Math.min(AFTER_SALE_MAX, SupplyChainCalibration.WINDOW_END - trail.time(i));
        EventType type = random.nextBoolean() ? EventType.R_STOCK_OUTBOUND : EventType.POS_SELL;
        long after = trail.time(i) + InjectionContext.minutesBetween(AFTER_SALE_MIN, room, random);
        trail.insert(i + 1, trail.location(i), type.step(), type, after);
        trail.label(i + 1, AnomalyType.EVT_ORDER_ERR);
        return;
      }
      default:
        throw new IllegalStateException("no injection for " + variant);
    }
  }

  private boolean fits(SimulatedTrail trail, int i) {
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
        return i == trail.size() - 1 && sells(trail, i)
            && trail.time(i) + timeToSale(trail.type(i)) + AFTER_SALE_MIN <= SupplyChainCalibration.WINDOW_END;
      default:
        return false;
    }
  }

  /**
   * Whether the item at the end of the trail sits at a retailer of a factory whose goods are sold
   * (icn, kum), so a sale can end its trail.
   */
  private boolean sells(SimulatedTrail trail, int i) {
    EventType type = trail.type(i);
    boolean atRetailer = type == EventType.R_STOCK_INBOUND || type == EventType.R_STOCK_OUTBOUND
        || type == EventType.POS_SELL;
    return atRetailer && context.tier(trail, i) == Tier.RETAILER
        && SupplyChainCalibration.saleThrough(trail.identity().factory().site()) > 0;
  }

  /** Shortest time from an event of {@code type} at a retailer to the item's sale. */
  private static long timeToSale(EventType type) {
    long shelf = SupplyChainCalibration.SHELF_DWELL.minMinutes() * MINUTE;
    long sale = SupplyChainCalibration.SALE_DWELL.minMinutes() * MINUTE;
    switch (type) {
      case R_STOCK_INBOUND: return shelf + sale;
      case R_STOCK_OUTBOUND: return sale;
      default: return 0;
    }
  }

  /**
   * Completes the retail end of a trail that stops before its sale: the outbound and the sale an
   * ordinary sold item has, with dwells cut short where the window demands, leaving room for the
   * scan after the sale. Returns the index of the sale.
   */
  private static int completeSale(SimulatedTrail trail, int last, SplittableRandom random) {
    int location = trail.location(last);
    if (trail.type(last) == EventType.R_STOCK_INBOUND) {
      trail.add(location, EventType.R_STOCK_OUTBOUND, fittedDwell(trail.lastTime(),
          SupplyChainCalibration.SHELF_DWELL, timeToSale(EventType.R_STOCK_OUTBOUND) + AFTER_SALE_MIN, random));
    }
    if (trail.type(trail.size() - 1) == EventType.R_STOCK_OUTBOUND) {
      trail.add(location, EventType.POS_SELL, fittedDwell(trail.lastTime(),
          SupplyChainCalibration.SALE_DWELL, AFTER_SALE_MIN, random));
    }
    return trail.size() - 1;
  }

  /** {@code from} plus a dwell of {@code range}, shortened to leave {@code reserve} before the window ends. */
  private static long fittedDwell(long from, SupplyChainCalibration.Range range, long reserve,
      SplittableRandom random) {
    long latest = SupplyChainCalibration.WINDOW_END - reserve;
    long longest = Math.min(range.maxMinutes() * MINUTE, latest - from);
    return from + InjectionContext.minutesBetween(range.minMinutes() * MINUTE, longest, random);
  }

  private boolean isInbound(SimulatedTrail trail, int i) {
    return trail.type(i).direction() == EventType.Direction.INBOUND && context.location(trail, i) != null;
  }

  /** An inbound at {@code i} followed by the outbound of the same location. */
  private boolean isVisit(SimulatedTrail trail, int i) {
    return isInbound(trail, i) && i + 1 < trail.size() && context.isOutbound(trail, i + 1)
        && trail.location(i + 1) == trail.location(i);
  }

  /**
   * How far before the inbound at {@code i} its outbound can be put while the leg from the
   * previous location still takes at least the route's fastest observed trip; 0 when the leg is
   * not an observed route.
   */
  private long earlyOutboundRoom(SimulatedTrail trail, int i) {
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
