package org.barcodeanomaly.svm.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.barcodeanomaly.api.detector.Detector;
import org.barcodeanomaly.api.detector.DetectorOptions;
import org.barcodeanomaly.api.detector.ScoreTable;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.event.ScanEvent;
import org.barcodeanomaly.evaluation.reference.ReferenceTrails;
import org.barcodeanomaly.rule.RuleDetector;
import org.barcodeanomaly.svm.SvmDetectorProvider;

/**
 * Scoring speed of the SVM detector with the bundled model, printed as a table beside the rule
 * detector measured in the same run on the same batches. Not a unit test: run it on an idle
 * machine, under the build lock, from the repository root:
 *
 * <pre>
 * flock /tmp/mvn.lock mvn -B -ntp -o -pl svm-plugin test-compile exec:java
 * </pre>
 *
 * <p>Events come from the rule plugin's {@link ReferenceTrails} (5 % anomalous trails, shuffled
 * batch). Each detector's first call on the largest batch is timed on its own (cold JIT); then
 * each size is scored {@value #ROUNDS} times and the table shows the fastest and slowest run.
 */
public final class SvmScoringBench {

  private static final int[] SIZES = {10_000, 100_000, 1_000_000};
  private static final int ROUNDS = 3;
  private static final int EPCS = 240_000;
  private static final double ANOMALOUS_SHARE = 0.05;
  private static final int LARGEST = 1_000_000;

  private SvmScoringBench() {
  }

  /** Generates the events, measures both detectors, prints the table. */
  public static void main(String[] args) throws Exception {
    List<ScanEvent> all = new ReferenceTrails(42).generate(EPCS, ANOMALOUS_SHARE).events();
    if (all.size() < LARGEST) {
      throw new IllegalStateException("generated " + all.size() + " events, need " + LARGEST + ": raise EPCS");
    }
    List<String> rows = new ArrayList<>();
    try (Detector svm = new SvmDetectorProvider().create(
        new DetectorOptions().setModelsDir(modelsDir(args)));
        Detector rule = new RuleDetector()) {
      for (Detector detector : List.of(svm, rule)) {
        measure(detector, all, rows);
      }
    }
    System.out.printf("%nscoring speed (%d cores, %s %s, max heap %d MB)%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
        System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);
    System.out.printf("%-40s %10s %10s %10s %14s%n", "detector", "events", "best s", "worst s", "events/s");
    rows.forEach(System.out::println);
  }

  /** The first argument, else the repository's models/ seen from the root or from svm-plugin/. */
  private static Path modelsDir(String[] args) {
    if (args.length > 0) {
      return Path.of(args[0]);
    }
    return Files.isDirectory(Path.of("models", "svm")) ? Path.of("models") : Path.of("..", "models");
  }

  private static void measure(Detector detector, List<ScanEvent> all, List<String> rows) {
    List<ScanEvent> largest = List.copyOf(all.subList(0, LARGEST));
    long start = System.nanoTime();
    long sink = checksum(detector.score(largest));
    double cold = (System.nanoTime() - start) / 1e9;
    rows.add(String.format("%-40s %,10d %10.3f %10s %,14.0f", detector.version() + " (cold)",
        LARGEST, cold, "-", LARGEST / cold));
    for (int size : SIZES) {
      List<ScanEvent> batch = List.copyOf(all.subList(0, size));
      double best = Double.MAX_VALUE;
      double worst = 0;
      for (int round = 0; round < ROUNDS; round++) {
        long t = System.nanoTime();
        sink += checksum(detector.score(batch));
        double seconds = (System.nanoTime() - t) / 1e9;
        best = Math.min(best, seconds);
        worst = Math.max(worst, seconds);
      }
      rows.add(String.format("%-40s %,10d %10.3f %10.3f %,14.0f", detector.version(), size, best,
          worst, size / best));
    }
    if (sink == 42) {
      System.out.println("(checksum printed so the scores cannot be optimised away)");
    }
  }

  private static long checksum(ScoreTable table) {
    long sum = 0;
    for (int i = 0; i < table.size(); i += 97) {
      sum += (long) table.get(i, AnomalyType.ofIndex(i % AnomalyType.COUNT));
    }
    return sum;
  }
}
