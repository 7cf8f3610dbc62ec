package org.barcodeanomaly.lstm.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.barcodeanomaly.api.detector.Thresholds;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.event.ScanEvent;
import org.barcodeanomaly.features.Feature;
import org.barcodeanomaly.features.FeatureExtractor;
import org.barcodeanomaly.features.FeatureMatrix;
import org.barcodeanomaly.features.Trails;
import org.barcodeanomaly.lstm.model.LstmModelSpec;
import org.barcodeanomaly.lstm.sequence.SequenceBatch;
import org.barcodeanomaly.lstm.sequence.SequenceEncoder;

/**
 * Builds {@link SequenceSet}s from labelled trails: each trail as a whole and, for training, one
 * random proper prefix of it, so the network also learns to score a trail that is still growing
 * (streaming). Features of a prefix are computed from the prefix alone, exactly as serving sees
 * a partial trail. Values are raw (unnormalised) until {@link SequenceSet#normalised}.
 */
public final class SequenceSetBuilder {

  private final FeatureExtractor extractor;
  private final SequenceEncoder rawEncoder;

  /** A builder computing {@code features} into sequences of at most {@code maxLength}. */
  public SequenceSetBuilder(FeatureExtractor extractor, List<Feature> features, int maxLength) {
    this.extractor = extractor;
    float[] zeros = new float[features.size()];
    float[] ones = new float[features.size()];
    Arrays.fill(ones, 1f);
    this.rawEncoder = new SequenceEncoder(new LstmModelSpec("raw", maxLength, features, zeros, ones,
        Thresholds.uniform(50)));
  }

  /**
   * Sequences of the trails {@code trailIds} of {@code trails} (grouped from {@code data.events()}).
   *
   * @param prefixes whether to add one random prefix per trail of two or more events
   * @param random   draws the prefix lengths; seeded by the caller
   */
  public SequenceSet build(LabelledEvents data, Trails trails, int[] trailIds, boolean prefixes,
      Random random) {
    Accumulator out = new Accumulator(rawEncoder.spec().maxLength(), rawEncoder.spec().featureCount());
    for (int trail : trailIds) {
      List<ScanEvent> events = new ArrayList<>(trails.length(trail));
      int[] source = new int[trails.length(trail)];
      for (int p = trails.start(trail); p < trails.end(trail); p++) {
        source[p - trails.start(trail)] = trails.eventIndex(p);
        events.add(trails.eventAt(p));
      }
      add(out, data, events, source, false);
      if (prefixes && events.size() >= 2) {
        int length = 1 + random.nextInt(events.size() - 1);
        add(out, data, events.subList(0, length), source, true);
      }
    }
    return out.toSet();
  }

  private void add(Accumulator out, LabelledEvents data, List<ScanEvent> events, int[] source,
      boolean prefix) {
    Trails own = Trails.group(events);
    FeatureMatrix matrix = extractor.extract(own, 0, own.count());
    SequenceBatch batch = rawEncoder.encode(own, matrix, 0, own.count());
    for (int s = 0; s < batch.count(); s++) {
      out.add(batch, s, source, data, prefix);
    }
  }

  /** Growable arrays of sequences. */
  private static final class Accumulator {
    private final int steps;
    private final int width;
    private int count;
    private float[] inputs = new float[0];
    private float[] labels = new float[0];
    private int[] lengths = new int[0];
    private int[] eventIndex = new int[0];
    private int[] sourceEvent = new int[0];
    private boolean[] prefix = new boolean[0];

    Accumulator(int steps, int width) {
      this.steps = steps;
      this.width = width;
    }

    void add(SequenceBatch batch, int s, int[] source, LabelledEvents data, boolean isPrefix) {
      ensureCapacity(count + 1);
      System.arraycopy(batch.inputs(), s * steps * width, inputs, count * steps * width, steps * width);
      lengths[count] = batch.lengths()[s];
      prefix[count] = isPrefix;
      for (int t = 0; t < steps; t++) {
        int local = batch.eventAt(s, t);
        int global = local < 0 ? -1 : source[local];
        eventIndex[count * steps + t] = global;
        sourceEvent[count * steps + t] = global;
        if (global >= 0) {
          System.arraycopy(data.labels(), global * AnomalyType.COUNT, labels,
              (count * steps + t) * AnomalyType.COUNT, AnomalyType.COUNT);
        }
      }
      count++;
    }

    private void ensureCapacity(int needed) {
      if (needed <= lengths.length) {
        return;
      }
      int capacity = Math.max(64, lengths.length * 2);
      inputs = Arrays.copyOf(inputs, capacity * steps * width);
      labels = Arrays.copyOf(labels, capacity * steps * AnomalyType.COUNT);
      lengths = Arrays.copyOf(lengths, capacity);
      eventIndex = Arrays.copyOf(eventIndex, capacity * steps);
      sourceEvent = Arrays.copyOf(sourceEvent, capacity * steps);
      prefix = Arrays.copyOf(prefix, capacity);
    }

    SequenceSet toSet() {
      SequenceBatch batch = new SequenceBatch(count, steps, width,
          Arrays.copyOf(inputs, count * steps * width), Arrays.copyOf(lengths, count),
          Arrays.copyOf(eventIndex, count * steps));
      return new SequenceSet(batch, Arrays.copyOf(labels, count * steps * AnomalyType.COUNT),
          Arrays.copyOf(sourceEvent, count * steps), Arrays.copyOf(prefix, count));
    }
  }
}
