package org.barcodeanomaly.simulator.noise;

import java.util.SplittableRandom;
import org.barcodeanomaly.api.network.Location;
import org.barcodeanomaly.api.network.LocationNetwork;
import org.barcodeanomaly.api.network.Tier;
import org.barcodeanomaly.simulator.trail.SimulatedTrail;

/**
 * What real readers do that is not fraud, for the {@code field} profile. Every event it touches
 * stays labelled normal: a detector that flags it is wrong.
 * <ul>
 *   <li><b>Missed reads</b>: a pallet passes a hub or a wholesaler in a blind zone, so neither its
 *       inbound nor its outbound there is read ({@value #MISSED_VISIT_SHARE} of such visits that
 *       the trail continues past). The trail skips a tier, but the gap spans both legs and the
 *       dwell between them, days rather than hours.</li>
 *   <li><b>Clock skew</b>: half the readers run off by 5 seconds to
 *       {@value #MAX_SKEW_SECONDS} seconds either way, fixed per reader for the whole run. Factory
 *       readers are the reference clock (the manufacture time comes from them) and are exact.</li>
 *   <li><b>Late delivery</b>: {@value #LATE_ROW_SHARE} of rows reach the file after every timely
 *       row of it, out of time order; their event ids are given on arrival, so the file stays in
 *       event_id order.</li>
 * </ul>
 * The {@link #none() clean} instance does nothing. Immutable once built.
 */
public final class FieldNoise {

  /** Share of continued hub and wholesaler visits that go unread. */
  public static final double MISSED_VISIT_SHARE = 0.02;
  /** Share of non-factory readers whose clock is off. */
  public static final double SKEWED_READER_SHARE = 0.5;
  /** Smallest skew of an off reader, seconds. */
  public static final int MIN_SKEW_SECONDS = 5;
  /** Largest skew of an off reader, seconds, either way. */
  public static final int MAX_SKEW_SECONDS = 240;
  /** Share of rows delivered late. */
  public static final double LATE_ROW_SHARE = 0.01;

  private static final int MAX_LOCATION_ID = 1024;
  private static final FieldNoise NONE = new FieldNoise(new int[0], 0, 0);

  private final int[] skewSeconds;
  private final double missedVisitShare;
  private final double lateRowShare;

  private FieldNoise(int[] skewSeconds, double missedVisitShare, double lateRowShare) {
    this.skewSeconds = skewSeconds;
    this.missedVisitShare = missedVisitShare;
    this.lateRowShare = lateRowShare;
  }

  /** No noise: the clean profile. */
  public static FieldNoise none() {
    return NONE;
  }

  /** The field profile, with each reader's clock skew drawn from {@code random}. */
  public static FieldNoise field(LocationNetwork network, SplittableRandom random) {
    int[] skews = new int[MAX_LOCATION_ID];
    for (Location location : network.locations()) {
      if (location.tier() != Tier.FACTORY && random.nextDouble() < SKEWED_READER_SHARE) {
        int magnitude = MIN_SKEW_SECONDS + random.nextInt(MAX_SKEW_SECONDS - MIN_SKEW_SECONDS + 1);
        skews[location.id()] = random.nextBoolean() ? magnitude : -magnitude;
      }
    }
    return new FieldNoise(skews, MISSED_VISIT_SHARE, LATE_ROW_SHARE);
  }

  /** Whether this instance adds any noise. */
  public boolean isActive() {
    return this != NONE;
  }

  /** The time the reader at {@code locationId} records for an event at {@code trueSecond}. */
  public long recorded(int locationId, long trueSecond) {
    if (locationId < 0 || locationId >= skewSeconds.length) {
      return trueSecond;
    }
    return trueSecond + skewSeconds[locationId];
  }

  /** Whether a pallet's visit goes unread; draws from {@code random} only when noise is active. */
  public boolean missesVisit(SplittableRandom random) {
    return missedVisitShare > 0 && random.nextDouble() < missedVisitShare;
  }

  /** Marks the rows of {@code trail} that arrive late; draws only when noise is active. */
  public void markLateRows(SimulatedTrail trail, SplittableRandom random) {
    if (lateRowShare <= 0) {
      return;
    }
    for (int i = 0; i < trail.size(); i++) {
      trail.setLate(i, random.nextDouble() < lateRowShare);
    }
  }
}
