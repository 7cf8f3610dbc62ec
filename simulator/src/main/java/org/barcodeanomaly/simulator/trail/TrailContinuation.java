package org.barcodeanomaly.simulator.trail;

import java.util.SplittableRandom;
import org.barcodeanomaly.api.event.EventType;
import org.barcodeanomaly.api.network.Location;
import org.barcodeanomaly.api.network.Tier;
import org.barcodeanomaly.simulator.chain.SupplyChainCalibration;
import org.barcodeanomaly.simulator.chain.SupplyChainModel;

/**
 * The journey of a single item onward from where its trail stands, by the same rules as the
 * pallets of the generator: ship or stay by the node's shipping share, dwell, travel an observed
 * route, stop when the window closes. Used for the retail end of every trail and by anomalies
 * that divert one item, so that the trail after the anomaly is an ordinary one. Stateless.
 */
public final class TrailContinuation {

  private final SupplyChainModel model;

  /** Continuations through {@code model}. */
  public TrailContinuation(SupplyChainModel model) {
    this.model = model;
  }

  /**
   * Appends the onward journey of the trail's item after its last event, an inbound at a known
   * location, until the trail holds {@code maxEvents} events. Does nothing when the last event is
   * not an inbound or its location is unknown.
   */
  public void continueFrom(SimulatedTrail trail, int maxEvents, SplittableRandom random) {
    while (trail.size() < maxEvents) {
      int last = trail.size() - 1;
      Location here = model.network().location(trail.location(last));
      if (here == null || trail.type(last) != TierEvents.inbound(here.tier())) {
        return;
      }
      if (here.tier() == Tier.RETAILER) {
        appendSales(trail, here.id(), maxEvents, random);
        return;
      }
      if (trail.size() + 2 > maxEvents || !shipLeg(trail, here, random)) {
        return;
      }
    }
  }

  /**
   * Appends R_Stock_Outbound and POS_Sell after an R_Stock_Inbound at {@code retailerId}, each
   * with the factory's sale-through probability and only while the window is open and the trail
   * holds fewer than {@code maxEvents} events.
   */
  public void appendSales(SimulatedTrail trail, int retailerId, int maxEvents, SplittableRandom random) {
    double saleThrough = SupplyChainCalibration.saleThrough(trail.identity().factory().site());
    if (saleThrough <= 0 || trail.size() >= maxEvents || random.nextDouble() >= saleThrough) {
      return;
    }
    long outbound = trail.lastTime() + model.shelfMinutes(random) * 60L;
    if (outbound > SupplyChainCalibration.WINDOW_END) {
      return;
    }
    trail.add(retailerId, EventType.R_STOCK_OUTBOUND, outbound);
    if (trail.size() >= maxEvents || random.nextDouble() >= saleThrough) {
      return;
    }
    long sale = outbound + model.saleMinutes(random) * 60L;
    if (sale <= SupplyChainCalibration.WINDOW_END) {
      trail.add(retailerId, EventType.POS_SELL, sale);
    }
  }

  private boolean shipLeg(SimulatedTrail trail, Location here, SplittableRandom random) {
    if (!model.hasNextStop(here.id()) || random.nextDouble() >= model.shipShare(here.id())) {
      return false;
    }
    long outbound = trail.lastTime() + model.dwellMinutes(here.tier(), random) * 60L;
    if (outbound > SupplyChainCalibration.WINDOW_END) {
      return false;
    }
    trail.add(here.id(), TierEvents.outbound(here.tier()), outbound);
    int next = model.nextStop(here.id(), random);
    long arrival = outbound + model.travel().observedMinutes(here.id(), next, random) * 60L;
    if (arrival > SupplyChainCalibration.WINDOW_END) {
      return false;
    }
    Location there = model.network().location(next);
    trail.add(next, TierEvents.inbound(there.tier()), arrival);
    return true;
  }
}
