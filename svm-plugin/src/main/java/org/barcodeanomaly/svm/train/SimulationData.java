package org.barcodeanomaly.svm.train;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.List;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.event.ScanEvent;
import org.barcodeanomaly.api.scanfile.ScanFileProblem;
import org.barcodeanomaly.api.scanfile.ScanFileReader;
import org.barcodeanomaly.api.scanfile.ScanFileSet;
import org.barcodeanomaly.evaluation.LabelTable;

/**
 * Reads a simulator output directory: the raw scan files of {@code scans/} and the ground truth
 * of {@code labels.csv} (read by the evaluate command's {@link LabelTable}), and hashes both so a
 * model records exactly which data made it.
 */
public final class SimulationData {

  /** The scan files' sub-directory. */
  public static final String SCANS = "scans";
  /** The ground-truth file. */
  public static final String LABELS = "labels.csv";

  private SimulationData() {
  }

  /** What was read: the labelled events, the data hash and what could not be used. */
  public record Loaded(LabelledEvents data, String sha256, List<String> problems) { }

  /**
   * Reads {@code directory}; rows that cannot be read and events with no label row are listed in
   * {@link Loaded#problems()} and left out, never silently.
   *
   * @throws NoSuchFileException when {@code scans/} or {@code labels.csv} is missing
   * @throws IOException when {@code labels.csv} has no event_id or type column
   */
  public static Loaded load(Path directory) throws IOException {
    Path scans = directory.resolve(SCANS);
    Path labelsFile = directory.resolve(LABELS);
    if (!Files.isDirectory(scans) || !Files.isRegularFile(labelsFile)) {
      throw new NoSuchFileException(directory.toString(), null, "expected a simulator output with "
          + SCANS + "/ and " + LABELS + " (write one with `bin/anomaly simulate --out DIR`)");
    }
    LabelTable truth;
    try {
      truth = LabelTable.read(labelsFile);
    } catch (IllegalArgumentException e) {
      throw new IOException(labelsFile + ": " + e.getMessage(), e);
    }
    List<ScanEvent> events = new ArrayList<>();
    List<String> problems = new ArrayList<>(truth.problems());
    ScanFileSet files = ScanFileSet.expand(List.of(scans));
    files.read(new ScanFileReader(), events::add,
        (ScanFileProblem problem) -> problems.add(problem.message()));
    BitSet[] labels = new BitSet[AnomalyType.COUNT];
    for (int t = 0; t < labels.length; t++) {
      labels[t] = new BitSet(events.size());
    }
    List<ScanEvent> labelled = new ArrayList<>(events.size());
    for (ScanEvent event : events) {
      int entry = truth.indexOf(event.eventId());
      if (entry < 0) {
        problems.add("event_id " + event.eventId() + ": no row in " + LABELS + "; left out");
        continue;
      }
      for (AnomalyType type : AnomalyType.values()) {
        labels[type.ordinal()].set(labelled.size(), truth.isAnomalous(entry, type));
      }
      labelled.add(event);
    }
    return new Loaded(new LabelledEvents(labelled, labels), hash(files, labelsFile), problems);
  }

  /** SHA-256 over every scan file and the labels, in a fixed order. */
  private static String hash(ScanFileSet files, Path labels) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
    List<Path> paths = new ArrayList<>();
    files.files().forEach(file -> paths.add(file.path()));
    paths.add(labels);
    byte[] buffer = new byte[1 << 16];
    for (Path path : paths) {
      try (InputStream in = new DigestInputStream(Files.newInputStream(path), digest)) {
        while (in.read(buffer) >= 0) {
          // reading feeds the digest
        }
      }
    }
    return "sha256:" + HexFormat.of().formatHex(digest.digest());
  }
}
