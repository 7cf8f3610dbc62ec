package org.barcodeanomaly.api.contract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.barcodeanomaly.api.detector.Detector;
import org.barcodeanomaly.api.detector.ScoreTable;
import org.barcodeanomaly.api.detector.StreamingDetector;
import org.barcodeanomaly.api.detector.Thresholds;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.event.ScanEvent;

/**
 * Answers a read request with one detector: each file batch is scored on its own, as the
 * contract requires (a file's events never influence another file's scores); or, in streaming
 * mode, every event in request order against the detector's per-EPC buffers, the answer still
 * split by file.
 */
public final class ContractAnalysis {

  private ContractAnalysis() {
  }

  /**
   * Scores every file of {@code request} with {@code detector}.
   *
   * @param method  the response's {@code method}, e.g. the detector's version
   * @param warning the response's {@code warning} (a fallback explanation), or {@code null}
   * @throws IllegalStateException when the detector does not return one score row per event
   * @throws java.util.concurrent.CancellationException when the calling thread is interrupted
   *     between two files (its caller gave up: the rest of the files are not scored)
   */
  public static ContractResponse analyze(ContractRequest request, Detector detector, String method,
      String warning) {
    Thresholds thresholds = detector.thresholds();
    List<FileResult> results = new ArrayList<>(request.files().size());
    for (FileBatch batch : request.files()) {
      stopIfAbandoned(results.size(), request.files().size());
      results.add(judge(detector, batch, detector.score(batch.events()), thresholds));
    }
    return new ContractResponse(results, method, warning, request.rejected());
  }

  /**
   * Scores the events of {@code request} with {@link StreamingDetector#scoreArrivals}, in request
   * order whatever their file (an EPC's buffer does not belong to a file), and answers each file
   * with the scores of its own events.
   *
   * @param method the response's {@code method}, e.g. the detector's version
   * @throws IllegalStateException when the detector does not return one score row per event
   */
  public static ContractResponse analyzeArrivals(ContractRequest request, StreamingDetector detector,
      String method) {
    List<ScanEvent> events = request.events();
    if (events.isEmpty()) {
      return new ContractResponse(List.of(), method, null, request.rejected());
    }
    ScoreTable arrivals = detector.scoreArrivals(events);
    if (arrivals.size() != events.size()) {
      throw new IllegalStateException("detector " + detector.name() + ": the score table of "
          + events.size() + " arrivals has " + arrivals.size()
          + " rows: a detector must score every event once");
    }
    Map<Long, ScoreTable> byFile = splitByFile(events, arrivals, request.files());
    Thresholds thresholds = detector.thresholds();
    List<FileResult> results = new ArrayList<>(request.files().size());
    for (FileBatch batch : request.files()) {
      results.add(judge(detector, batch, byFile.get(batch.fileId()), thresholds));
    }
    return new ContractResponse(results, method, null, request.rejected());
  }

  /**
   * A request of many files is scored file by file; when the caller has given up (its time budget
   * ran out and it interrupted this thread), scoring the remaining files would only keep a worker
   * busy for an answer nobody reads.
   */
  private static void stopIfAbandoned(int scored, int files) {
    if (Thread.currentThread().isInterrupted()) {
      throw new CancellationException("abandoned by the caller after " + scored + " of " + files
          + " files: the time budget ran out");
    }
  }

  /** The rows of {@code arrivals} (request order) as one table per file (file order). */
  private static Map<Long, ScoreTable> splitByFile(List<ScanEvent> events, ScoreTable arrivals,
      List<FileBatch> files) {
    Map<Long, ScoreTable> tables = new HashMap<>();
    for (FileBatch batch : files) {
      tables.put(batch.fileId(), new ScoreTable(batch.events().size()));
    }
    Map<Long, Integer> filled = new HashMap<>();
    for (int i = 0; i < events.size(); i++) {
      long fileId = events.get(i).fileId();
      int row = filled.merge(fileId, 1, Integer::sum) - 1;
      ScoreTable table = tables.get(fileId);
      for (AnomalyType type : AnomalyType.values()) {
        table.set(row, type, arrivals.get(i, type));
      }
    }
    return tables;
  }

  private static FileResult judge(Detector detector, FileBatch batch, ScoreTable scores,
      Thresholds thresholds) {
    try {
      return new FileResult(batch, scores, thresholds);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("detector " + detector.name() + ": " + e.getMessage(), e);
    }
  }
}
