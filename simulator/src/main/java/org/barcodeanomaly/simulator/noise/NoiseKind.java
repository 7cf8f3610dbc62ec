package org.barcodeanomaly.simulator.noise;

import java.util.StringJoiner;

/**
 * The normal variation of real readers and logistics that docs/spec/ANOMALIES.md says is not an
 * anomaly, kind by kind. Every event a kind touches stays labelled normal and is listed with the
 * kind's id in the simulator's {@code noise.csv}, so a detector's false alerts can be broken down
 * by kind. The ids are stable: they appear in {@code noise.csv}, the manifest and {@code --noise}.
 */
public enum NoiseKind {

  DUPLICATE_ROW("duplicate-row", 0.005, "share of events",
      "the same row twice in the file: same event_id, EPC, location, type and second"),
  DUPLICATE_READ("duplicate-read", 0.005, "share of events",
      "the EPC read again at the same location, type and second under another event_id"),
  SLOW_LEG("slow-leg", 0.03, "share of legs",
      "a trip 1 hour to 4 days slower than the route's slowest observed trip (a delay)"),
  LONG_DWELL("long-dwell", 0.03, "share of warehouse, hub and wholesaler stays",
      "40 to 90 days at a warehouse, hub or wholesaler between inbound and outbound"),
  CLOCK_SKEW("clock-skew", 0.3, "share of non-factory readers",
      "the reader's clock runs 1 to 15 minutes off, either way, for the whole run (factory clocks are the reference)"),
  LATE_ROW("late-row", 0.01, "share of rows",
      "the row reaches its file after every timely row of it, out of time order"),
  MISSED_VISIT("missed-visit", 0.02, "share of hub and wholesaler visits the trail continues past",
      "a visit lost in a blind zone: the next event skips a tier, but its time spans two legs and a stay");

  private final String id;
  private final double fieldRate;
  private final String rateOf;
  private final String description;

  NoiseKind(String id, double fieldRate, String rateOf, String description) {
    this.id = id;
    this.fieldRate = fieldRate;
    this.rateOf = rateOf;
    this.description = description;
  }

  /** Stable id, e.g. {@code slow-leg}. */
  public String id() {
    return id;
  }

  /** The rate of the {@code field} profile. */
  public double fieldRate() {
    return fieldRate;
  }

  /** What the rate is a share of, e.g. "share of legs". */
  public String rateOf() {
    return rateOf;
  }

  /** What the variation does, in one sentence. */
  public String description() {
    return description;
  }

  /** The kind's bit in a noise bit set ({@link org.barcodeanomaly.simulator.trail.SimulatedTrail#noise}). */
  public int bit() {
    return 1 << ordinal();
  }

  /** Whether {@code bits} holds this kind. */
  public boolean isIn(int bits) {
    return (bits & bit()) != 0;
  }

  /**
   * The kind with this id.
   *
   * @throws IllegalArgumentException listing the valid ids
   */
  public static NoiseKind fromId(String id) {
    for (NoiseKind kind : values()) {
      if (kind.id.equals(id)) {
        return kind;
      }
    }
    StringJoiner ids = new StringJoiner(", ");
    for (NoiseKind kind : values()) {
      ids.add(kind.id);
    }
    throw new IllegalArgumentException("unknown noise kind '" + id + "': expected one of " + ids);
  }
}
