package org.barcodeanomaly.lstm.serving;

import ai.onnxruntime.OrtException;
import java.nio.file.Path;
import java.util.List;
import org.barcodeanomaly.api.detector.Detector;
import org.barcodeanomaly.api.detector.ScoreTable;
import org.barcodeanomaly.api.detector.Thresholds;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.event.ScanEvent;
import org.barcodeanomaly.features.FeatureExtractor;
import org.barcodeanomaly.features.FeatureMatrix;
import org.barcodeanomaly.features.Trails;
import org.barcodeanomaly.lstm.model.LstmModelSpec;
import org.barcodeanomaly.lstm.runtime.OnnxRuntimeOptions;
import org.barcodeanomaly.lstm.runtime.OnnxSequenceScorer;
import org.barcodeanomaly.lstm.sequence.SequenceBatch;
import org.barcodeanomaly.lstm.sequence.SequenceEncoder;

/**
 * The LSTM detector: groups a batch into EPC trails, computes the shared features, and scores
 * every event of every trail with one forward pass of the exported network per trail, many
 * trails per ONNX Runtime run.
 *
 * <p>An event's score for a type is 100 × the network's probability; it is reported when it
 * passes the threshold calibrated on the validation split (stored with the model). An EPC with a
 * single event (cold start) goes through the same network, which was trained on one-event
 * prefixes too, and the same thresholds: nothing is reported on a fixed score.
 *
 * <p>Thread-safe: concurrent calls share the one ONNX Runtime session (which allows concurrent
 * runs) and keep their working data on their own stacks.
 */
public final class LstmDetector implements Detector {

  /** Trails per ONNX Runtime run: large enough to amortise the call, small enough for memory. */
  static final int TRAILS_PER_RUN = 2048;

  private final LstmModelSpec spec;
  private final SequenceEncoder encoder;
  private final FeatureExtractor extractor = FeatureExtractor.standard();
  private final OnnxSequenceScorer scorer;

  /**
   * Loads {@code model} and warms it up with one short sequence.
   *
   * @throws OrtException when ONNX Runtime cannot load or run the model
   */
  public LstmDetector(LstmModelSpec spec, Path model, OnnxRuntimeOptions options) throws OrtException {
    this.spec = spec;
    this.encoder = new SequenceEncoder(spec);
    this.scorer = new OnnxSequenceScorer(model, options);
    warmUp();
  }

  @Override
  public String name() {
    return LstmDetectorProvider.NAME;
  }

  @Override
  public String version() {
    return spec.version();
  }

  @Override
  public Thresholds thresholds() {
    return spec.thresholds();
  }

  /** The model description this detector serves. */
  public LstmModelSpec spec() {
    return spec;
  }

  @Override
  public ScoreTable score(List<ScanEvent> events) {
    ScoreTable table = new ScoreTable(events.size());
    Trails trails = Trails.group(events);
    for (int from = 0; from < trails.count(); from += TRAILS_PER_RUN) {
      int to = Math.min(trails.count(), from + TRAILS_PER_RUN);
      FeatureMatrix matrix = extractor.extract(trails, from, to);
      fill(table, encoder.encode(trails, matrix, from, to));
    }
    return table;
  }

  private void fill(ScoreTable table, SequenceBatch batch) {
    float[] probabilities = run(batch);
    int types = AnomalyType.COUNT;
    for (int s = 0; s < batch.count(); s++) {
      for (int t = 0; t < batch.lengths()[s]; t++) {
        int event = batch.eventAt(s, t);
        int offset = (s * batch.maxLength() + t) * types;
        for (AnomalyType type : AnomalyType.values()) {
          table.set(event, type, 100.0 * probabilities[offset + type.ordinal()]);
        }
      }
    }
  }

  private float[] run(SequenceBatch batch) {
    try {
      return scorer.probabilities(batch);
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime failed to score " + batch.count()
          + " sequences: " + e.getMessage(), e);
    }
  }

  private void warmUp() throws OrtException {
    int width = spec.featureCount();
    int steps = spec.maxLength();
    int[] events = new int[steps];
    java.util.Arrays.fill(events, -1);
    events[0] = 0;
    scorer.probabilities(new SequenceBatch(1, steps, width, new float[steps * width], new int[] {1}, events));
  }

  @Override
  public void close() {
    scorer.close();
  }
}
