package org.barcodeanomaly.evaluation.data;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.barcodeanomaly.api.event.AnomalyType;

/**
 * The events that have both a label and a score, joined by event id: per anomaly type, a score
 * array and a truth array of the same length.
 *
 * <p>Scores come from a {@code scores.csv} as {@code bin/anomaly score} writes it
 * ({@code event_id,epcFake,epcDup,locErr,evtOrderErr,jump}, 0-100, columns found by name). Nothing
 * vanishes: a row that cannot be read (not a number, outside 0-100, an id scored twice, whose higher scores are kept) is listed
 * as a problem and skipped; events scored but not labelled, and labelled but not scored, are
 * counted, and the first ids of each are listed. Immutable.
 */
public final class ScoredEvents {

  /** Problems listed by message; the rest are only counted. */
  public static final int MAX_PROBLEMS_LISTED = 20;

  private final float[][] scores;
  private final boolean[][] truth;
  private final long[] ids;
  private final long labelled;
  private final long unscored;
  private final long unlabelled;
  private final long problemCount;
  private final List<String> problems;

  private ScoredEvents(float[][] scores, boolean[][] truth, long[] ids, long labelled, long unscored,
      long unlabelled, long problemCount, List<String> problems) {
    this.scores = scores;
    this.truth = truth;
    this.ids = ids;
    this.labelled = labelled;
    this.unscored = unscored;
    this.unlabelled = unlabelled;
    this.problemCount = problemCount;
    this.problems = List.copyOf(problems);
  }

  /**
   * Joins the scores of {@code scoresFile} to {@code labels}.
   *
   * @throws IOException when the file cannot be read
   * @throws IllegalArgumentException when its header lacks a required column
   */
  public static ScoredEvents join(LabelTable labels, Path scoresFile) throws IOException {
    Join join = new Join(labels);
    for (String problem : labels.problems()) {
      join.problem(problem);
    }
    try (Reader reader = Files.newBufferedReader(scoresFile, StandardCharsets.UTF_8);
        CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
      CsvColumns columns = CsvColumns.of(scoresFile, parser.getHeaderNames());
      for (CSVRecord record : parser) {
        join.add(columns, record);
      }
    }
    return join.result();
  }

  /**
   * Events given directly, for tests and callers that hold scores in memory.
   *
   * @param scores per type (in {@link AnomalyType} order), one score per event
   * @param truth  per type, whether each event is anomalous
   */
  public static ScoredEvents of(float[][] scores, boolean[][] truth) {
    if (scores.length != AnomalyType.COUNT || truth.length != AnomalyType.COUNT) {
      throw new IllegalArgumentException("need one score and one truth array per anomaly type ("
          + AnomalyType.COUNT + "), got " + scores.length + " and " + truth.length);
    }
    for (int t = 0; t < AnomalyType.COUNT; t++) {
      if (scores[t].length != scores[0].length || truth[t].length != scores[0].length) {
        throw new IllegalArgumentException("type " + AnomalyType.ofIndex(t).contractName()
            + " has " + scores[t].length + " scores and " + truth[t].length + " labels; expected "
            + scores[0].length + " of each");
      }
    }
    long[] ids = new long[scores[0].length];
    java.util.Arrays.setAll(ids, i -> i + 1L);
    return new ScoredEvents(scores, truth, ids, scores[0].length, 0, 0, 0, List.of());
  }

  /** Events with both a label and a score. */
  public int size() {
    return scores[0].length;
  }

  /** Scores of every joined event for {@code type}. */
  public float[] scores(AnomalyType type) {
    return scores[type.ordinal()];
  }

  /** Truth of every joined event for {@code type}. */
  public boolean[] truth(AnomalyType type) {
    return truth[type.ordinal()];
  }

  /** Event id of joined event {@code index}. */
  public long id(int index) {
    return ids[index];
  }

  /** Events in the labels file. */
  public long labelled() {
    return labelled;
  }

  /** Labelled events without a score. */
  public long unscored() {
    return unscored;
  }

  /** Scored events without a label. */
  public long unlabelled() {
    return unlabelled;
  }

  /** Rows of either file that could not be used. */
  public long problemCount() {
    return problemCount;
  }

  /** The first {@value #MAX_PROBLEMS_LISTED} problems, as messages naming file, line and field. */
  public List<String> problems() {
    return problems;
  }

  /** Collects scores by label position while the scores file is read. */
  private static final class Join {
    private final LabelTable labels;
    private final float[] byLabel;
    private final boolean[] scored;
    private final List<String> problems = new ArrayList<>();
    private long problemCount;
    private long unlabelled;

    Join(LabelTable labels) {
      this.labels = labels;
      this.byLabel = new float[labels.size() * AnomalyType.COUNT];
      this.scored = new boolean[labels.size()];
    }

    void add(CsvColumns columns, CSVRecord record) {
      List<String> rowProblems = new ArrayList<>(1);
      long id = columns.eventId(record, rowProblems);
      float[] row = id < 0 ? null : scores(columns, record, rowProblems);
      if (row == null) {
        rowProblems.forEach(this::problem);
        return;
      }
      int index = labels.indexOf(id);
      if (index < 0) {
        if (unlabelled++ < MAX_PROBLEMS_LISTED) {
          problem(columns.where(record) + "event_id " + id + " has a score but no label");
        }
        return;
      }
      if (scored[index]) {
        problem(columns.where(record) + "event_id " + id + " is scored twice (a duplicate row of the scan "
            + "file?); the higher score of each type is kept, so a report on either row counts");
        for (int t = 0; t < AnomalyType.COUNT; t++) {
          int slot = index * AnomalyType.COUNT + t;
          byLabel[slot] = Math.max(byLabel[slot], row[t]);
        }
        return;
      }
      scored[index] = true;
      System.arraycopy(row, 0, byLabel, index * AnomalyType.COUNT, AnomalyType.COUNT);
    }

    private static float[] scores(CsvColumns columns, CSVRecord record, List<String> problems) {
      float[] row = new float[AnomalyType.COUNT];
      for (AnomalyType type : AnomalyType.values()) {
        String value = columns.value(record, type);
        try {
          float score = Float.parseFloat(value);
          if (score >= 0 && score <= 100) {
            row[type.ordinal()] = score;
            continue;
          }
        } catch (NumberFormatException e) {
          // reported below with the value
        }
        problems.add(columns.where(record) + type.contractName() + ": '" + value
            + "' is not a score from 0 to 100");
        return null;
      }
      return row;
    }

    void problem(String message) {
      if (problemCount++ < MAX_PROBLEMS_LISTED) {
        problems.add(message);
      }
    }

    ScoredEvents result() {
      int joined = 0;
      for (boolean s : scored) {
        joined += s ? 1 : 0;
      }
      float[][] scores = new float[AnomalyType.COUNT][joined];
      boolean[][] truth = new boolean[AnomalyType.COUNT][joined];
      long[] ids = new long[joined];
      int j = 0;
      for (int i = 0; i < scored.length; i++) {
        if (!scored[i]) {
          continue;
        }
        ids[j] = labels.id(i);
        for (AnomalyType type : AnomalyType.values()) {
          scores[type.ordinal()][j] = byLabel[i * AnomalyType.COUNT + type.ordinal()];
          truth[type.ordinal()][j] = labels.isAnomalous(i, type);
        }
        j++;
      }
      return new ScoredEvents(scores, truth, ids, labels.size(), labels.size() - joined, unlabelled,
          problemCount, problems);
    }
  }
}
