package org.barcodeanomaly.simulator.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.event.BusinessStep;
import org.barcodeanomaly.api.network.Location;
import org.barcodeanomaly.api.network.LocationNetwork;
import org.barcodeanomaly.api.network.Route;
import org.barcodeanomaly.api.network.RouteStats;
import org.barcodeanomaly.api.scanfile.ScanFileReader;
import org.barcodeanomaly.api.scanfile.ScanFileSet;
import org.barcodeanomaly.evaluation.data.LabelTable;
import org.barcodeanomaly.simulator.Simulator;
import org.barcodeanomaly.simulator.output.SimulationOutput;

/**
 * How close a simulated data set is to the production data: its statistics, read back from the
 * files on disk with the product's own scan-file reader, beside docs/spec/DATA.md's figures.
 *
 * <p>Shows events, EPCs, rows per file, events per EPC, business-step shares, distinct times, the
 * time span, the travel-time distribution of every route of {@code transition_stats.csv} (trips
 * between normal events only), and the injected variants and labels. Rows the reader rejects are
 * counted: a simulated set should have none. Immutable once read.
 */
public final class FidelityReport {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private final Path directory;
  private final LocationNetwork network;
  private final ScanSetStatistics statistics;
  private final long rejectedRows;
  private final long[] labelled;
  private final JsonNode manifest;

  private FidelityReport(Path directory, LocationNetwork network, ScanSetStatistics statistics,
      long rejectedRows, long[] labelled, JsonNode manifest) {
    this.directory = directory;
    this.network = network;
    this.statistics = statistics;
    this.rejectedRows = rejectedRows;
    this.labelled = labelled;
    this.manifest = manifest;
  }

  /**
   * Reads the data set in {@code directory} ({@code scans/}, {@code labels.csv} and the manifest).
   *
   * @throws IOException when a file is missing or unreadable
   */
  public static FidelityReport read(Path directory) throws IOException {
    Path labelsFile = directory.resolve(SimulationOutput.LABELS_FILE);
    if (!Files.isRegularFile(labelsFile)) {
      throw new NoSuchFileException(labelsFile.toString(), null, "missing: " + directory
          + " is not a simulator output; write one with bin/anomaly simulate --out " + directory);
    }
    LocationNetwork network = LocationNetwork.standard();
    LabelTable labels = LabelTable.read(labelsFile);
    BitSet anomalous = new BitSet();
    long[] labelled = new long[AnomalyType.COUNT];
    for (int i = 0; i < labels.size(); i++) {
      if (labels.bits(i) != 0 && labels.id(i) <= Integer.MAX_VALUE) {
        anomalous.set((int) labels.id(i));
      }
      for (AnomalyType type : AnomalyType.values()) {
        labelled[type.ordinal()] += labels.isAnomalous(i, type) ? 1 : 0;
      }
    }
    ScanSetStatistics statistics = new ScanSetStatistics(network, anomalous);
    long[] rejected = {0};
    ScanFileReader reader = new ScanFileReader();
    ScanFileSet files = ScanFileSet.expand(List.of(directory.resolve(SimulationOutput.SCANS_DIR)));
    for (ScanFileSet.NumberedFile file : files.files()) {
      String name = file.path().getFileName().toString().replaceFirst("\\.csv$", "");
      statistics.startFile(name);
      reader.read(file.path(), file.fileId(), statistics::accept, problem -> rejected[0]++);
      statistics.endFile();
    }
    Path manifestFile = directory.resolve(Simulator.MANIFEST_FILE);
    JsonNode manifest = Files.exists(manifestFile) ? new ObjectMapper().readTree(manifestFile.toFile()) : null;
    return new FidelityReport(directory, network, statistics, rejected[0], labelled, manifest);
  }

  /** Events in the set. */
  public long events() {
    return statistics.events();
  }

  /** Distinct EPCs in the set. */
  public long epcs() {
    return statistics.epcs();
  }

  /** Rows per file, by file name. */
  public Map<String, Long> rowsPerFile() {
    return statistics.rowsPerFile();
  }

  /** Distinct event times. */
  public long distinctTimes() {
    return statistics.distinctTimes();
  }

  /** Rows the scan-file reader could not read. */
  public long rejectedRows() {
    return rejectedRows;
  }

  /** Number of EPCs per event count (index = events of the EPC). */
  public long[] eventsPerEpcHistogram() {
    return statistics.eventsPerEpcHistogram();
  }

  /** The whole report as text, one section after another. */
  public String format() {
    StringBuilder out = new StringBuilder();
    out.append("Fidelity of ").append(directory).append(options()).append('\n');
    overview(out);
    files(out);
    steps(out);
    histogram(out);
    routes(out);
    anomalies(out);
    return out.toString();
  }

  private String options() {
    return manifest == null ? "" : " (" + manifest.path("options").toString() + ")";
  }

  private void overview(StringBuilder out) {
    out.append(String.format(Locale.ROOT, "%n%-26s %20s %20s%n", "", "simulated", "DATA.md"));
    row(out, "events", number(events()), number(ProductionTargets.EVENTS));
    row(out, "EPCs", number(epcs()), number(ProductionTargets.EPCS));
    row(out, "events per EPC", decimal(epcs() == 0 ? 0 : (double) events() / epcs(), 2), "4.6");
    long[] histogram = eventsPerEpcHistogram();
    row(out, "fewest / most per EPC", firstNonZero(histogram) + " / " + (histogram.length - 1),
        ProductionTargets.MIN_EVENTS_PER_EPC + " / " + ProductionTargets.MAX_EVENTS_PER_EPC);
    row(out, "distinct event times", number(distinctTimes()), number(ProductionTargets.DISTINCT_TIMES));
    row(out, "  of unlabelled events", number(statistics.distinctNormalTimes()), "");
    row(out, "first event", time(statistics.firstTime()), ProductionTargets.FIRST_TIME.toString().replace('T', ' '));
    row(out, "last event", time(statistics.lastTime()), ProductionTargets.LAST_TIME.toString().replace('T', ' '));
    row(out, "rows the reader rejected", number(rejectedRows), "0");
  }

  private void files(StringBuilder out) {
    out.append(String.format(Locale.ROOT, "%n%-26s %12s %7s %12s %7s%n", "rows per file", "simulated",
        "share", "DATA.md", "share"));
    Map<String, Long> targets = ProductionTargets.rowsPerFile();
    for (Map.Entry<String, Long> target : targets.entrySet()) {
      long rows = rowsPerFile().getOrDefault(target.getKey(), 0L);
      out.append(String.format(Locale.ROOT, "%-26s %12s %6.2f%% %12s %6.2f%%%n", target.getKey(), number(rows),
          percent(rows, events()), number(target.getValue()), percent(target.getValue(), ProductionTargets.EVENTS)));
    }
  }

  private void steps(StringBuilder out) {
    out.append(String.format(Locale.ROOT, "%n%-26s %12s %7s %12s %7s%n", "business step", "simulated",
        "share", "implied", "share"));
    Map<BusinessStep, Long> implied = ProductionTargets.eventsPerStep(network);
    for (BusinessStep step : BusinessStep.values()) {
      long rows = statistics.rowsOf(step);
      String target = step == BusinessStep.POS_SELL ? "(with above)" : number(implied.get(step));
      String targetShare = step == BusinessStep.POS_SELL ? ""
          : String.format(Locale.ROOT, "%6.2f%%", percent(implied.get(step), ProductionTargets.EVENTS));
      out.append(String.format(Locale.ROOT, "%-26s %12s %6.2f%% %12s %7s%n", step.dataName(), number(rows),
          percent(rows, events()), target, targetShare));
    }
    if (statistics.rowsOfOtherSteps() > 0) {
      out.append(String.format(Locale.ROOT, "%-26s %12s%n", "(other step names)",
          number(statistics.rowsOfOtherSteps())));
    }
    out.append("implied: every EPC aggregated and scanned into its warehouse, one outbound and one inbound per\n"
        + "trip of transition_stats.csv, the remaining rows split between R_Stock_Outbound and POS_Sell.\n");
  }

  private void histogram(StringBuilder out) {
    out.append(String.format(Locale.ROOT, "%nEPCs by number of events%n"));
    long[] histogram = eventsPerEpcHistogram();
    for (int events = 1; events < histogram.length; events++) {
      if (histogram[events] > 0) {
        out.append(String.format(Locale.ROOT, "  %2d events: %10s  (%5.2f%%)%n", events, number(histogram[events]),
            percent(histogram[events], epcs())));
      }
    }
  }

  private void routes(StringBuilder out) {
    out.append(String.format(Locale.ROOT, "%ntravel hours per route (normal events)   %28s | %28s%n",
        "simulated n  mean  std  min   max", "table n  mean  std  min   max"));
    for (Location from : network.locations()) {
      for (Route route : network.knownRoutesFrom(from.id())) {
        RouteStats table = route.stats();
        if (table == null || !table.observed()) {
          continue;
        }
        RouteTimes simulated = statistics.routeTimes(from.id(), route.to().id());
        out.append(String.format(Locale.ROOT,
            "%3d -> %-3d %-28s %7d %5.2f %4.2f %4.2f %5.2f | %7d %5.2f %4.2f %4.2f %5.2f%n", from.id(), route.to().id(), shortName(route), simulated.count(), simulated.mean(), simulated.std(),
            simulated.min(), simulated.max(), table.count(), table.meanHours(), table.stdHours(),
            table.minHours(), table.maxHours()));
      }
    }
  }

  private void anomalies(StringBuilder out) {
    out.append(String.format(Locale.ROOT, "%nlabelled events per type (labels.csv)%n"));
    for (AnomalyType type : AnomalyType.values()) {
      out.append(String.format(Locale.ROOT, "  %-12s %10s%n", type.contractName(), number(labelled[type.ordinal()])));
    }
    if (manifest == null) {
      return;
    }
    out.append(String.format(Locale.ROOT, "%ninjected EPCs per variant (%s): %s anomalous EPCs%n",
        Simulator.MANIFEST_FILE, number(manifest.path("anomalousEpcs").asLong())));
    manifest.path("variants").fields().forEachRemaining(variant -> out.append(String.format(Locale.ROOT,
        "  %-32s %8s%n", variant.getKey(), number(variant.getValue().asLong()))));
  }

  private static String shortName(Route route) {
    String name = route.from().name() + ">" + route.to().name();
    return name.length() > 20 ? name.substring(0, 20) : name;
  }

  private static void row(StringBuilder out, String label, String simulated, String target) {
    out.append(String.format(Locale.ROOT, "%-26s %20s %20s%n", label, simulated, target));
  }

  private static int firstNonZero(long[] histogram) {
    for (int i = 0; i < histogram.length; i++) {
      if (histogram[i] > 0) {
        return i;
      }
    }
    return 0;
  }

  private static double percent(long part, long whole) {
    return whole == 0 ? 0 : 100.0 * part / whole;
  }

  private static String number(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  private static String decimal(double value, int places) {
    return String.format(Locale.ROOT, "%." + places + "f", value);
  }

  private static String time(Instant instant) {
    return TIME.format(instant);
  }
}
