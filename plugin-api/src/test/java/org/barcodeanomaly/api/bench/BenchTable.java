package org.barcodeanomaly.api.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Times a few ways of doing the same work in one run and prints them side by side, so a figure is
 * always read against a peer measured on the same machine at the same moment. Each way runs a
 * few warm-up rounds, then the best of several timed rounds is kept. Every way must return the
 * same checksum, which proves they did the same work (and keeps the JIT from skipping it); a
 * baseline that does only part of the work (e.g. only splitting the lines) is shown for scale
 * and exempt from that check.
 */
public final class BenchTable {

  private record Row(String name, long nanos, long checksum, boolean sameWork) { }

  private final String title;
  private final long items;
  private final String unit;
  private final int warmups;
  private final int rounds;
  private final List<Row> rows = new ArrayList<>();

  /** A table for work on {@code items} {@code unit}s (e.g. rows, events). */
  public BenchTable(String title, long items, String unit, int warmups, int rounds) {
    this.title = title;
    this.items = items;
    this.unit = unit;
    this.warmups = warmups;
    this.rounds = rounds;
  }

  /** Times {@code work}, which returns a checksum of what it computed. */
  public BenchTable measure(String name, Callable<Long> work) throws Exception {
    return time(name, work, true);
  }

  /** Times a baseline doing only part of the work, for scale; its checksum is not compared. */
  public BenchTable measureBaseline(String name, Callable<Long> work) throws Exception {
    return time(name, work, false);
  }

  private BenchTable time(String name, Callable<Long> work, boolean sameWork) throws Exception {
    long checksum = 0;
    for (int i = 0; i < warmups; i++) {
      checksum = work.call();
    }
    long best = Long.MAX_VALUE;
    for (int i = 0; i < rounds; i++) {
      long start = System.nanoTime();
      checksum = work.call();
      best = Math.min(best, System.nanoTime() - start);
    }
    rows.add(new Row(name, best, checksum, sameWork));
    return this;
  }

  /** Prints the table; fails when two ways disagree on the checksum. */
  public void print() {
    System.out.printf(Locale.ROOT, "%n%s (%,d %s, best of %d after %d warm-ups)%n", title, items, unit,
        rounds, warmups);
    System.out.printf(Locale.ROOT, "%-48s %10s %14s%n", "way", "ms", unit + "/s");
    for (Row row : rows) {
      System.out.printf(Locale.ROOT, "%-48s %10.1f %,14.0f%n", row.name, row.nanos / 1e6,
          items / (row.nanos / 1e9));
      if (row.sameWork && row.checksum != rows.get(0).checksum) {
        throw new IllegalStateException(row.name + " computed checksum " + row.checksum + ", "
            + rows.get(0).name + " computed " + rows.get(0).checksum + ": they did not do the same work");
      }
    }
  }
}
