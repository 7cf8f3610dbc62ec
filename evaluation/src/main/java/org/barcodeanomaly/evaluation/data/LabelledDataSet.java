package org.barcodeanomaly.evaluation.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.event.ScanEvent;
import org.barcodeanomaly.api.scanfile.ScanFileProblem;
import org.barcodeanomaly.api.scanfile.ScanFileReader;
import org.barcodeanomaly.api.scanfile.ScanFileSet;

/**
 * A labelled data set on disk, as the simulator writes it and every trainer and evaluation reads
 * it: raw scan files in {@value #SCANS_DIR}/ and the ground truth in {@value #LABELS_FILE}. This is
 * the one reader of that layout and the one definition of its hash, so two models trained on the
 * same files record the same data hash in their provenance.
 *
 * <p>The hash is SHA-256 over {@value #LABELS_FILE}, then every scan file in
 * {@link ScanFileSet}'s order, each fed as its file name, a zero byte, then its bytes; written
 * {@code sha256:<hex>}. Rows that cannot be read and events without a label row are listed in
 * {@link #problems()} and left out, never silently.
 *
 * @param directory the data set's directory
 * @param data      the labelled events, in file order
 * @param sha256    the data hash, {@code sha256:<hex>}
 * @param problems  what could not be used, one message each (file, line, field, reason)
 */
public record LabelledDataSet(Path directory, LabelledEvents data, String sha256, List<String> problems) {

  /** The scan files' sub-directory. */
  public static final String SCANS_DIR = "scans";
  /** The ground-truth file: {@code event_id} and one 0/1 column per anomaly type. */
  public static final String LABELS_FILE = "labels.csv";

  /** Copies the problem list. */
  public LabelledDataSet {
    problems = List.copyOf(problems);
  }

  /**
   * Reads {@code directory}.
   *
   * @throws NoSuchFileException when {@value #SCANS_DIR}/ or {@value #LABELS_FILE} is missing; the
   *     message says how to make a data set
   * @throws IOException when {@value #LABELS_FILE} cannot be read or lacks a required column
   */
  public static LabelledDataSet read(Path directory) throws IOException {
    Path scans = directory.resolve(SCANS_DIR);
    Path labelsFile = directory.resolve(LABELS_FILE);
    if (!Files.isDirectory(scans) || !Files.isRegularFile(labelsFile)) {
      throw new NoSuchFileException(directory.toString(), null, "expected a labelled data set with "
          + SCANS_DIR + "/ and " + LABELS_FILE + " (write one with `bin/anomaly simulate --out "
          + directory + "`)");
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
    List<ScanEvent> labelled = new ArrayList<>(events.size());
    byte[] bits = new byte[events.size()];
    long unlabelled = 0;
    for (ScanEvent event : events) {
      int entry = truth.indexOf(event.eventId());
      if (entry < 0) {
        if (unlabelled++ < MAX_UNLABELLED_LISTED) {
          problems.add("event_id " + event.eventId() + ": no row in " + LABELS_FILE + "; left out");
        }
        continue;
      }
      bits[labelled.size()] = (byte) truth.bits(entry);
      labelled.add(event);
    }
    if (unlabelled > MAX_UNLABELLED_LISTED) {
      problems.add((unlabelled - MAX_UNLABELLED_LISTED) + " more events have no row in " + LABELS_FILE
          + " and were left out");
    }
    List<Path> hashed = new ArrayList<>();
    hashed.add(labelsFile);
    files.files().forEach(file -> hashed.add(file.path()));
    return new LabelledDataSet(directory, new LabelledEvents(labelled, java.util.Arrays.copyOf(bits,
        labelled.size())), hash(hashed), problems);
  }

  /** Events without a label row listed one by one; the rest are counted in one message. */
  static final int MAX_UNLABELLED_LISTED = 20;

  /** The events labelled for {@code type}, counted. */
  public int count(AnomalyType type) {
    return data.count(type);
  }

  /** SHA-256 over {@code files} in order: each file's name, a zero byte, then its bytes. */
  static String hash(List<Path> files) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
    for (Path file : files) {
      digest.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
        in.transferTo(OutputStream.nullOutputStream());
      }
    }
    return "sha256:" + HexFormat.of().formatHex(digest.digest());
  }
}
