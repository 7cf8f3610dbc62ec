package org.barcodeanomaly.api.network;

import java.util.Arrays;

/**
 * How fast the network lets an item travel, and so what is too fast: the one definition of a jump
 * in time that the rules and the learned detectors' features share, so they cannot disagree on it.
 *
 * <ul>
 *   <li>An observed route: the fastest trip ever observed on it ({@code transition_stats.csv}).</li>
 *   <li>A factory to its own warehouse (no statistics; docs/spec/DATA.md: about 30 minutes):
 *       {@value #OWN_WAREHOUSE_MINUTES} minutes; to another factory's warehouse the same, or its
 *       distance at the fastest observed speed when that is longer.</li>
 *   <li>Any other move between two different sites: the fastest observed trip between the same
 *       two tiers, and never less than the fastest trip any route ever took (docs/spec/DATA.md:
 *       trips take 1 to 10 hours whatever the distance) nor than the distance at the fastest
 *       speed any trip reached (206 km/h: 257.8 km in 1.25 h). So a scan of the same EPC at
 *       another site minutes after a read is too fast, however near that site is.</li>
 * </ul>
 *
 * <p>{@link #jumpLimitHours} is where too fast begins: the fastest trip less
 * {@link NormalVariation#PAIR_SKEW_HOURS}, so that two readers' clock skew never turns a normal trip
 * into a jump. Slower is never too fast: a delay is not a jump. Immutable.
 */
public final class FastestTrips {

  /** The reference trip from a factory to its own warehouse, minutes. */
  public static final int OWN_WAREHOUSE_MINUTES = 20;

  private static final int TIERS = Tier.values().length;

  private final double[][] fastestByTierPair = new double[TIERS][TIERS];
  private final double fastestObservedKmh;
  private final double fastestObservedHours;

  /** Reads the observed routes of {@code network}. */
  public FastestTrips(LocationNetwork network) {
    for (double[] row : fastestByTierPair) {
      Arrays.fill(row, Double.NaN);
    }
    double fastestKmh = 0;
    double fastestHours = Double.POSITIVE_INFINITY;
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
          fastestHours = Math.min(fastestHours, stats.minHours());
        }
      }
    }
    this.fastestObservedKmh = fastestKmh;
    this.fastestObservedHours = Double.isInfinite(fastestHours) ? Double.NaN : fastestHours;
  }

  /**
   * The fastest legal trip on {@code route} in hours, or NaN when the network has no reference
   * at all (a network without observed routes).
   */
  public double fastestHours(Route route) {
    if (route.kind() == Route.Kind.KNOWN) {
      RouteStats stats = route.stats();
      if (stats != null && stats.observed()) {
        return stats.minHours();
      }
      return OWN_WAREHOUSE_MINUTES / 60.0;
    }
    double byDistance = fastestObservedKmh > 0 ? route.distanceKm() / fastestObservedKmh : Double.NaN;
    if (route.from().tier() == Tier.FACTORY && route.to().tier() == Tier.WMS) {
      double own = OWN_WAREHOUSE_MINUTES / 60.0;
      return Double.isNaN(byDistance) ? own : Math.max(own, byDistance);
    }
    double byTiers = fastestByTierPair[route.from().tier().ordinal()][route.to().tier().ordinal()];
    double fastest = fastestObservedHours;
    if (!Double.isNaN(byTiers)) {
      fastest = Double.isNaN(fastest) ? byTiers : Math.max(fastest, byTiers);
    }
    if (!Double.isNaN(byDistance)) {
      fastest = Double.isNaN(fastest) ? byDistance : Math.max(fastest, byDistance);
    }
    return fastest;
  }

  /**
   * The travel time in hours below which a move on {@code route} is too fast for any normal trip,
   * clock skew included: {@link #fastestHours} less {@link NormalVariation#PAIR_SKEW_HOURS}
   * (negative for the factory-to-warehouse leg: only time running backwards by more than the skew
   * allows counts there); NaN when {@link #fastestHours} is.
   */
  public double jumpLimitHours(Route route) {
    return jumpLimitHours(route, NormalVariation.PAIR_SKEW_HOURS);
  }

  /** As {@link #jumpLimitHours(Route)}, for readers whose clocks may disagree by {@code pairSkewHours}. */
  public double jumpLimitHours(Route route, double pairSkewHours) {
    return fastestHours(route) - pairSkewHours;
  }
}
