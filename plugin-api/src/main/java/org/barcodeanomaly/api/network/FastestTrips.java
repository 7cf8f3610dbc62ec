package org.barcodeanomaly.api.network;

import java.util.Arrays;

/**
 * How fast the network lets an item travel: the fastest trip ever observed on a route, from
 * {@code transition_stats.csv}. The one definition of "too fast" the rules and the learned
 * detectors' features share, so they cannot disagree on it.
 *
 * <p>A route that was never observed but keeps the network's shape (PLAUSIBLE, and OFF_NETWORK,
 * which has the shape of a route but breaks the region or factory rule) is held to the fastest
 * observed trip between the same two tiers. A move with no such trip (one that breaks the
 * hierarchy, or an off-network move between tiers never observed together) is held to its
 * distance at the fastest speed any observed trip reached (206 km/h: 257.8 km in 1.25 h), so
 * scans minutes apart at far-away sites are still a jump. The factory-to-own-warehouse leg (about
 * 30 minutes, no statistics) has no reference time: only a negative travel time counts there.
 * Immutable.
 */
public final class FastestTrips {

  private static final int TIERS = Tier.values().length;

  private final double[][] fastestByTierPair = new double[TIERS][TIERS];
  private final double fastestObservedKmh;

  /** Reads the observed routes of {@code network}. */
  public FastestTrips(LocationNetwork network) {
    for (double[] row : fastestByTierPair) {
      Arrays.fill(row, Double.NaN);
    }
    double fastestKmh = 0;
    for (Location from : network.locations()) {
      for (Location to : network.locations()) {
        Route route = network.route(from.id(), to.id());
        RouteStats stats = route == null ? null : route.stats();
        if (stats != null && stats.observed()) {
          int a = from.tier().ordinal();
          int b = to.tier().ordinal();
          double current = fastestByTierPair[a][b];
          fastestByTierPair[a][b] = Double.isNaN(current) ? stats.minHours() : Math.min(current, stats.minHours());
          fastestKmh = Math.max(fastestKmh, route.distanceKm() / stats.minHours());
        }
      }
    }
    this.fastestObservedKmh = fastestKmh;
  }

  /**
   * The fastest legal trip on {@code route} in hours, or NaN when the route has no reference time
   * (only a negative travel time can then be judged).
   */
  public double fastestHours(Route route) {
    if (route.kind() == Route.Kind.KNOWN) {
      RouteStats stats = route.stats();
      return stats != null && stats.observed() ? stats.minHours() : Double.NaN;
    }
    double tierPairFastest = route.kind() == Route.Kind.PLAUSIBLE || route.kind() == Route.Kind.OFF_NETWORK
        ? fastestByTierPair[route.from().tier().ordinal()][route.to().tier().ordinal()] : Double.NaN;
    if (!Double.isNaN(tierPairFastest)) {
      return tierPairFastest;
    }
    return fastestObservedKmh > 0 ? route.distanceKm() / fastestObservedKmh : Double.NaN;
  }
}
