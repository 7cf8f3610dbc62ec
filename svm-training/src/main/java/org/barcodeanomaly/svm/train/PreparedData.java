package org.barcodeanomaly.svm.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.event.ScanEvent;
import org.barcodeanomaly.evaluation.data.LabelledEvents;
import org.barcodeanomaly.evaluation.split.EpcSplit;
import org.barcodeanomaly.evaluation.split.SplitStrategy;
import org.barcodeanomaly.features.FeatureExtractor;
import org.barcodeanomaly.features.FeatureMatrix;
import org.barcodeanomaly.features.Trails;

/**
 * Labelled events grouped into trails, with every feature row computed once and every row assigned
 * to its EPC's split. Training and evaluation both read rows from here.
 */
public final class PreparedData {

  private final LabelledEvents data;
  private final Trails trails;
  private final FeatureMatrix matrix;
  private final EpcSplit split;
  private final int[] trailOfRow;
  private final boolean[] cleanTrail;

  private PreparedData(LabelledEvents data, Trails trails, FeatureMatrix matrix, EpcSplit split) {
    this.data = data;
    this.trails = trails;
    this.matrix = matrix;
    this.split = split;
    this.trailOfRow = new int[matrix.rows()];
    this.cleanTrail = new boolean[trails.count()];
    for (int trail = 0; trail < trails.count(); trail++) {
      boolean clean = true;
      for (int p = trails.start(trail); p < trails.end(trail); p++) {
        trailOfRow[p] = trail;
        clean &= !data.anyLabel(trails.eventIndex(p));
      }
      cleanTrail[trail] = clean;
    }
  }

  /** Groups, extracts and splits {@code data} by {@code strategy}. */
  public static PreparedData of(LabelledEvents data, FeatureExtractor extractor, SplitStrategy strategy) {
    Trails trails = Trails.group(data.events());
    FeatureMatrix matrix = extractor.extract(trails, 0, trails.count());
    return new PreparedData(data, trails, matrix, strategy.split(trails));
  }

  /** The feature rows of every event, in trail order. */
  public FeatureMatrix matrix() {
    return matrix;
  }

  /** The EPC split. */
  public EpcSplit split() {
    return split;
  }

  /** The trails. */
  public Trails trails() {
    return trails;
  }

  /** Rows in {@code part}; with {@code cleanOnly}, only rows of trails that carry no label at all. */
  public int[] rows(EpcSplit.Part part, boolean cleanOnly) {
    int count = 0;
    int[] rows = new int[matrix.rows()];
    for (int row = 0; row < rows.length; row++) {
      int trail = trailOfRow[row];
      if (split.part(trail) == part && (!cleanOnly || cleanTrail[trail])) {
        rows[count++] = row;
      }
    }
    return Arrays.copyOf(rows, count);
  }

  /** Ground truth of {@code rows} for {@code type}. */
  public boolean[] labels(int[] rows, AnomalyType type) {
    boolean[] labels = new boolean[rows.length];
    for (int i = 0; i < rows.length; i++) {
      labels[i] = data.anomalous(matrix.eventIndex(rows[i]), type);
    }
    return labels;
  }

  /** The events of {@code rows}, in that order. */
  public List<ScanEvent> events(int[] rows) {
    List<ScanEvent> events = new ArrayList<>(rows.length);
    for (int row : rows) {
      events.add(data.events().get(matrix.eventIndex(row)));
    }
    return events;
  }

  /** Number of events in all splits. */
  public int size() {
    return matrix.rows();
  }
}
