package org.barcodeanomaly.simulator.anomaly;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.event.EventType;
import org.barcodeanomaly.api.network.Location;
import org.barcodeanomaly.api.network.Route;
import org.barcodeanomaly.api.network.Tier;
import org.barcodeanomaly.simulator.chain.SupplyChainCalibration;
import org.barcodeanomaly.simulator.trail.TierEvents;
import org.barcodeanomaly.simulator.trail.SimulatedTrail;

/**
 * locErr by a wrong move: after a departure (an outbound, or the aggregation for moves out of the
 * factory) the item arrives somewhere the network does not allow, after a trip time that fits the
 * distance, so the move is wrong in place only and never a jump. The trail after the departure is
 * replaced: the wrong arrival, labelled locErr, then an ordinary journey onward from there (none
 * after an unknown location), no longer than the journey it replaces, so anomalies do not inflate
 * the set.
 */
final class DivertInjector extends AbstractVariantInjector {

  /** Location ids the network does not have, used for unknown-location arrivals. */
  static final int FIRST_UNKNOWN_ID = 900;
  private static final int UNKNOWN_IDS = 100;
  /**
   * A lateral move goes to a site at least this far away, so its trip takes hours like any other
   * wrong move: a next-door site of the same tier would be a move of minutes.
   */
  private static final double LATERAL_MIN_KM = 30;

  DivertInjector(AnomalyVariant variant, InjectionContext context) {
    super(variant, context, variantsOf(AnomalyType.LOC_ERR, AnomalyVariant.LOC_STEP_TIER_MISMATCH));
  }

  @Override
  public List<Site> sites(SimulatedTrail trail) {
    List<Site> sites = new ArrayList<>();
    for (int d = 0; d < trail.size(); d++) {
      if (isDeparture(trail, d)) {
        for (Location target : targets(trail, d)) {
          sites.add(new Site(d, target == null ? -1 : target.id()));
        }
      }
    }
    return sites;
  }

  @Override
  public void inject(SimulatedTrail trail, Site site, SplittableRandom random) {
    int departure = site.index();
    int originalSize = trail.size();
    Location from = context.location(trail, departure);
    trail.truncate(departure + 1);
    if (variant == AnomalyVariant.LOC_UNKNOWN_LOCATION) {
      int unknown = FIRST_UNKNOWN_ID + random.nextInt(UNKNOWN_IDS);
      Tier expected = Tier.values()[Math.min(from.tier().level() + 1, Tier.RETAILER.level())];
      long trip = (60 + random.nextInt(540)) * 60L;
      long arrival = SupplyChainCalibration.onMinuteGrid(trail.time(departure) + trip);
      trail.add(unknown, TierEvents.inbound(expected), arrival);
      trail.label(departure + 1, AnomalyType.LOC_ERR);
      return;
    }
    Location to = context.network.location(site.target());
    long trip = context.tripSeconds(from, to, random);
    long arrival = SupplyChainCalibration.onMinuteGrid(trail.time(departure) + trip);
    trail.add(to.id(), TierEvents.inbound(to.tier()), arrival);
    trail.label(departure + 1, AnomalyType.LOC_ERR);
    context.continuation.continueFrom(trail, Math.max(originalSize, departure + 2), random);
  }

  /** A departure: the aggregation or an outbound, followed by nothing or by the next arrival. */
  private boolean isDeparture(SimulatedTrail trail, int index) {
    boolean departs = trail.type(index) == EventType.AGGREGATION || context.isOutbound(trail, index);
    boolean nextIsArrival = index == trail.size() - 1 || trail.location(index + 1) != trail.location(index);
    return departs && nextIsArrival && context.location(trail, index) != null
        && InjectionContext.roomForTrip(trail.time(index));
  }

  /** The wrong destinations for a departure at {@code index}; a null entry is an unknown location. */
  private List<Location> targets(SimulatedTrail trail, int index) {
    Location from = context.location(trail, index);
    int level = from.tier().level();
    switch (variant) {
      case LOC_BACKWARD_ONE_TIER: {
        Location previous = previousAtLevel(trail, index, level - 1);
        return level >= 2 && previous != null ? List.of(previous) : List.of();
      }
      case LOC_BACKWARD_FAR:
        return backTowardsTheFactory(trail, level);
      case LOC_SKIPPED_TIER:
        return level <= 2 ? context.locations(to -> to.tier().level() == level + 2) : List.of();
      case LOC_SKIPPED_TWO_TIERS:
        return level <= 1 ? context.locations(to -> to.tier().level() == level + 3) : List.of();
      case LOC_OFF_NETWORK:
        return oneTierDown(from, Route.Kind.OFF_NETWORK);
      case LOC_LATERAL:
        return level >= Tier.WMS.level() && level <= Tier.WHOLESALER.level()
            ? context.locations(to -> to.tier() == from.tier() && to.id() != from.id()
                && to.distanceKm(from) >= LATERAL_MIN_KM)
            : List.of();
      case LOC_UNOBSERVED_ROUTE:
        return oneTierDown(from, Route.Kind.PLAUSIBLE);
      case LOC_UNKNOWN_LOCATION: {
        List<Location> unknown = new ArrayList<>();
        unknown.add(null);
        return unknown;
      }
      default:
        throw new IllegalStateException("no targets for " + variant);
    }
  }

  /**
   * Two or more tiers up, to the trail's own factory or its warehouse: from a hub only the
   * factory, from a wholesaler or retailer either (docs/spec/ANOMALIES.md's example is retailer to factory).
   */
  private List<Location> backTowardsTheFactory(SimulatedTrail trail, int level) {
    List<Location> targets = new ArrayList<>();
    if (level >= Tier.LOGISTICS_HUB.level()) {
      targets.add(context.network.location(trail.identity().factory().locationId()));
    }
    if (level >= Tier.WHOLESALER.level()) {
      targets.add(context.model.warehouseOf(trail.identity().factory().site()));
    }
    return targets;
  }

  private List<Location> oneTierDown(Location from, Route.Kind kind) {
    return context.locations(to -> to.tier().level() == from.tier().level() + 1
        && context.network.route(from.id(), to.id()).kind() == kind);
  }

  private Location previousAtLevel(SimulatedTrail trail, int before, int level) {
    for (int i = before - 1; i >= 0; i--) {
      Location location = context.location(trail, i);
      if (location != null && location.tier().level() == level) {
        return location;
      }
    }
    return null;
  }
}
