package org.barcodeanomaly.simulator.anomaly;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.barcodeanomaly.api.event.EventType;
import org.barcodeanomaly.api.network.Location;
import org.barcodeanomaly.api.network.LocationNetwork;
import org.barcodeanomaly.api.network.Tier;
import org.barcodeanomaly.simulator.chain.SupplyChainCalibration;
import org.barcodeanomaly.simulator.chain.SupplyChainModel;
import org.barcodeanomaly.simulator.chain.TravelTimeSampler;
import org.barcodeanomaly.simulator.trail.SimulatedTrail;
import org.barcodeanomaly.simulator.trail.TrailContinuation;

/** What the injectors share: the network, travel times and the continuation of diverted trails. */
final class InjectionContext {

  /** Longest trip a diverted leg can take, with room to spare, seconds. */
  static final long MAX_DIVERTED_TRIP_SECONDS = 16 * 3600L;

  final SupplyChainModel model;
  final LocationNetwork network;
  final TrailContinuation continuation;

  InjectionContext(SupplyChainModel model) {
    this.model = model;
    this.network = model.network();
    this.continuation = new TrailContinuation(model);
  }

  /** The location of event {@code index}, or {@code null} when the network does not know it. */
  Location location(SimulatedTrail trail, int index) {
    return network.location(trail.location(index));
  }

  /** The tier of event {@code index}'s location, or {@code null} when the location is unknown. */
  Tier tier(SimulatedTrail trail, int index) {
    Location location = location(trail, index);
    return location == null ? null : location.tier();
  }

  /** Whether event {@code index} takes the item out of a known location. */
  boolean isOutbound(SimulatedTrail trail, int index) {
    return trail.type(index).direction() == EventType.Direction.OUTBOUND && location(trail, index) != null;
  }

  /** Every location of the network that passes {@code filter}, in network order. */
  List<Location> locations(Predicate<Location> filter) {
    List<Location> result = new ArrayList<>();
    for (Location location : network.locations()) {
      if (filter.test(location)) {
        result.add(location);
      }
    }
    return result;
  }

  /** Whether any event of {@code trail} is at {@code locationId}. */
  static boolean visits(SimulatedTrail trail, int locationId) {
    for (int i = 0; i < trail.size(); i++) {
      if (trail.location(i) == locationId) {
        return true;
      }
    }
    return false;
  }

  /** A trip time in seconds: the route's own when observed, otherwise a plausible one. */
  long tripSeconds(Location from, Location to, SplittableRandom random) {
    TravelTimeSampler travel = model.travel();
    int minutes = travel.isObserved(from.id(), to.id())
        ? travel.observedMinutes(from.id(), to.id(), random)
        : travel.plausibleMinutes(from, to, random);
    return minutes * 60L;
  }

  /** Whether a diverted leg leaving at {@code second} surely arrives inside the window. */
  static boolean roomForTrip(long second) {
    return second + MAX_DIVERTED_TRIP_SECONDS <= SupplyChainCalibration.WINDOW_END;
  }

  /** A whole number of minutes, in seconds, between {@code min} and {@code max} seconds. */
  static long minutesBetween(long min, long max, SplittableRandom random) {
    long minutes = Math.max(0, (max - min) / 60);
    return min + random.nextLong(minutes + 1) * 60;
  }
}
