package org.barcodeanomaly.svm;

import java.util.List;
import java.util.Objects;
import org.barcodeanomaly.api.detector.ExplainingDetector;
import org.barcodeanomaly.api.detector.ScoreTable;
import org.barcodeanomaly.api.detector.Thresholds;
import org.barcodeanomaly.api.event.ScanEvent;
import org.barcodeanomaly.api.explain.Explanation;
import org.barcodeanomaly.svm.explain.SvmExplainer;
import org.barcodeanomaly.svm.model.SvmModel;

/**
 * The one-class SVM detector: scores how unlike normal traffic each event is, per anomaly type,
 * with the calibrated per-type SVMs of an {@link SvmModel}.
 *
 * <p>Explains its reports ({@link SvmExplainer}): per type, each feature's contribution to the
 * SVM's decision value.
 *
 * <p>Thread-safe: the model is immutable and every call works on its own feature rows.
 */
public final class SvmDetector implements ExplainingDetector {

  /** The detector's name on endpoints and in configuration. */
  public static final String NAME = "svm";

  private final SvmModel model;
  private final SvmExplainer explainer;

  /** A detector scoring with {@code model}. */
  public SvmDetector(SvmModel model) {
    this.model = Objects.requireNonNull(model, "model");
    this.explainer = new SvmExplainer(model, NAME);
  }

  @Override
  public String name() {
    return NAME;
  }

  /** The model's version, e.g. {@code svm-20261125-1a2b3c4d} (training date and data hash). */
  @Override
  public String version() {
    return model.provenance().modelVersion();
  }

  @Override
  public ScoreTable score(List<ScanEvent> events) {
    return model.score(events);
  }

  /** {@inheritDoc} Method {@value SvmExplainer#METHOD}, see {@link SvmExplainer}. */
  @Override
  public List<Explanation> explain(List<ScanEvent> events) {
    return explainer.explain(events);
  }

  @Override
  public Thresholds thresholds() {
    return model.thresholds();
  }

  /** The model, for its provenance. */
  public SvmModel model() {
    return model;
  }
}
