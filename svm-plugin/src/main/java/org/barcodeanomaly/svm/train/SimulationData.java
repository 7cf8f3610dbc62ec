package org.barcodeanomaly.svm.train;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.event.ScanEvent;
import org.barcodeanomaly.api.scanfile.ScanFileProblem;
import org.barcodeanomaly.api.scanfile.ScanFileReader;
import org.barcodeanomaly.api.scanfile.ScanFileSet;

/**
 * Reads a simulator output directory: the raw scan files of {@code scans/} and the ground truth
 * of {@code labels.csv} ({@code event_id,epcFake,epcDup,locErr,evtOrderErr,jump}, 0 or 1), and
 * hashes both so a model records exactly which data made it.
 */
public final class SimulationData {

  /** The scan files' sub-directory. */
  public static final String SCANS = "scans";
  /** The ground-truth file. */
  public static final String LABELS = "labels.csv";
  private static final String LABELS_HEADER = "event_id,epcFake,epcDup,locErr,evtOrderErr,jump";

  private SimulationData() {
  }

  /** What was read: the labelled events, the data hash and what could not be used. */
  public record Loaded(LabelledEvents data, String sha256, List<String> problems) { }

  /**
   * Reads {@code directory}; rows that cannot be read and events with no label row are listed in
   * {@link Loaded#problems()} and left out, never silently.
   *
   * @throws NoSuchFileException when {@code scans/} or {@code labels.csv} is missing
   * @throws IOException when {@code labels.csv} is malformed (the message names the line)
   */
  public static Loaded load(Path directory) throws IOException {
    Path scans = directory.resolve(SCANS);
    Path labelsFile = directory.resolve(LABELS);
    if (!Files.isDirectory(scans) || !Files.isRegularFile(labelsFile)) {
      throw new NoSuchFileException(directory.toString(), null, "expected a simulator output with "
          + SCANS + "/ and " + LABELS + " (write one with `bin/anomaly simulate --out DIR`)");
    }
    Map<Long, Byte> truth = readLabels(labelsFile);
    List<ScanEvent> events = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    ScanFileSet files = ScanFileSet.expand(List.of(scans));
    files.read(new ScanFileReader(), events::add,
        (ScanFileProblem problem) -> problems.add(problem.message()));
    BitSet[] labels = new BitSet[AnomalyType.COUNT];
    for (int t = 0; t < labels.length; t++) {
      labels[t] = new BitSet(events.size());
    }
    List<ScanEvent> labelled = new ArrayList<>(events.size());
    for (ScanEvent event : events) {
      Byte bits = truth.get(event.eventId());
      if (bits == null) {
        problems.add("event_id " + event.eventId() + ": no row in " + LABELS + "; left out");
        continue;
      }
      for (int t = 0; t < AnomalyType.COUNT; t++) {
        labels[t].set(labelled.size(), (bits & (1 << t)) != 0);
      }
      labelled.add(event);
    }
    return new Loaded(new LabelledEvents(labelled, labels), hash(files, labelsFile), problems);
  }

  private static Map<Long, Byte> readLabels(Path file) throws IOException {
    Map<Long, Byte> truth = new HashMap<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
      String header = in.readLine();
      if (!LABELS_HEADER.equals(header)) {
        throw new IOException(file + " line 1: header is '" + header + "', expected '"
            + LABELS_HEADER + "'");
      }
      long line = 1;
      for (String text = in.readLine(); text != null; text = in.readLine()) {
        line++;
        if (!text.isBlank()) {
          parseLabelRow(file, line, text, truth);
        }
      }
    }
    return truth;
  }

  private static void parseLabelRow(Path file, long line, String text, Map<Long, Byte> truth)
      throws IOException {
    String[] values = text.split(",", -1);
    if (values.length != AnomalyType.COUNT + 1) {
      throw new IOException(file + " line " + line + ": " + values.length + " values, expected "
          + (AnomalyType.COUNT + 1));
    }
    byte bits = 0;
    for (int t = 0; t < AnomalyType.COUNT; t++) {
      String value = values[t + 1].trim();
      if (!value.equals("0") && !value.equals("1")) {
        throw new IOException(file + " line " + line + ": " + AnomalyType.ofIndex(t).contractName()
            + " is '" + value + "', expected 0 or 1");
      }
      bits |= value.equals("1") ? (byte) (1 << t) : 0;
    }
    try {
      truth.put(Long.parseLong(values[0].trim()), bits);
    } catch (NumberFormatException e) {
      throw new IOException(file + " line " + line + ": event_id '" + values[0] + "' is not a number");
    }
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
