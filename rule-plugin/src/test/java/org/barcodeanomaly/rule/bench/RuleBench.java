package org.barcodeanomaly.rule.bench;

import java.util.List;
import org.barcodeanomaly.api.detector.ScoreTable;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.event.ScanEvent;
import org.barcodeanomaly.evaluation.reference.ReferenceTrails;
import org.barcodeanomaly.rule.RuleDetector;

/**
 * Scoring speed of the rule detector, printed as a table beside the first generation's measured
 * figure. Not a unit test: run it on an idle machine, under the build lock.
 *
 * <pre>
 * flock /tmp/mvn.lock mvn -B -ntp -o -pl rule-plugin test-compile exec:java \
 *     -Dexec.classpathScope=test -Dexec.mainClass=org.barcodeanomaly.rule.bench.RuleBench
 * </pre>
 *
 * <p>Events come from {@link ReferenceTrails} (5 % anomalous trails, shuffled batch). The first
 * call on the largest batch is timed on its own (cold JIT); then each size is scored
 * {@value #ROUNDS} times and the table shows the fastest and the slowest run.
 */
public final class RuleBench {

  private static final int[] SIZES = {1_000, 10_000, 100_000, 1_000_000};
  private static final int ROUNDS = 5;
  private static final int EPCS = 240_000;
  private static final double ANOMALOUS_SHARE = 0.05;
  /** The first generation: 5 s per 1,000 events, measured (docs/spec/ANOMALIES.md). */
  private static final double FIRST_GENERATION_SECONDS_PER_EVENT = 5.0 / 1_000;

  private RuleBench() {
  }

  /** Generates the events, warms up, measures, prints the table. */
  public static void main(String[] args) {
    List<ScanEvent> all = new ReferenceTrails(42).generate(EPCS, ANOMALOUS_SHARE).events();
    int largest = SIZES[SIZES.length - 1];
    if (all.size() < largest) {
      throw new IllegalStateException("generated " + all.size() + " events, need " + largest
          + ": raise EPCS");
    }
    RuleDetector detector = new RuleDetector();
    List<ScanEvent> largestBatch = List.copyOf(all.subList(0, largest));
    long coldStart = System.nanoTime();
    long sink = checksum(detector.score(largestBatch));
    double coldSeconds = (System.nanoTime() - coldStart) / 1e9;
    for (int i = 0; i < 2; i++) {
      sink += checksum(detector.score(largestBatch));
    }
    System.out.printf("%nrule detector scoring speed (%d cores, %s %s, max heap %d MB)%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
        System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);
    System.out.printf("%-34s %10s %12s %12s %14s%n", "detector", "events", "best s", "worst s", "events/s");
    System.out.printf("%-34s %,10d %12.4f %12s %,14.0f%n", detector.version() + " (first call, cold JIT)",
        largest, coldSeconds, "-", largest / coldSeconds);
    for (int size : SIZES) {
      List<ScanEvent> batch = List.copyOf(all.subList(0, size));
      double best = Double.MAX_VALUE;
      double worst = 0;
      for (int round = 0; round < ROUNDS; round++) {
        long start = System.nanoTime();
        sink += checksum(detector.score(batch));
        double seconds = (System.nanoTime() - start) / 1e9;
        best = Math.min(best, seconds);
        worst = Math.max(worst, seconds);
      }
      System.out.printf("%-34s %,10d %12.4f %12.4f %,14.0f%n", detector.version(), size, best, worst, size / best);
    }
    System.out.printf("%-34s %,10d %12.1f %12s %,14.0f%n", "1st generation (measured, extrap.)",
        largest, largest * FIRST_GENERATION_SECONDS_PER_EVENT, "-", 1 / FIRST_GENERATION_SECONDS_PER_EVENT);
    System.out.println("(checksum " + sink + ")");
  }

  /** Reads the table so the work cannot be optimised away. */
  private static long checksum(ScoreTable scores) {
    long sum = 0;
    for (int i = 0; i < scores.size(); i++) {
      sum += (long) scores.get(i, AnomalyType.ofIndex(i % AnomalyType.COUNT));
    }
    return sum;
  }
}
