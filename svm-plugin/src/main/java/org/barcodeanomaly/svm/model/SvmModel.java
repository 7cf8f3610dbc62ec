package org.barcodeanomaly.svm.model;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import org.barcodeanomaly.api.detector.ScoreTable;
import org.barcodeanomaly.api.detector.Thresholds;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.event.ScanEvent;
import org.barcodeanomaly.features.Feature;
import org.barcodeanomaly.features.FeatureExtractor;
import org.barcodeanomaly.features.FeatureMatrix;
import org.barcodeanomaly.features.Trails;
import org.barcodeanomaly.modelformat.ModelManifest;
import org.barcodeanomaly.modelformat.ModelProvenance;

/**
 * The trained SVM detector's model: one {@link TypeModel} per anomaly type and the provenance of
 * the whole, as saved in a model directory by {@link SvmModelStore}.
 *
 * <p>Scoring groups the batch into trails, extracts features a run of trails at a time (bounded
 * memory), and spreads the runs over the common fork-join pool. Immutable and thread-safe.
 */
public final class SvmModel {

  /**
   * Version of the model directory's layout; {@link SvmModelStore} reads this one and older.
   * 1: provenance inside {@code svm-model.json}; 2: provenance in the product's one shape, in
   * {@code provenance.json} beside it (model-format's {@code ModelManifest}).
   */
  public static final int FORMAT_VERSION = 2;

  /** Trails per scoring task: large enough to amortise a task, small enough to spread. */
  private static final int TRAILS_PER_TASK = 2048;

  private final Map<AnomalyType, TypeModel> types;
  private final ModelProvenance provenance;
  private final FeatureExtractor extractor;
  private final Thresholds thresholds;

  /**
   * A model scoring all five types.
   *
   * @throws IllegalArgumentException when a type has no model
   */
  public SvmModel(Map<AnomalyType, TypeModel> types, ModelProvenance provenance,
      FeatureExtractor extractor) {
    this.types = new EnumMap<>(types);
    for (AnomalyType type : AnomalyType.values()) {
      if (!this.types.containsKey(type)) {
        throw new IllegalArgumentException("the SVM model has no model for "
            + type.contractName() + ": all five types are needed");
      }
    }
    this.provenance = Objects.requireNonNull(provenance, "provenance");
    this.extractor = Objects.requireNonNull(extractor, "extractor");
    Map<AnomalyType, Double> byType = new EnumMap<>(AnomalyType.class);
    this.types.forEach((type, model) -> byType.put(type, model.threshold()));
    this.thresholds = Thresholds.of(byType);
  }

  /** The model of one type. */
  public TypeModel type(AnomalyType type) {
    return types.get(type);
  }

  /** The feature extractor the model's vectors come from. */
  public FeatureExtractor extractor() {
    return extractor;
  }

  /** How the model was made. */
  public ModelProvenance provenance() {
    return provenance;
  }

  /** The reporting thresholds chosen on validation data. */
  public Thresholds thresholds() {
    return thresholds;
  }

  /** Scores every event of {@code events} for all five types, in input order. */
  public ScoreTable score(List<ScanEvent> events) {
    Trails trails = Trails.group(events);
    ScoreTable table = new ScoreTable(events.size());
    int tasks = (trails.count() + TRAILS_PER_TASK - 1) / TRAILS_PER_TASK;
    // Each task writes the rows of its own events only, so the table needs no lock.
    IntStream.range(0, tasks).parallel().forEach(task -> scoreTrails(trails,
        task * TRAILS_PER_TASK, Math.min(trails.count(), (task + 1) * TRAILS_PER_TASK), table));
    return table;
  }

  private void scoreTrails(Trails trails, int fromTrail, int toTrail, ScoreTable table) {
    FeatureMatrix matrix = extractor.extract(trails, fromTrail, toTrail);
    TypeScorer[] scorers = new TypeScorer[AnomalyType.COUNT];
    for (AnomalyType type : AnomalyType.values()) {
      scorers[type.ordinal()] = new TypeScorer(types.get(type));
    }
    for (int row = 0; row < matrix.rows(); row++) {
      int event = matrix.eventIndex(row);
      for (TypeScorer scorer : scorers) {
        table.set(event, scorer.model.type(), scorer.score(matrix, row));
      }
    }
  }

  /** One type's model with the working memory of one task. */
  private static final class TypeScorer {
    private final TypeModel model;
    private final Feature[] features;
    private final double[] values;
    private final double[] scratch;
    private final ScoreMemo memo;

    TypeScorer(TypeModel model) {
      this.model = model;
      this.features = model.features();
      this.values = new double[features.length];
      this.scratch = new double[features.length];
      this.memo = new ScoreMemo(features.length);
    }

    double score(FeatureMatrix matrix, int row) {
      matrix.copySelected(row, features, values);
      int slot = memo.slot(values);
      if (memo.holds(slot, values)) {
        return memo.score(slot);
      }
      System.arraycopy(values, 0, scratch, 0, values.length);
      double score = model.score(scratch);
      memo.store(slot, values, score);
      return score;
    }
  }
}
