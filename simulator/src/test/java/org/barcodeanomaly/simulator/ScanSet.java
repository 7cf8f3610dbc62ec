package org.barcodeanomaly.simulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.barcodeanomaly.api.event.ScanEvent;
import org.barcodeanomaly.api.scanfile.ScanFileReader;
import org.barcodeanomaly.simulator.output.SimulationOutput;

/** A simulated data set read back with the product's scan-file reader and its labels, for tests. */
record ScanSet(Map<String, List<ScanEvent>> files, Map<Long, int[]> labels, long rejected) {

  static ScanSet read(Path directory) throws IOException {
    Map<String, List<ScanEvent>> files = new LinkedHashMap<>();
    long[] rejected = {0};
    ScanFileReader reader = new ScanFileReader();
    try (var listing = Files.list(directory.resolve(SimulationOutput.SCANS_DIR))) {
      for (Path file : listing.sorted().toList()) {
        List<ScanEvent> events = new ArrayList<>();
        reader.read(file, files.size() + 1, events::add, problem -> rejected[0]++);
        files.put(file.getFileName().toString().replace(".csv", ""), events);
      }
    }
    Map<Long, int[]> labels = new HashMap<>();
    List<String> lines = Files.readAllLines(directory.resolve(SimulationOutput.LABELS_FILE));
    for (String line : lines.subList(1, lines.size())) {
      String[] fields = line.split(",");
      int[] bits = new int[5];
      for (int t = 0; t < 5; t++) {
        bits[t] = Integer.parseInt(fields[t + 1]);
      }
      labels.put(Long.parseLong(fields[0]), bits);
    }
    return new ScanSet(files, labels, rejected[0]);
  }

  List<ScanEvent> all() {
    List<ScanEvent> all = new ArrayList<>();
    files.values().forEach(all::addAll);
    return all;
  }

  boolean isLabelled(ScanEvent event) {
    for (int bit : labels.get(event.eventId())) {
      if (bit != 0) {
        return true;
      }
    }
    return false;
  }
}
