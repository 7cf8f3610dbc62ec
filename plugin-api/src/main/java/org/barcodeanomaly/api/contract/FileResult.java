package org.barcodeanomaly.api.contract;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.barcodeanomaly.api.detector.ScoreTable;
import org.barcodeanomaly.api.detector.Thresholds;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.event.ScanEvent;

/**
 * One file of a request with the detector's scores and thresholds, and what they report: which
 * event is reported for which type, and the per-EPC and per-file counts of the response.
 *
 * <p>Everything is decided once, in the constructor, so the response writer, metrics and audit
 * read the same verdicts without judging scores again. Immutable once built (the score table is
 * not copied: the caller must not change it afterwards).
 */
public final class FileResult {

  private final FileBatch batch;
  private final ScoreTable scores;
  private final Thresholds thresholds;
  /** Per event, bit {@code type.ordinal()} is set when the event is reported for that type. */
  private final byte[] reportedTypes;
  private final AnomalyCounts counts;
  private final Map<String, AnomalyCounts> countsByEpc;
  private final int reportedEventCount;

  /**
   * Judges {@code scores} against {@code thresholds}.
   *
   * @throws IllegalArgumentException when the table does not have one row per event of the batch
   */
  public FileResult(FileBatch batch, ScoreTable scores, Thresholds thresholds) {
    List<ScanEvent> events = batch.events();
    if (scores.size() != events.size()) {
      throw new IllegalArgumentException("the score table of file " + batch.fileId() + " has "
          + scores.size() + " rows for " + events.size() + " events: a detector must score every event once");
    }
    this.batch = batch;
    this.scores = scores;
    this.thresholds = thresholds;
    this.reportedTypes = new byte[events.size()];
    int[] fileCounts = new int[AnomalyType.COUNT];
    Map<String, int[]> epcCounts = new HashMap<>();
    int reportedEvents = 0;
    for (int i = 0; i < events.size(); i++) {
      int mask = judge(i);
      if (mask != 0) {
        reportedTypes[i] = (byte) mask;
        reportedEvents++;
        int[] epc = epcCounts.computeIfAbsent(events.get(i).epcCode(), code -> new int[AnomalyType.COUNT]);
        addReports(mask, fileCounts);
        addReports(mask, epc);
      }
    }
    this.reportedEventCount = reportedEvents;
    this.counts = AnomalyCounts.of(fileCounts);
    this.countsByEpc = inFirstAppearanceOrder(events, epcCounts);
  }

  /** The result of a file with no accepted event: zero counts. */
  static FileResult empty(long fileId) {
    return new FileResult(new FileBatch(fileId, List.of()), new ScoreTable(0),
        Thresholds.uniform(ScoreTable.MAX_SCORE));
  }

  /** The file's events. */
  public FileBatch batch() {
    return batch;
  }

  /** The detector's scores, one row per event of {@link #batch()}. */
  public ScoreTable scores() {
    return scores;
  }

  /** The thresholds the scores were judged against. */
  public Thresholds thresholds() {
    return thresholds;
  }

  /** The file's {@code file_id}. */
  public long fileId() {
    return batch.fileId();
  }

  /** Whether event {@code index} of the batch is reported for {@code type} (score at or above its threshold). */
  public boolean reported(int index, AnomalyType type) {
    return (reportedTypes[index] & (1 << type.ordinal())) != 0;
  }

  /** Whether event {@code index} is reported for at least one type: it appears in {@code EventHistory}. */
  public boolean anyReported(int index) {
    return reportedTypes[index] != 0;
  }

  /** Number of events reported for at least one type. */
  public int reportedEventCount() {
    return reportedEventCount;
  }

  /** The file's reports per type: the contract's {@code fileAnomalyStats}. */
  public AnomalyCounts counts() {
    return counts;
  }

  /**
   * Reports per EPC, only for EPCs with at least one report, in order of each EPC's first event in
   * the file: the contract's {@code epcAnomalyStats}. Read-only.
   */
  public Map<String, AnomalyCounts> countsByEpc() {
    return countsByEpc;
  }

  private int judge(int index) {
    int mask = 0;
    for (AnomalyType type : AnomalyCounts.CONTRACT_ORDER) {
      if (thresholds.reports(type, scores.get(index, type))) {
        mask |= 1 << type.ordinal();
      }
    }
    return mask;
  }

  private static void addReports(int mask, int[] counts) {
    for (int ordinal = 0; ordinal < AnomalyType.COUNT; ordinal++) {
      if ((mask & (1 << ordinal)) != 0) {
        counts[ordinal]++;
      }
    }
  }

  /** The EPCs of {@code epcCounts} ordered by their first event in {@code events}, not their first report. */
  private static Map<String, AnomalyCounts> inFirstAppearanceOrder(List<ScanEvent> events,
      Map<String, int[]> epcCounts) {
    if (epcCounts.isEmpty()) {
      return Map.of();
    }
    Map<String, AnomalyCounts> ordered = new LinkedHashMap<>();
    for (int i = 0; i < events.size() && ordered.size() < epcCounts.size(); i++) {
      String epc = events.get(i).epcCode();
      int[] counts = epcCounts.get(epc);
      if (counts != null && !ordered.containsKey(epc)) {
        ordered.put(epc, AnomalyCounts.of(counts));
      }
    }
    return Collections.unmodifiableMap(ordered);
  }
}
