package org.barcodeanomaly.lstm.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.event.ScanEvent;
import org.barcodeanomaly.api.scanfile.ScanFileProblem;
import org.barcodeanomaly.api.scanfile.ScanFileReader;
import org.barcodeanomaly.api.scanfile.ScanFileSet;

/**
 * Reads a simulator output directory: {@code scans/} (raw TAB scan files) and {@code labels.csv}
 * ({@code event_id,epcFake,epcDup,locErr,evtOrderErr,jump}, the injected ground truth).
 *
 * <p>Labels come only from the simulator's truth, never from a detector. Unreadable scan rows
 * and events without a label row are reported to {@code problems} and left out; the rest is used.
 */
public final class SimulatorDataReader {

  /** Sub-directory of scan files. */
  public static final String SCANS_DIR = "scans";
  /** Ground-truth file. */
  public static final String LABELS_FILE = "labels.csv";

  private final Consumer<String> problems;

  /** A reader that reports skipped rows to {@code problems}. */
  public SimulatorDataReader(Consumer<String> problems) {
    this.problems = problems;
  }

  /**
   * Reads {@code directory}.
   *
   * @throws IOException when {@code scans/} or {@code labels.csv} is missing or unreadable
   */
  public LabelledEvents read(Path directory) throws IOException {
    Path scans = directory.resolve(SCANS_DIR);
    Path labelsFile = directory.resolve(LABELS_FILE);
    if (!Files.isDirectory(scans) || !Files.isRegularFile(labelsFile)) {
      throw new IOException(directory + " is not a simulator output: it needs " + SCANS_DIR
          + "/ and " + LABELS_FILE + " (create one with `anomaly simulate --out " + directory + "`)");
    }
    MessageDigest digest = sha256();
    Map<Long, float[]> labelsById = readLabels(labelsFile, digest);
    ScanFileSet files = ScanFileSet.expand(List.of(scans));
    ScanFileReader reader = new ScanFileReader();
    List<ScanEvent> events = new ArrayList<>();
    List<float[]> rows = new ArrayList<>();
    long[] unlabelled = {0};
    for (ScanFileSet.NumberedFile file : files.files()) {
      hash(file.path(), digest);
      reader.read(file.path(), file.fileId(), event -> {
        float[] row = labelsById.get(event.eventId());
        if (row == null) {
          unlabelled[0]++;
          return;
        }
        events.add(event);
        rows.add(row);
      }, this::report);
    }
    if (unlabelled[0] > 0) {
      problems.accept(unlabelled[0] + " events have no row in " + labelsFile + " and were left out");
    }
    float[] labels = new float[rows.size() * AnomalyType.COUNT];
    for (int i = 0; i < rows.size(); i++) {
      System.arraycopy(rows.get(i), 0, labels, i * AnomalyType.COUNT, AnomalyType.COUNT);
    }
    return new LabelledEvents(events, labels, HexFormat.of().formatHex(digest.digest()));
  }

  private void report(ScanFileProblem problem) {
    problems.accept("rejected: " + problem.message());
  }

  private Map<Long, float[]> readLabels(Path file, MessageDigest digest) throws IOException {
    hash(file, digest);
    Map<Long, float[]> labels = new HashMap<>();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = reader.readLine();
      if (header == null || !header.startsWith("event_id,")) {
        throw new IOException(file + ": header must be event_id,epcFake,epcDup,locErr,evtOrderErr,jump, was "
            + header);
      }
      String line;
      long lineNumber = 1;
      while ((line = reader.readLine()) != null) {
        lineNumber++;
        parseLabel(file, lineNumber, line, labels);
      }
    }
    return labels;
  }

  private void parseLabel(Path file, long lineNumber, String line, Map<Long, float[]> labels) {
    String[] fields = line.split(",");
    if (fields.length != 1 + AnomalyType.COUNT) {
      problems.accept(file + ":" + lineNumber + ": expected 6 fields, found " + fields.length);
      return;
    }
    try {
      float[] row = new float[AnomalyType.COUNT];
      for (int k = 0; k < AnomalyType.COUNT; k++) {
        row[k] = Integer.parseInt(fields[k + 1].trim()) > 0 ? 1f : 0f;
      }
      labels.put(Long.parseLong(fields[0].trim()), row);
    } catch (NumberFormatException e) {
      problems.accept(file + ":" + lineNumber + ": " + e.getMessage());
    }
  }

  private static void hash(Path file, MessageDigest digest) {
    digest.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
    }
  }
}
