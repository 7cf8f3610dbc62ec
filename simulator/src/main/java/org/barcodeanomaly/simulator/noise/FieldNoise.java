package org.barcodeanomaly.simulator.noise;

import java.util.SplittableRandom;
import org.barcodeanomaly.api.network.Location;
import org.barcodeanomaly.api.network.LocationNetwork;
import org.barcodeanomaly.api.network.NormalVariation;
import org.barcodeanomaly.api.network.Tier;
import org.barcodeanomaly.simulator.trail.SimulatedTrail;

/**
 * What real readers and real logistics do that is not fraud ({@link NoiseKind}), at the rates of
 * a {@link NoiseRates}. Every event it touches stays labelled normal and carries the kind's bit,
 * which the output lists in {@code noise.csv}: a detector that flags it is wrong.
 * <ul>
 *   <li><b>Clock skew</b>: a share of the non-factory readers runs 1 to
 *       {@value NormalVariation#MAX_CLOCK_SKEW_MINUTES} minutes off, either way, fixed per reader
 *       for the whole run. Factory readers are the reference clock (the manufacture time comes from
 *       them) and are exact.</li>
 *   <li><b>Missed visits</b>: a pallet passes a hub or a wholesaler in a blind zone, so neither its
 *       inbound nor its outbound there is read. The trail skips a tier, but the gap spans both legs
 *       and the stay between them, days rather than hours.</li>
 *   <li><b>Slow legs</b>: a trip 1 hour to 4 days slower than the route's slowest observed one.</li>
 *   <li><b>Long dwells</b>: 40 to 90 days at a warehouse, hub or wholesaler.</li>
 *   <li><b>Duplicate reads</b>: an event read twice in its second, as the same row twice or under
 *       another event_id.</li>
 *   <li><b>Late rows</b>: a row reaches its file after every timely row of it, out of time order;
 *       event ids are given on arrival, so the file stays in event_id order.</li>
 * </ul>
 * Every draw is made only when its kind's rate is above 0, so a clean run draws nothing. Immutable
 * once built.
 */
public final class FieldNoise {

  private static final int MAX_LOCATION_ID = 1024;
  private static final long HOUR = 3_600;
  private static final long DAY = 24 * HOUR;
  private static final int MIN_SKEW_SECONDS = 60;
  private static final int MAX_SKEW_SECONDS = NormalVariation.MAX_CLOCK_SKEW_MINUTES * 60;
  private static final long MIN_DELAY_SECONDS = HOUR;
  private static final long MAX_DELAY_SECONDS = 4 * DAY;
  private static final long MIN_LONG_DWELL_SECONDS = 40 * DAY;
  private static final long MAX_LONG_DWELL_SECONDS = 90 * DAY;
  private static final FieldNoise NONE = new FieldNoise(new int[0], NoiseRates.none());

  private final int[] skewSeconds;
  private final NoiseRates rates;

  private FieldNoise(int[] skewSeconds, NoiseRates rates) {
    this.skewSeconds = skewSeconds;
    this.rates = rates;
  }

  /** No noise: the clean profile. */
  public static FieldNoise none() {
    return NONE;
  }

  /** Noise at {@code rates}, each reader's clock skew drawn from {@code random}. */
  public static FieldNoise of(NoiseRates rates, LocationNetwork network, SplittableRandom random) {
    if (!rates.isActive()) {
      return NONE;
    }
    int[] skews = new int[MAX_LOCATION_ID];
    double skewed = rates.rate(NoiseKind.CLOCK_SKEW);
    if (skewed > 0) {
      for (Location location : network.locations()) {
        if (location.tier() != Tier.FACTORY && random.nextDouble() < skewed) {
          int magnitude = MIN_SKEW_SECONDS + random.nextInt(MAX_SKEW_SECONDS - MIN_SKEW_SECONDS + 1);
          skews[location.id()] = random.nextBoolean() ? magnitude : -magnitude;
        }
      }
    }
    return new FieldNoise(skews, rates);
  }

  /** Whether this instance adds any noise. */
  public boolean isActive() {
    return this != NONE;
  }

  /** The time the reader at {@code locationId} records for an event at {@code trueSecond}. */
  public long recorded(int locationId, long trueSecond) {
    return trueSecond + skewOf(locationId);
  }

  /** Whether the clock of the reader at {@code locationId} is off. */
  public boolean isSkewed(int locationId) {
    return skewOf(locationId) != 0;
  }

  /** Whether a pallet's visit goes unread; draws from {@code random} only when missed visits are on. */
  public boolean missesVisit(SplittableRandom random) {
    return draws(NoiseKind.MISSED_VISIT, random);
  }

  /**
   * The travel time of a leg whose usual trip was {@code drawnSeconds}: a slow leg takes the
   * route's slowest trip ({@code slowestSeconds}) plus 1 hour to 4 days; otherwise
   * {@code drawnSeconds}. Negative when the leg is not slow, so the caller can mark it.
   */
  public long slowLegSeconds(long slowestSeconds, SplittableRandom random) {
    if (!draws(NoiseKind.SLOW_LEG, random)) {
      return -1;
    }
    return slowestSeconds + between(MIN_DELAY_SECONDS, MAX_DELAY_SECONDS, random);
  }

  /** A long dwell of 40 to 90 days, or -1 when this stay is not long; draws only when long dwells are on. */
  public long longDwellSeconds(SplittableRandom random) {
    if (!draws(NoiseKind.LONG_DWELL, random)) {
      return -1;
    }
    return between(MIN_LONG_DWELL_SECONDS, MAX_LONG_DWELL_SECONDS, random);
  }

  /**
   * Reads some events of {@code trail} twice (a duplicate row, or a duplicate read under another
   * event_id, both marked) and marks every event whose reader's clock is off; draws only for
   * the kinds that are on.
   */
  public void markReads(SimulatedTrail trail, SplittableRandom random) {
    for (int i = 0; i < trail.size(); i++) {
      if (isSkewed(trail.location(i))) {
        trail.addNoise(i, NoiseKind.CLOCK_SKEW.bit());
      }
    }
    boolean rows = rates.rate(NoiseKind.DUPLICATE_ROW) > 0;
    boolean reads = rates.rate(NoiseKind.DUPLICATE_READ) > 0;
    if (!rows && !reads) {
      return;
    }
    for (int i = 0; i < trail.size(); i++) {
      if (draws(NoiseKind.DUPLICATE_ROW, random)) {
        trail.addNoise(i, NoiseKind.DUPLICATE_ROW.bit());
      } else if (draws(NoiseKind.DUPLICATE_READ, random)) {
        trail.addNoise(i, NoiseKind.DUPLICATE_READ.bit());
        trail.duplicate(i);
        i++;
      }
    }
  }

  /** Marks the rows of {@code trail} that arrive late; draws only when late rows are on. */
  public void markLateRows(SimulatedTrail trail, SplittableRandom random) {
    if (rates.rate(NoiseKind.LATE_ROW) <= 0) {
      return;
    }
    for (int i = 0; i < trail.size(); i++) {
      boolean late = random.nextDouble() < rates.rate(NoiseKind.LATE_ROW);
      trail.setLate(i, late);
      if (late) {
        trail.addNoise(i, NoiseKind.LATE_ROW.bit());
      }
    }
  }

  private boolean draws(NoiseKind kind, SplittableRandom random) {
    double rate = rates.rate(kind);
    return rate > 0 && random.nextDouble() < rate;
  }

  private int skewOf(int locationId) {
    return locationId >= 0 && locationId < skewSeconds.length ? skewSeconds[locationId] : 0;
  }

  /** Whole minutes from {@code from} to {@code to} seconds, so times stay on the clean clocks' minute grid. */
  private static long between(long from, long to, SplittableRandom random) {
    return from + random.nextLong((to - from) / 60 + 1) * 60;
  }
}
