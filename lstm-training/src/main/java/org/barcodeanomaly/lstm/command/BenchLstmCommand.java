package org.barcodeanomaly.lstm.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.barcodeanomaly.api.detector.Detector;
import org.barcodeanomaly.api.detector.DetectorOptions;
import org.barcodeanomaly.api.detector.DetectorProvider;
import org.barcodeanomaly.api.detector.StreamingDetector;
import org.barcodeanomaly.api.event.ScanEvent;
import org.barcodeanomaly.api.scanfile.ScanFileReader;
import org.barcodeanomaly.api.scanfile.ScanFileSet;
import org.barcodeanomaly.pluginhost.PluginDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code anomaly bench-lstm}: the LSTM's serving speed, FP32 and INT8, beside the rule detector
 * measured in the same run, all loaded from the plugins directory as the gateway loads them.
 *
 * <p>Batch: every file scored as one request (as {@code score} does), after one warm-up pass;
 * events per second over all files. Single event: {@code --single} events of the data, each
 * scored alone as a one-event request, in process; p50/p99 of the call. Stream, for a
 * {@link StreamingDetector}: the whole trails of the first EPCs of the first file (about
 * {@code --single} events), replayed in event-time order one arrival per call, so each is scored
 * with its EPC's buffered history as the streaming endpoint does; p50/p99 of the call (a warm-up
 * replay under other EPC codes first). RSS: the process's resident memory after the detector's
 * runs ({@code /proc/self/status}).
 */
@Command(name = "bench-lstm", mixinStandardHelpOptions = true,
    description = "Benchmark LSTM serving (FP32, INT8) beside the rule detector.")
public final class BenchLstmCommand implements Callable<Integer> {

  /** Appended to EPC codes of the warm-up replay, so it leaves the measured EPCs' buffers empty. */
  private static final String WARM_UP_SUFFIX = ".warm-up";

  @Option(names = "--in", required = true, arity = "1..*", paramLabel = "PATH",
      description = "Scan files or directories, e.g. a full simulated set's scans/.")
  List<Path> inputs;

  @Option(names = "--models", paramLabel = "DIR", description = "Models directory (default: <home>/models).")
  Path models;

  @Option(names = "--plugins", paramLabel = "DIR", description = "Plugins directory (default: <home>/plugins).")
  Path plugins;

  @Option(names = "--single", defaultValue = "2000",
      description = "Single-event requests to time (default: ${DEFAULT-VALUE}).")
  int single;

  @Option(names = "--threads", defaultValue = "2",
      description = "ONNX Runtime intra-op threads (default: ${DEFAULT-VALUE}).")
  int threads;

  @Override
  public Integer call() throws Exception {
    Path home = Path.of(System.getProperty("anomaly.home", "."));
    List<List<ScanEvent>> files = readFiles();
    long events = files.stream().mapToLong(List::size).sum();
    System.out.printf(Locale.ROOT, "%d events in %d files; single-event requests: %d; ORT threads: %d%n",
        events, files.size(), single, threads);
    System.out.printf(Locale.ROOT, "%-12s %12s %14s %12s %12s %12s %12s %10s%n",
        "detector", "batch s", "batch ev/s", "single p50", "single p99", "stream p50", "stream p99", "RSS MB");
    try (PluginDirectory directory = PluginDirectory.scan(plugins != null ? plugins : home.resolve("plugins"))) {
      Path modelsDir = models != null ? models : home.resolve("models");
      row(directory, "rule", "rule", new DetectorOptions().setModelsDir(modelsDir), files, events);
      for (String precision : List.of("fp32", "int8")) {
        row(directory, "lstm", "lstm " + precision, new DetectorOptions().setModelsDir(modelsDir)
            .setSetting("lstm.precision", precision).setSetting("lstm.threads", Integer.toString(threads)),
            files, events);
      }
    }
    return 0;
  }

  private void row(PluginDirectory directory, String name, String label, DetectorOptions options,
      List<List<ScanEvent>> files, long events) throws Exception {
    DetectorProvider provider = directory.provider(name).orElse(null);
    if (provider == null) {
      System.out.printf(Locale.ROOT, "%-12s not in the plugins directory%n", label);
      return;
    }
    try (Detector detector = provider.create(options)) {
      scoreAll(detector, files);
      long started = System.nanoTime();
      scoreAll(detector, files);
      double seconds = (System.nanoTime() - started) / 1e9;
      long[] latencies = singleEvents(detector, files);
      long[] stream = detector instanceof StreamingDetector streaming
          ? streamedArrivals(streaming, files) : new long[0];
      System.out.printf(Locale.ROOT, "%-12s %12.2f %14.0f %9.3f ms %9.3f ms %12s %12s %10d%n", label,
          seconds, events / seconds, percentile(latencies, 0.50) / 1e6, percentile(latencies, 0.99) / 1e6,
          millis(stream, 0.50), millis(stream, 0.99), residentMegabytes());
    } catch (Exception e) {
      System.out.printf(Locale.ROOT, "%-12s unavailable: %s%n", label, e.getMessage());
    }
  }

  private static void scoreAll(Detector detector, List<List<ScanEvent>> files) {
    for (List<ScanEvent> file : files) {
      detector.score(file);
    }
  }

  private long[] singleEvents(Detector detector, List<List<ScanEvent>> files) {
    List<ScanEvent> all = files.get(0);
    int n = Math.min(single, all.size());
    int step = Math.max(1, all.size() / Math.max(1, n));
    for (int i = 0; i < Math.min(200, n); i++) {
      detector.score(List.of(all.get(i * step)));
    }
    long[] nanos = new long[n];
    for (int i = 0; i < n; i++) {
      ScanEvent event = all.get(i * step);
      long started = System.nanoTime();
      detector.score(List.of(event));
      nanos[i] = System.nanoTime() - started;
    }
    Arrays.sort(nanos);
    return nanos;
  }

  /** One arrival per call, in event-time order, after a warm-up replay of the same trails under other codes. */
  private long[] streamedArrivals(StreamingDetector detector, List<List<ScanEvent>> files) {
    List<ScanEvent> arrivals = trailsInTimeOrder(files.get(0), single);
    for (ScanEvent event : arrivals) {
      detector.scoreArrivals(List.of(new ScanEvent(event.eventId(), event.fileId(), event.epcCode() + WARM_UP_SUFFIX,
          event.locationId(), event.businessStep(), event.eventType(), event.eventTime(), event.manufactureTime())));
    }
    long[] nanos = new long[arrivals.size()];
    for (int i = 0; i < nanos.length; i++) {
      long started = System.nanoTime();
      detector.scoreArrivals(List.of(arrivals.get(i)));
      nanos[i] = System.nanoTime() - started;
    }
    Arrays.sort(nanos);
    return nanos;
  }

  /** Whole trails of the EPCs seen first in time, about {@code target} events, in event-time order. */
  private static List<ScanEvent> trailsInTimeOrder(List<ScanEvent> file, int target) {
    List<ScanEvent> byTime = new ArrayList<>(file);
    byTime.sort(Comparator.comparing(ScanEvent::eventTime));
    Map<String, Integer> trailLengths = new HashMap<>();
    byTime.forEach(event -> trailLengths.merge(event.epcCode(), 1, Integer::sum));
    Set<String> chosen = new HashSet<>();
    int events = 0;
    for (ScanEvent event : byTime) {
      if (events >= target) {
        break;
      }
      if (chosen.add(event.epcCode())) {
        events += trailLengths.get(event.epcCode());
      }
    }
    return byTime.stream().filter(event -> chosen.contains(event.epcCode())).toList();
  }

  private static String millis(long[] sorted, double q) {
    return sorted.length == 0 ? "-" : String.format(Locale.ROOT, "%.3f ms", percentile(sorted, q) / 1e6);
  }

  private static double percentile(long[] sorted, double q) {
    return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))];
  }

  private List<List<ScanEvent>> readFiles() throws IOException {
    ScanFileReader reader = new ScanFileReader();
    List<List<ScanEvent>> files = new ArrayList<>();
    for (ScanFileSet.NumberedFile file : ScanFileSet.expand(inputs).files()) {
      List<ScanEvent> events = new ArrayList<>();
      reader.read(file.path(), file.fileId(), events::add, problem -> { });
      files.add(events);
    }
    return files;
  }

  private static long residentMegabytes() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.isReadable(status)) {
      return -1;
    }
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
      }
    }
    return -1;
  }
}
