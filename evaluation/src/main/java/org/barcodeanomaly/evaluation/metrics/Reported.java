package org.barcodeanomaly.evaluation.metrics;

/**
 * How many of a group of events (or labelled event-type pairs) a detector reported at its
 * thresholds: the unit of the operating-point figures, recall per variant and false alerts per
 * kind of normal variation.
 *
 * @param events   the events (or pairs) in the group
 * @param reported how many of them were reported
 */
public record Reported(long events, long reported) {

  /** Checks the counts. */
  public Reported {
    if (events < 0 || reported < 0 || reported > events) {
      throw new IllegalArgumentException("need 0 <= reported <= events, were " + reported + " and " + events);
    }
  }

  /** reported / events; 0 without events. */
  public double share() {
    return events == 0 ? 0 : (double) reported / events;
  }

  /** {@link #share()} per million. */
  public double perMillion() {
    return 1e6 * share();
  }
}
