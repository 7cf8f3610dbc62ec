package org.barcodeanomaly.lstm.data;

import java.util.Random;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.evaluation.data.LabelledEvents;
import org.barcodeanomaly.lstm.model.LstmModelSpec;
import org.barcodeanomaly.lstm.sequence.SequenceBatch;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Labelled sequences for training or evaluation: the inputs (as {@link SequenceBatch} lays them
 * out), a label per step and type, and for every step the index of its event in the
 * {@link LabelledEvents} it came from.
 *
 * <p>A prefix sequence repeats events of its full trail, so {@link #sourceEvent} may name an
 * event more than once. Immutable apart from {@link #flipLabels}, which makes a noisy copy.
 *
 * @param batch        inputs, lengths and padding
 * @param labels       {@code count × maxLength × 5}, zero on padding
 * @param sourceEvent  {@code count × maxLength} event index in the source data, -1 on padding
 * @param prefix       per sequence: whether it is a random prefix rather than a whole trail
 */
public record SequenceSet(SequenceBatch batch, float[] labels, int[] sourceEvent, boolean[] prefix) {

  /** Number of sequences. */
  public int count() {
    return batch.count();
  }

  /** Mean and standard deviation of every input column over the real steps. */
  public float[][] columnStatistics() {
    int width = batch.featureCount();
    double[] sum = new double[width];
    double[] sumSquares = new double[width];
    long steps = 0;
    for (int s = 0; s < batch.count(); s++) {
      for (int t = 0; t < batch.lengths()[s]; t++) {
        int offset = (s * batch.maxLength() + t) * width;
        for (int k = 0; k < width; k++) {
          double value = batch.inputs()[offset + k];
          sum[k] += value;
          sumSquares[k] += value * value;
        }
        steps++;
      }
    }
    float[] means = new float[width];
    float[] scales = new float[width];
    for (int k = 0; k < width; k++) {
      double mean = sum[k] / Math.max(1, steps);
      means[k] = (float) mean;
      scales[k] = (float) Math.sqrt(Math.max(0, sumSquares[k] / Math.max(1, steps) - mean * mean));
    }
    return new float[][] {means, scales};
  }

  /** A copy whose inputs are normalised as {@code spec} says (this set must hold raw values). */
  public SequenceSet normalised(LstmModelSpec spec) {
    float[] inputs = batch.inputs().clone();
    int width = batch.featureCount();
    for (int s = 0; s < batch.count(); s++) {
      for (int t = 0; t < batch.lengths()[s]; t++) {
        int offset = (s * batch.maxLength() + t) * width;
        for (int k = 0; k < width; k++) {
          inputs[offset + k] = spec.normalise(k, inputs[offset + k]);
        }
      }
    }
    return new SequenceSet(new SequenceBatch(batch.count(), batch.maxLength(), width, inputs,
        batch.lengths(), batch.eventIndex()), labels, sourceEvent, prefix);
  }

  /**
   * A copy in which each label of each real step is flipped with probability {@code rate}: the
   * label-noise experiment of the training report.
   */
  public SequenceSet withFlippedLabels(double rate, Random random) {
    float[] noisy = labels.clone();
    for (int s = 0; s < batch.count(); s++) {
      for (int t = 0; t < batch.lengths()[s]; t++) {
        int offset = (s * batch.maxLength() + t) * AnomalyType.COUNT;
        for (int k = 0; k < AnomalyType.COUNT; k++) {
          if (random.nextDouble() < rate) {
            noisy[offset + k] = 1f - noisy[offset + k];
          }
        }
      }
    }
    return new SequenceSet(batch, noisy, sourceEvent, prefix);
  }

  /**
   * Sequences {@code order[from..to)} as a DL4J minibatch: features {@code [n, features, steps]},
   * labels {@code [n, 5, steps]}, and the same {@code [n, steps]} mask for both (1 = real step).
   */
  public DataSet toDataSet(int[] order, int from, int to) {
    int n = to - from;
    int steps = batch.maxLength();
    int width = batch.featureCount();
    int types = AnomalyType.COUNT;
    float[] features = new float[n * width * steps];
    float[] targets = new float[n * types * steps];
    float[] mask = new float[n * steps];
    for (int i = 0; i < n; i++) {
      int s = order[from + i];
      for (int t = 0; t < batch.lengths()[s]; t++) {
        int in = (s * steps + t) * width;
        for (int k = 0; k < width; k++) {
          features[(i * width + k) * steps + t] = batch.inputs()[in + k];
        }
        int label = (s * steps + t) * types;
        for (int k = 0; k < types; k++) {
          targets[(i * types + k) * steps + t] = labels[label + k];
        }
        mask[i * steps + t] = 1f;
      }
    }
    var maskArray = Nd4j.create(mask, new long[] {n, steps}, 'c');
    return new DataSet(Nd4j.create(features, new long[] {n, width, steps}, 'c'),
        Nd4j.create(targets, new long[] {n, types, steps}, 'c'), maskArray, maskArray.dup());
  }
}
