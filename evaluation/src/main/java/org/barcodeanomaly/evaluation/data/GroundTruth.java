package org.barcodeanomaly.evaluation.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.barcodeanomaly.api.scanfile.ScanFileReader;
import org.barcodeanomaly.api.scanfile.ScanFileSet;

/**
 * What a labelled data set says about each event beyond its labels: the EPC it belongs to, the
 * anomaly variant injected into that EPC ({@value #ANOMALIES_FILE}: {@code file,epc_code,variant})
 * and the kinds of normal variation the event carries ({@value #NOISE_FILE}:
 * {@code event_id,noise}), so a detector's figures can be broken down as an operator meets them:
 * false alerts on anomaly-free EPCs, per kind of normal variation, and recall per variant.
 *
 * <p>Held per entry of the data set's {@link LabelTable} (sorted by event id). Rows that cannot be
 * read are listed in {@link #problems()}, never dropped silently. Immutable.
 */
public final class GroundTruth {

  /** The simulator's anomalies file: one row per anomalous EPC. */
  public static final String ANOMALIES_FILE = "anomalies.csv";
  /** The simulator's normal-variation file: one row per event and kind. */
  public static final String NOISE_FILE = "noise.csv";

  private final LabelTable labels;
  private final String[] variantOfEntry;
  private final List<List<String>> noiseOfEntry;
  private final List<String> noiseKinds;
  private final List<String> problems;

  private GroundTruth(LabelTable labels, String[] variantOfEntry, List<List<String>> noiseOfEntry,
      List<String> noiseKinds, List<String> problems) {
    this.labels = labels;
    this.variantOfEntry = variantOfEntry;
    this.noiseOfEntry = noiseOfEntry;
    this.noiseKinds = List.copyOf(noiseKinds);
    this.problems = List.copyOf(problems);
  }

  /**
   * Reads the EPCs of {@code directory}'s scan files and its {@value #ANOMALIES_FILE} and
   * {@value #NOISE_FILE} (either may be absent: no variant, no noise) for the events of
   * {@code labels}.
   *
   * @throws IOException when a file cannot be read
   */
  public static GroundTruth read(Path directory, LabelTable labels) throws IOException {
    List<String> problems = new ArrayList<>();
    String[] epcOfEntry = new String[labels.size()];
    ScanFileSet files = ScanFileSet.expand(List.of(directory.resolve(LabelledDataSet.SCANS_DIR)));
    files.read(new ScanFileReader(), event -> {
      int entry = labels.indexOf(event.eventId());
      if (entry >= 0) {
        epcOfEntry[entry] = event.epcCode();
      }
    }, problem -> problems.add(problem.message()));
    Map<String, String> variantOfEpc = readAnomalies(directory.resolve(ANOMALIES_FILE), problems);
    String[] variantOfEntry = new String[labels.size()];
    for (int entry = 0; entry < epcOfEntry.length; entry++) {
      variantOfEntry[entry] = epcOfEntry[entry] == null ? null : variantOfEpc.get(epcOfEntry[entry]);
    }
    List<List<String>> noiseOfEntry = new ArrayList<>(labels.size());
    for (int entry = 0; entry < labels.size(); entry++) {
      noiseOfEntry.add(List.of());
    }
    List<String> kinds = readNoise(directory.resolve(NOISE_FILE), labels, noiseOfEntry, problems);
    return new GroundTruth(labels, variantOfEntry, noiseOfEntry, kinds, problems);
  }

  /** The labels the truth is held against. */
  public LabelTable labels() {
    return labels;
  }

  /** Whether event {@code eventId}'s EPC carries an injected anomaly (false for an unknown event). */
  public boolean anomalousEpc(long eventId) {
    return variant(eventId) != null;
  }

  /** The variant injected into event {@code eventId}'s EPC, or null for an anomaly-free EPC. */
  public String variant(long eventId) {
    int entry = labels.indexOf(eventId);
    return entry < 0 ? null : variantOfEntry[entry];
  }

  /** The kinds of normal variation event {@code eventId} carries; empty for most. */
  public List<String> noise(long eventId) {
    int entry = labels.indexOf(eventId);
    return entry < 0 ? List.of() : noiseOfEntry.get(entry);
  }

  /** Every kind of normal variation listed, in first-seen order. */
  public List<String> noiseKinds() {
    return noiseKinds;
  }

  /** Rows that could not be used, each with file, line and reason. */
  public List<String> problems() {
    return problems;
  }

  private static Map<String, String> readAnomalies(Path file, List<String> problems) throws IOException {
    Map<String, String> variants = new HashMap<>();
    if (!Files.isRegularFile(file)) {
      return variants;
    }
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = reader.readLine();
      if (header == null || !header.equals("file,epc_code,variant")) {
        problems.add(file + ": header is '" + header + "', not file,epc_code,variant; no variant read");
        return variants;
      }
      String line;
      long number = 1;
      while ((line = reader.readLine()) != null) {
        number++;
        String[] fields = line.split(",", -1);
        if (fields.length != 3 || fields[1].isEmpty() || fields[2].isEmpty()) {
          problems.add(file + ":" + number + ": expected file,epc_code,variant, found '" + line + "'");
          continue;
        }
        variants.put(fields[1], fields[2]);
      }
    }
    return variants;
  }

  private static List<String> readNoise(Path file, LabelTable labels, List<List<String>> noiseOfEntry,
      List<String> problems) throws IOException {
    Map<String, String> kinds = new LinkedHashMap<>();
    if (!Files.isRegularFile(file)) {
      return new ArrayList<>();
    }
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = reader.readLine();
      if (header == null || !header.equals("event_id,noise")) {
        problems.add(file + ": header is '" + header + "', not event_id,noise; no noise read");
        return new ArrayList<>();
      }
      String line;
      long number = 1;
      while ((line = reader.readLine()) != null) {
        number++;
        String[] fields = line.split(",", -1);
        int entry = -1;
        try {
          entry = fields.length == 2 ? labels.indexOf(Long.parseLong(fields[0].trim())) : -1;
        } catch (NumberFormatException e) {
          entry = -1;
        }
        if (entry < 0 || fields[1].isEmpty()) {
          problems.add(file + ":" + number + ": '" + line + "' names no labelled event and kind");
          continue;
        }
        String kind = kinds.computeIfAbsent(fields[1], name -> name);
        List<String> held = noiseOfEntry.get(entry);
        List<String> grown = new ArrayList<>(held);
        if (!grown.contains(kind)) {
          grown.add(kind);
        }
        noiseOfEntry.set(entry, List.copyOf(grown));
      }
    }
    return new ArrayList<>(kinds.keySet());
  }
}
