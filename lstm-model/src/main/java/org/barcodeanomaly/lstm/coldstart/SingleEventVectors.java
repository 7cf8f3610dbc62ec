package org.barcodeanomaly.lstm.coldstart;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.barcodeanomaly.api.event.ScanEvent;
import org.barcodeanomaly.features.Feature;
import org.barcodeanomaly.features.FeatureExtractor;
import org.barcodeanomaly.features.Trails;
import org.barcodeanomaly.lstm.model.LstmModelSpec;
import org.barcodeanomaly.lstm.sequence.SequenceBatch;
import org.barcodeanomaly.lstm.sequence.SequenceEncoder;

/**
 * The cold-start vector of an event: its normalised model features computed as if it were the
 * only event of its EPC (the network's input when serving sees that event alone), without the
 * clock features ({@link #CLOCK}).
 *
 * <p>The clock is left out because the time of day or week of one scan is no evidence of any
 * anomaly type, while simulated scans fall on few distinct hours: with it, a normal first scan at
 * an hour the training data never used lay outside the normal neighbourhood. What remains is
 * what one event can show: EPC structure, location, step and type consistency, manufacture lead.
 *
 * <p>Index building and serving must agree on this vector, so both take it from here (serving
 * reads the same values from its encoded batch, see {@link #ofStep}). Thread-safe.
 */
public final class SingleEventVectors {

  /** Model features left out of the vector. */
  public static final Set<Feature> CLOCK = Collections.unmodifiableSet(EnumSet.of(
      Feature.HOUR_SIN, Feature.HOUR_COS, Feature.DAY_OF_WEEK_SIN, Feature.DAY_OF_WEEK_COS));

  private final FeatureExtractor extractor = FeatureExtractor.standard();
  private final SequenceEncoder encoder;
  /** Model input columns kept in the vector, in model order. */
  private final int[] columns;

  /** Vectors in the feature space of {@code spec}. */
  public SingleEventVectors(LstmModelSpec spec) {
    this.encoder = new SequenceEncoder(spec);
    List<Feature> features = spec.features();
    this.columns = IntStream.range(0, features.size())
        .filter(k -> !CLOCK.contains(features.get(k))).toArray();
  }

  /** Length of every vector. */
  public int dimensions() {
    return columns.length;
  }

  /**
   * One vector per event of {@code events}, in order, each computed from that event alone (events
   * of the same EPC are encoded in separate passes, so none sees another as its history).
   */
  public List<float[]> of(List<ScanEvent> events) {
    List<List<Integer>> passes = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < events.size(); i++) {
      int pass = seen.merge(events.get(i).epcCode(), 1, Integer::sum) - 1;
      if (pass == passes.size()) {
        passes.add(new ArrayList<>());
      }
      passes.get(pass).add(i);
    }
    float[][] vectors = new float[events.size()][];
    for (List<Integer> pass : passes) {
      List<ScanEvent> alone = new ArrayList<>(pass.size());
      pass.forEach(i -> alone.add(events.get(i)));
      Trails trails = Trails.group(alone);
      SequenceBatch batch = encoder.encode(trails, extractor.extract(trails, 0, trails.count()), 0, trails.count());
      for (int s = 0; s < batch.count(); s++) {
        vectors[pass.get(batch.eventAt(s, 0))] = ofStep(batch, s, 0);
      }
    }
    return Arrays.asList(vectors);
  }

  /** The input vector of step {@code step} of sequence {@code sequence} of {@code batch}. */
  public float[] ofStep(SequenceBatch batch, int sequence, int step) {
    int offset = (sequence * batch.maxLength() + step) * batch.featureCount();
    float[] vector = new float[columns.length];
    for (int k = 0; k < columns.length; k++) {
      vector[k] = batch.inputs()[offset + columns[k]];
    }
    return vector;
  }
}
