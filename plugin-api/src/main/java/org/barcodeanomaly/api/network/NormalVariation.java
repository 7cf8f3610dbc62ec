package org.barcodeanomaly.api.network;

/**
 * The tolerances of normal variation that docs/spec/ANOMALIES.md names, in one place, so the rules,
 * the learned detectors' features and the simulators agree on where normal ends:
 *
 * <ul>
 *   <li><b>Reader clock skew</b>: a reader's clock may run up to {@value #MAX_CLOCK_SKEW_MINUTES}
 *       minutes off for a long period, so two readers may disagree by twice that. A travel time is
 *       only too fast once it is shorter than the route allows by more than
 *       {@link #PAIR_SKEW_HOURS}.</li>
 *   <li><b>Missed reads</b>: a visit lost in a blind zone makes a trail skip a tier, but its time
 *       spans two legs and the dwell between them (more than a day); a genuine skip takes one leg
 *       (at most ten hours). A skipped tier whose gap reaches {@value #MISSED_READ_MIN_GAP_HOURS} h
 *       is a missed read.</li>
 *   <li><b>Delays and long dwells</b>: slower than usual is never a jump; there is no upper bound.</li>
 *   <li><b>Duplicate reads</b>: the same EPC at the same location, event type and second is one
 *       event read twice, whatever its event ids.</li>
 * </ul>
 */
public final class NormalVariation {

  /** The largest offset of one reader's clock, either way, in minutes. */
  public static final int MAX_CLOCK_SKEW_MINUTES = 15;
  /** How far two readers' clocks may disagree, in hours: twice the largest skew. */
  public static final double PAIR_SKEW_HOURS = 2.0 * MAX_CLOCK_SKEW_MINUTES / 60.0;
  /** A skipped tier that takes at least this long is a missed read, not a skip. */
  public static final double MISSED_READ_MIN_GAP_HOURS = 12;

  private NormalVariation() {
  }
}
