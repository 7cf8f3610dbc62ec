package org.barcodeanomaly.cli;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.barcodeanomaly.api.contract.ContractResponse;
import org.barcodeanomaly.api.contract.ContractResponseWriter;
import org.barcodeanomaly.api.contract.FileBatch;
import org.barcodeanomaly.api.contract.FileResult;
import org.barcodeanomaly.api.detector.Detector;
import org.barcodeanomaly.api.detector.Thresholds;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.event.ScanEvent;
import org.barcodeanomaly.api.scanfile.ScanFileOptions;
import org.barcodeanomaly.api.scanfile.ScanFileProblem;
import org.barcodeanomaly.api.scanfile.ScanFileReader;
import org.barcodeanomaly.api.scanfile.ScanFileSet;
import org.barcodeanomaly.evaluation.ThresholdSpec;
import org.barcodeanomaly.pluginhost.PluginDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code anomaly score}: scores raw scan files with one detector and writes every accepted
 * event's five scores to a CSV (and optionally the contract response as JSON).
 *
 * <p>Each file is scored on its own, as the contract analyses each {@code file_id} on its own.
 * Rows that cannot be read are printed to stderr with file, line, field and reason and counted in
 * the summary; they never vanish.
 */
@Command(name = "score", mixinStandardHelpOptions = true,
    description = "Score raw scan files (TAB layout of docs/spec/DATA.md) with a detector.")
public final class ScoreCommand implements Callable<Integer> {

  /** Header of the scores file; its column order is {@link AnomalyType}'s. */
  static final String SCORES_HEADER = "event_id,epcFake,epcDup,locErr,evtOrderErr,jump";

  /** Rows printed to stderr before the rest are only counted. */
  private static final int MAX_PROBLEMS_SHOWN = 50;

  @Mixin
  DetectorSelection selection;

  @Option(names = "--in", required = true, arity = "1..*", paramLabel = "PATH",
      description = "Scan files, or directories (every file in them, by name).")
  List<Path> inputs;

  @Option(names = "--out", required = true, paramLabel = "FILE",
      description = "Scores CSV to write: " + SCORES_HEADER + ". The detector's reporting "
          + "thresholds go beside it (<name>.thresholds.json), where evaluate finds them.")
  Path out;

  @Option(names = "--json", paramLabel = "FILE",
      description = "Also write the JSON-contract response for the same events.")
  Path json;

  @Option(names = "--zone", defaultValue = "UTC", paramLabel = "ZONE",
      description = "Zone of event times written without one (default: ${DEFAULT-VALUE}).")
  ZoneId zone;

  /** Guarded by {@code this}: files are read on several threads. */
  private long problemsSeen;

  @Override
  public Integer call() throws Exception {
    long started = System.nanoTime();
    ScanFileSet files = ScanFileSet.expand(inputs);
    List<FileResult> results;
    String method;
    Thresholds thresholds;
    try (PluginDirectory.OpenDetector open = selection.open()) {
      Detector detector = open.detector();
      method = detector.version();
      thresholds = detector.thresholds();
      results = readAndScore(files, detector);
    }
    writeScores(results);
    ThresholdSpec.writeSidecar(out, method, thresholds);
    ContractResponse response = new ContractResponse(results, method, null, List.of());
    if (json != null) {
      writeJson(response);
    }
    System.out.println(summary(response, (System.nanoTime() - started) / 1e9));
    return 0;
  }

  /**
   * Reads and scores every file, each file read then scored on one of up to {@link #workers()}
   * threads, so one file is read while another is scored; results in file order. A detector is
   * thread-safe (the SPI's contract), and each file is scored on its own, as the contract does.
   */
  private List<FileResult> readAndScore(ScanFileSet files, Detector detector)
      throws IOException, InterruptedException {
    ScanFileReader reader = new ScanFileReader(new ScanFileOptions().setTimeZone(zone));
    ExecutorService pool = Executors.newFixedThreadPool(workers(files.files().size()), runnable -> {
      Thread thread = new Thread(runnable, "score-file");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<FileResult>> pending = new ArrayList<>();
      for (ScanFileSet.NumberedFile file : files.files()) {
        pending.add(pool.submit(() -> {
          List<ScanEvent> events = new ArrayList<>();
          reader.read(file.path(), file.fileId(), events::add, this::report);
          FileBatch batch = new FileBatch(file.fileId(), events);
          return new FileResult(batch, detector.score(events), detector.thresholds());
        }));
      }
      List<FileResult> results = new ArrayList<>(pending.size());
      for (Future<FileResult> result : pending) {
        results.add(get(result));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Threads for {@code files} files: one per core, at most one per file. */
  private static int workers(int files) {
    return Math.max(1, Math.min(files, Runtime.getRuntime().availableProcessors()));
  }

  private static FileResult get(Future<FileResult> result) throws IOException, InterruptedException {
    try {
      return result.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IOException(cause);
    }
  }

  private synchronized void report(ScanFileProblem problem) {
    problemsSeen++;
    if (problemsSeen <= MAX_PROBLEMS_SHOWN) {
      System.err.println("rejected: " + problem.message());
    } else if (problemsSeen == MAX_PROBLEMS_SHOWN + 1) {
      System.err.println("rejected: further unreadable rows are counted in the summary only");
    }
  }

  private void writeScores(List<FileResult> results) throws IOException {
    try (Writer writer = new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
      writer.write(SCORES_HEADER);
      writer.write('\n');
      StringBuilder row = new StringBuilder(64);
      for (FileResult result : results) {
        List<ScanEvent> events = result.batch().events();
        for (int i = 0; i < events.size(); i++) {
          row.setLength(0);
          row.append(events.get(i).eventId());
          for (AnomalyType type : AnomalyType.values()) {
            row.append(',');
            appendScore(row, result.scores().get(i, type));
          }
          row.append('\n');
          writer.append(row);
        }
      }
    }
  }

  /**
   * The score exactly as the detector gave it (the shortest text that reads back to the same
   * float), never in exponent form. Rounding here would move scores that sit on a calibrated
   * threshold below it, so evaluate would count fewer reports than the detector made.
   */
  static void appendScore(StringBuilder row, float score) {
    String text = Float.toString(score);
    if (text.indexOf('E') >= 0) {
      text = new BigDecimal(text).stripTrailingZeros().toPlainString();
    }
    row.append(text);
  }

  private void writeJson(ContractResponse response) throws IOException {
    try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(json), 1 << 16)) {
      new ContractResponseWriter().write(response, stream);
    }
  }

  private String summary(ContractResponse response, double seconds) {
    StringBuilder line = new StringBuilder();
    line.append("events=").append(response.eventCount())
        .append(" rejected=").append(problemsSeen)
        .append(" flagged");
    for (AnomalyType type : AnomalyType.values()) {
      line.append(' ').append(type.contractName()).append('=').append(response.reportedCount(type));
    }
    line.append(" detector=").append(response.method())
        .append(String.format(Locale.ROOT, " seconds=%.2f", seconds));
    return line.toString();
  }
}
