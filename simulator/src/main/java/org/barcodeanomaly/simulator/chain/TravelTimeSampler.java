package org.barcodeanomaly.simulator.chain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.barcodeanomaly.api.network.Location;
import org.barcodeanomaly.api.network.LocationNetwork;
import org.barcodeanomaly.api.network.Route;
import org.barcodeanomaly.api.network.RouteStats;

/**
 * Travel times, outbound scan to the next inbound scan, in whole minutes.
 *
 * <p>An observed route draws from a Beta distribution stretched over the route's observed
 * [min, max] whose mean and standard deviation are those of {@code transition_stats.csv} (method of
 * moments; a plain uniform where the moments admit no Beta). So every simulated trip lies within
 * what the route was ever seen to take, and a route's mean and spread match the table: close to
 * uniform on most routes, as docs/spec/DATA.md says, and skewed where the table is.
 *
 * <p>A wholesaler ships a pallet to several retailers at once, so its trip time is drawn from the
 * pooled distribution of all its retail routes ({@link #fanOutMinutes}); the table shows the same
 * min and max on every retail route of one wholesaler for that reason.
 *
 * <p>A move the table never saw (anomalies only) takes {@link #plausibleMinutes}: at least an hour
 * and at least the distance at 70 km/h, at most ten hours, so it never looks like a jump nor like
 * two legs.
 * Immutable and thread-safe.
 */
public final class TravelTimeSampler {

  /** Speed that bounds a plausible trip from below, km/h. */
  public static final double PLAUSIBLE_SPEED_KMH = 70.0;
  private static final int PLAUSIBLE_LONGEST_MINUTES = 600;
  private static final int QUANTILE_STEPS = 1024;

  private final Map<Long, Sampler> routes = new HashMap<>();
  private final Map<Integer, Sampler> fanOuts = new HashMap<>();

  /** Samplers for every observed route of {@code network}. */
  public TravelTimeSampler(LocationNetwork network) {
    for (Location from : network.locations()) {
      List<Route> known = network.knownRoutesFrom(from.id());
      Pool pool = new Pool();
      for (Route route : known) {
        RouteStats stats = route.stats();
        if (stats != null && stats.observed()) {
          routes.put(key(from.id(), route.to().id()), Sampler.of(stats));
          pool.add(stats);
        }
      }
      if (pool.count > 0) {
        fanOuts.put(from.id(), Sampler.of(pool.stats()));
      }
    }
  }

  /**
   * A trip time on an observed route.
   *
   * @throws IllegalArgumentException when the network never observed the route: use
   *     {@link #plausibleMinutes} for those
   */
  public int observedMinutes(int fromId, int toId, SplittableRandom random) {
    Sampler sampler = routes.get(key(fromId, toId));
    if (sampler == null) {
      throw new IllegalArgumentException("route " + fromId + " -> " + toId
          + " has no observed travel times; use plausibleMinutes for unobserved moves");
    }
    return sampler.sample(random);
  }

  /** Whether the route from {@code fromId} to {@code toId} has observed travel times. */
  public boolean isObserved(int fromId, int toId) {
    return routes.containsKey(key(fromId, toId));
  }

  /**
   * One trip time for a shipment from {@code fromId} to all its observed destinations at once.
   *
   * @throws IllegalArgumentException when no observed route leaves {@code fromId}
   */
  public int fanOutMinutes(int fromId, SplittableRandom random) {
    Sampler sampler = fanOuts.get(fromId);
    if (sampler == null) {
      throw new IllegalArgumentException("location " + fromId + " has no observed outgoing route");
    }
    return sampler.sample(random);
  }

  /**
   * A believable trip time for a move the network never observed: never a jump, and like every
   * observed route at most ten hours (unless the distance alone needs more).
   */
  public int plausibleMinutes(Location from, Location to, SplittableRandom random) {
    int lower = plausibleLowerBound(from, to);
    return lower + random.nextInt(Math.max(0, PLAUSIBLE_LONGEST_MINUTES - lower) + 1);
  }

  /** The shortest trip {@link #plausibleMinutes} can return for this pair. */
  public static int plausibleLowerBound(Location from, Location to) {
    double hours = from.distanceKm(to) / PLAUSIBLE_SPEED_KMH;
    return (int) Math.max(60, Math.ceil(hours * 60));
  }

  private static long key(int from, int to) {
    return ((long) from << 32) | (to & 0xffffffffL);
  }

  /** Draws whole minutes from a stretched Beta (or uniform) through a precomputed quantile table. */
  private static final class Sampler {
    private final double[] quantileMinutes;
    private final int minMinutes;
    private final int maxMinutes;

    private Sampler(double[] quantileMinutes, int minMinutes, int maxMinutes) {
      this.quantileMinutes = quantileMinutes;
      this.minMinutes = minMinutes;
      this.maxMinutes = maxMinutes;
    }

    static Sampler of(RouteStats stats) {
      double low = stats.minHours() * 60;
      double high = stats.maxHours() * 60;
      double span = high - low;
      double[] table = new double[QUANTILE_STEPS + 1];
      BetaDistribution beta = fitBeta(stats);
      for (int i = 0; i <= QUANTILE_STEPS; i++) {
        double p = (double) i / QUANTILE_STEPS;
        double q = beta == null ? p : beta.inverseCumulativeProbability(p);
        table[i] = low + q * span;
      }
      return new Sampler(table, (int) Math.ceil(low - 1e-6), (int) Math.floor(high + 1e-6));
    }

    int sample(SplittableRandom random) {
      double position = random.nextDouble() * QUANTILE_STEPS;
      int index = (int) position;
      double fraction = position - index;
      double minutes = quantileMinutes[index]
          + fraction * (quantileMinutes[Math.min(index + 1, QUANTILE_STEPS)] - quantileMinutes[index]);
      return (int) Math.max(minMinutes, Math.min(maxMinutes, Math.round(minutes)));
    }

    private static BetaDistribution fitBeta(RouteStats stats) {
      double span = stats.maxHours() - stats.minHours();
      if (span <= 0) {
        return null;
      }
      double mean = (stats.meanHours() - stats.minHours()) / span;
      double variance = Math.pow(stats.stdHours() / span, 2);
      if (mean <= 0 || mean >= 1 || variance <= 0) {
        return null;
      }
      double k = mean * (1 - mean) / variance - 1;
      if (k <= 0) {
        return null;
      }
      return new BetaDistribution(null, mean * k, (1 - mean) * k);
    }
  }

  /** Count-weighted pooling of several routes' moments. */
  private static final class Pool {
    private long count;
    private double sum;
    private double sumOfSquares;
    private double min = Double.MAX_VALUE;
    private double max = -Double.MAX_VALUE;

    void add(RouteStats stats) {
      count += stats.count();
      sum += stats.count() * stats.meanHours();
      sumOfSquares += stats.count()
          * (stats.stdHours() * stats.stdHours() + stats.meanHours() * stats.meanHours());
      min = Math.min(min, stats.minHours());
      max = Math.max(max, stats.maxHours());
    }

    RouteStats stats() {
      double mean = sum / count;
      double variance = Math.max(0, sumOfSquares / count - mean * mean);
      return new RouteStats(mean, Math.sqrt(variance), min, max, count);
    }
  }
}
