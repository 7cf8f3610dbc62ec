package org.barcodeanomaly.lstm.attribution;

import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.lstm.sequence.SequenceBatch;
import org.barcodeanomaly.lstm.training.LstmNetworkFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.samediff.AbstractSameDiffLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Integrated Gradients (Sundararajan et al. 2017) of one output of the LSTM, over every event and
 * feature of its window: {@code IGᵢ = xᵢ · mean over α of ∂p(α·x)/∂xᵢ}, on the straight path from the
 * baseline (every input at its training mean, 0 after normalisation) to the window, with
 * {@code steps} midpoint points evaluated as one minibatch. Completeness: the attributions sum to
 * {@code p(x) − p(baseline)} up to the quadrature error; as the paper advises, an attribution whose
 * error exceeds {@value #COMPLETENESS_TOLERANCE} is computed again with {@value #REFINEMENT} times
 * the points, up to {@value #MAX_REFINEMENT} times (a saturated sigmoid makes a few paths steep).
 *
 * <p>The gradient comes from DL4J's own backpropagation: a copy of the network whose output layer's
 * loss is replaced by the selected output itself ({@link SelectedOutputLoss}), with an
 * {@link InputTapVertex} in front of each vertex that reads the input, so the epsilons reaching the
 * taps add up to {@code ∂p/∂x}. One correction: DL4J 1.0.0-M2.1's SameDiff layers pass back twice
 * the input gradient (measured per layer against central differences: {@code TimeStepDense},
 * {@code RecurrentLayerNorm} and {@code SelfAttentionLayer} each 2.000, DL4J's LSTM 1.000), and
 * every path from input to output crosses each of them once, so the tapped gradient is divided by
 * 2 per SameDiff layer; the finite-difference test on the bundled model holds the result. The served
 * network is not touched. Not thread-safe (the copy holds the last pass); one per thread.
 */
public final class IntegratedGradients {

  /** Largest completeness error accepted before the path is refined (the paper's 5 %). */
  public static final double COMPLETENESS_TOLERANCE = 0.05;
  /** Factor by which the path points grow for an attribution that is not complete enough. */
  static final int REFINEMENT = 4;
  /** Most refinement: up to this many times the starting points. */
  static final int MAX_REFINEMENT = 64;
  /** Targets attributed per backward pass at the starting points. */
  static final int TARGETS_PER_PASS = 16;
  /** Default path points: the paper's 50 and more. */
  public static final int DEFAULT_STEPS = 64;

  /** Name prefix of the tap vertices in the copy. */
  private static final String TAP = "inputGradientTap";

  private final ComputationGraph network;
  private final int steps;
  private final double sameDiffCorrection;

  /**
   * Attribution for {@code network} (copied) with {@code steps} path points.
   *
   * @throws IllegalArgumentException when {@code steps} is below 1
   */
  public IntegratedGradients(ComputationGraph network, int steps) {
    if (steps < 1) {
      throw new IllegalArgumentException("Integrated Gradients needs at least 1 path step, was " + steps);
    }
    this.steps = steps;
    this.network = tapped(network);
    this.sameDiffCorrection = sameDiffCorrection(network);
    ((BaseOutputLayer) this.network.getLayer(LstmNetworkFactory.OUTPUT).conf().getLayer())
        .setLossFn(new SelectedOutputLoss());
  }

  /** {@code 2^-k} for the {@code k} SameDiff layers of {@code network} (see the class comment). */
  private static double sameDiffCorrection(ComputationGraph network) {
    double correction = 1;
    for (org.deeplearning4j.nn.api.Layer layer : network.getLayers()) {
      if (layer.conf().getLayer() instanceof AbstractSameDiffLayer) {
        correction /= 2;
      }
    }
    return correction;
  }

  /**
   * A copy of {@code network} with an {@link InputTapVertex} between its input and the vertices
   * that read it, the same parameters, and no workspaces (the tap keeps an array past the pass).
   */
  private static ComputationGraph tapped(ComputationGraph network) {
    ComputationGraphConfiguration conf = network.getConfiguration().clone();
    conf.setTrainingWorkspaceMode(WorkspaceMode.NONE);
    conf.setInferenceWorkspaceMode(WorkspaceMode.NONE);
    List<String> taps = new ArrayList<>();
    for (Map.Entry<String, List<String>> inputs : new ArrayList<>(conf.getVertexInputs().entrySet())) {
      List<String> rewired = new ArrayList<>(inputs.getValue());
      for (int k = 0; k < rewired.size(); k++) {
        if (rewired.get(k).equals(LstmNetworkFactory.INPUT)) {
          String tap = TAP + taps.size();
          taps.add(tap);
          rewired.set(k, tap);
        }
      }
      conf.getVertexInputs().put(inputs.getKey(), rewired);
    }
    for (String tap : taps) {
      conf.getVertices().put(tap, new InputTapVertex());
      conf.getVertexInputs().put(tap, List.of(LstmNetworkFactory.INPUT));
    }
    ComputationGraph copy = new ComputationGraph(conf);
    copy.init();
    for (org.deeplearning4j.nn.api.Layer layer : network.getLayers()) {
      copy.getLayer(layer.conf().getLayer().getLayerName()).setParamTable(layer.paramTable());
    }
    return copy;
  }

  /** The attribution of one output, the output at the window and at the baseline, and the path points used. */
  public record Attribution(float[] byStepAndFeature, double value, double baseline, int pathSteps) {

    /** The sum of all attributions: by completeness, about {@code value − baseline}. */
    public double sum() {
      double sum = 0;
      for (float a : byStepAndFeature) {
        sum += a;
      }
      return sum;
    }

    /** The relative completeness error {@code |sum − (value − baseline)| / |value − baseline|}. */
    public double completenessError() {
      double difference = value - baseline;
      return Math.abs(sum() - difference) / Math.max(1e-12, Math.abs(difference));
    }
  }

  /** What to attribute: the probability of {@code type} at {@code step} of window {@code sequence}. */
  public record Target(int sequence, int step, AnomalyType type) { }

  /**
   * Attributes each target's output over the events and features of its window, a few targets per
   * backward pass ({@value #TARGETS_PER_PASS} × {@code steps} path points in one minibatch: each
   * point's gradient depends on its own output only).
   *
   * @param windows normalised windows, as the sequence encoder writes them
   * @return one attribution per target, in order; each {@code [step][feature]}, padded steps 0
   */
  public List<Attribution> attribute(SequenceBatch windows, List<Target> targets) {
    List<Attribution> out = new ArrayList<>(attributeWith(windows, targets, steps));
    for (int pathSteps = steps * REFINEMENT; pathSteps <= steps * MAX_REFINEMENT; pathSteps *= REFINEMENT) {
      List<Integer> incomplete = new ArrayList<>();
      for (int i = 0; i < out.size(); i++) {
        if (out.get(i).completenessError() > COMPLETENESS_TOLERANCE) {
          incomplete.add(i);
        }
      }
      if (incomplete.isEmpty()) {
        break;
      }
      List<Target> again = incomplete.stream().map(targets::get).toList();
      List<Attribution> refined = attributeWith(windows, again, pathSteps);
      for (int k = 0; k < incomplete.size(); k++) {
        out.set(incomplete.get(k), refined.get(k));
      }
    }
    return out;
  }

  private List<Attribution> attributeWith(SequenceBatch windows, List<Target> targets, int steps) {
    int features = windows.featureCount();
    int maxLength = windows.maxLength();
    List<Attribution> out = new ArrayList<>(targets.size());
    int perPass = Math.max(1, TARGETS_PER_PASS * this.steps / steps);
    for (int from = 0; from < targets.size(); from += perPass) {
      List<Target> chunk = targets.subList(from, Math.min(targets.size(), from + perPass));
      int examples = chunk.size() * steps;
      float[] path = new float[examples * features * maxLength];
      float[] valid = new float[examples * maxLength];
      float[] selected = new float[examples * AnomalyType.COUNT * maxLength];
      for (int c = 0; c < chunk.size(); c++) {
        Target target = chunk.get(c);
        int length = windows.lengths()[target.sequence()];
        for (int k = 0; k < steps; k++) {
          int example = c * steps + k;
          float alpha = (k + 0.5f) / steps;
          for (int t = 0; t < length; t++) {
            valid[example * maxLength + t] = 1;
            for (int f = 0; f < features; f++) {
              path[(example * features + f) * maxLength + t] = alpha * input(windows, target.sequence(), t, f);
            }
          }
          selected[(example * AnomalyType.COUNT + target.type().ordinal()) * maxLength + target.step()] = 1;
        }
      }
      INDArray inputs = Nd4j.create(path, new long[] {examples, features, maxLength}, 'c');
      INDArray mask = Nd4j.create(valid, new long[] {examples, maxLength}, 'c');
      INDArray select = Nd4j.create(selected, new long[] {examples, AnomalyType.COUNT, maxLength}, 'c');
      INDArray gradients = gradient(inputs, mask, select);
      double[] values = outputs(windows, chunk, false);
      double[] baselines = outputs(windows, chunk, true);
      for (int c = 0; c < chunk.size(); c++) {
        Target target = chunk.get(c);
        INDArray mean = gradients.get(NDArrayIndex.interval(c * steps, (c + 1) * steps), NDArrayIndex.all(),
            NDArrayIndex.all()).mean(0);
        float[] attribution = new float[maxLength * features];
        for (int t = 0; t < windows.lengths()[target.sequence()]; t++) {
          for (int f = 0; f < features; f++) {
            attribution[t * features + f] = input(windows, target.sequence(), t, f) * mean.getFloat(f, t);
          }
        }
        out.add(new Attribution(attribution, values[c], baselines[c], steps));
      }
    }
    return out;
  }

  private static float input(SequenceBatch windows, int sequence, int step, int feature) {
    return windows.inputs()[(sequence * windows.maxLength() + step) * windows.featureCount() + feature];
  }

  /** Each target's probability at its window ({@code baseline}: at the all-mean window). */
  private double[] outputs(SequenceBatch windows, List<Target> chunk, boolean baseline) {
    int features = windows.featureCount();
    int maxLength = windows.maxLength();
    INDArray inputs = Nd4j.zeros(DataType.FLOAT, chunk.size(), features, maxLength);
    INDArray mask = Nd4j.zeros(DataType.FLOAT, chunk.size(), maxLength);
    for (int c = 0; c < chunk.size(); c++) {
      int sequence = chunk.get(c).sequence();
      for (int t = 0; t < windows.lengths()[sequence]; t++) {
        mask.putScalar(c, t, 1);
        for (int f = 0; f < features && !baseline; f++) {
          inputs.putScalar(new long[] {c, f, t}, input(windows, sequence, t, f));
        }
      }
    }
    INDArray out = network.output(false, new INDArray[] {inputs}, new INDArray[] {mask})[0];
    double[] values = new double[chunk.size()];
    for (int c = 0; c < chunk.size(); c++) {
      values[c] = out.getDouble(c, chunk.get(c).type().ordinal(), chunk.get(c).step());
    }
    return values;
  }

  /**
   * {@code ∂p/∂input} for each example of {@code inputs} ({@code [batch, features, steps]}), where
   * {@code p} is the output its row of {@code select} ({@code [batch, 5, steps]}, one-hot) picks:
   * what the finite-difference test checks.
   */
  public INDArray gradient(INDArray inputs, INDArray mask, INDArray select) {
    network.setInputs(inputs);
    network.setLabels(select);
    network.setLayerMaskArrays(new INDArray[] {mask}, new INDArray[] {mask});
    network.computeGradientAndScore();
    INDArray epsilon = null;
    for (org.deeplearning4j.nn.graph.vertex.GraphVertex vertex : network.getVertices()) {
      if (vertex instanceof InputTapVertex.Tap tap && tap.captured() != null) {
        epsilon = epsilon == null ? tap.captured().dup() : epsilon.addi(tap.captured());
      }
    }
    network.clearLayerMaskArrays();
    if (epsilon == null) {
      throw new IllegalStateException("DL4J gave no gradient at the network input; Integrated Gradients needs it");
    }
    return epsilon.muli(sameDiffCorrection);
  }

  /** The network's probabilities {@code [batch, 5, steps]} for {@code inputs}, as it serves them. */
  public INDArray outputs(INDArray inputs, INDArray mask) {
    return network.output(false, new INDArray[] {inputs}, new INDArray[] {mask})[0];
  }
}
