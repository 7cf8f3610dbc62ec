package org.barcodeanomaly.lstm.training;

import java.util.HashSet;
import java.util.Set;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.evaluation.data.LabelledEvents;
import org.barcodeanomaly.lstm.data.SequenceSet;
import org.barcodeanomaly.lstm.eval.EventScores;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Runs a DL4J network over a {@link SequenceSet} and collects the scores (0–100) and labels of
 * every real step, in sequence order. Used for validation during training and for the held-out
 * report; serving uses ONNX Runtime instead.
 */
public final class Predictor {

  private static final int BATCH = 512;

  private Predictor() {
  }

  /** Scores of every real step of {@code set}. */
  public static EventScores scores(ComputationGraph network, SequenceSet set) {
    int steps = set.batch().maxLength();
    int types = AnomalyType.COUNT;
    int events = set.batch().eventCount();
    float[] scores = new float[events * types];
    float[] labels = new float[events * types];
    int[] order = identity(set.count());
    int row = 0;
    for (int from = 0; from < set.count(); from += BATCH) {
      int to = Math.min(set.count(), from + BATCH);
      DataSet data = set.toDataSet(order, from, to);
      INDArray out = network.output(false, new INDArray[] {data.getFeatures()},
          new INDArray[] {data.getFeaturesMaskArray()})[0];
      for (int s = from; s < to; s++) {
        for (int t = 0; t < set.batch().lengths()[s]; t++) {
          for (int k = 0; k < types; k++) {
            scores[row * types + k] = 100f * out.getFloat(s - from, k, t);
            labels[row * types + k] = set.labels()[(s * steps + t) * types + k];
          }
          row++;
        }
      }
    }
    return new EventScores(scores, labels);
  }

  /**
   * Per event of {@code set}, in the order of {@link #scores}: whether its EPC carries no label of
   * any type in {@code data}, i.e. the event belongs to an anomaly-free trail. What a threshold
   * policy counts false alerts on. (By EPC, not by sequence: a long trail is cut into windows, and
   * the anomaly's neighbour may sit in a window without the anomaly.)
   */
  public static boolean[] anomalyFreeEvents(SequenceSet set, LabelledEvents data) {
    Set<String> labelledEpcs = new HashSet<>();
    for (int i = 0; i < data.size(); i++) {
      if (data.anyLabel(i)) {
        labelledEpcs.add(data.events().get(i).epcCode());
      }
    }
    int steps = set.batch().maxLength();
    boolean[] free = new boolean[set.batch().eventCount()];
    int row = 0;
    for (int s = 0; s < set.count(); s++) {
      for (int t = 0; t < set.batch().lengths()[s]; t++) {
        int source = set.sourceEvent()[s * steps + t];
        free[row++] = source >= 0 && !labelledEpcs.contains(data.events().get(source).epcCode());
      }
    }
    return free;
  }

  /** Mean focal loss per sequence of {@code set}. */
  public static double loss(ComputationGraph network, SequenceSet set) {
    int[] order = identity(set.count());
    double total = 0;
    for (int from = 0; from < set.count(); from += BATCH) {
      int to = Math.min(set.count(), from + BATCH);
      total += network.score(set.toDataSet(order, from, to), false) * (to - from);
    }
    return total / Math.max(1, set.count());
  }

  static int[] identity(int n) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    return order;
  }
}
