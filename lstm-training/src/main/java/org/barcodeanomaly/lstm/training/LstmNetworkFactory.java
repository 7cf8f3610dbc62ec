package org.barcodeanomaly.lstm.training;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.rnn.ReverseTimeSeriesVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.SelfAttentionLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Builds the LSTM network, sequence to sequence: every step gets five sigmoid outputs.
 *
 * <p>Vertices, by the names the ONNX exporter reads: two bidirectional LSTM layers
 * ({@code lstm1f}/{@code lstm1b}, {@code lstm2f}/{@code lstm2b}, each direction concatenated
 * forward first), multi-head self-attention over the masked steps ({@value #ATTENTION}), layer
 * normalisation ({@value #NORM}), a dense ReLU head ({@value #DENSE}) and the sigmoid output
 * with focal loss ({@value #OUTPUT}).
 *
 * <p>Why not DL4J's {@code Bidirectional} wrapper: it reverses the whole padded sequence, so the
 * backward LSTM reads the padding before the real steps and padding changes real outputs
 * (measured: up to 0.23 on the first layer). Here the backward direction reverses only the
 * unmasked part ({@link ReverseTimeSeriesVertex}), which is also what ONNX's LSTM does with
 * {@code sequence_lens}.
 *
 * <p>The dense head is {@link TimeStepDense} (see there why not DL4J's dense layers).
 *
 * <p>Optimiser: Adam with a one-cycle learning rate and decoupled weight decay; gradients
 * clipped per layer at L2 norm 1 so the LSTMs stay stable.
 */
public final class LstmNetworkFactory {

  /** Network input (features, {@code [batch, features, steps]}) and the mask everything uses. */
  public static final String INPUT = "features";
  /** Attention vertex. */
  public static final String ATTENTION = "attention";
  /** Layer normalisation vertex. */
  public static final String NORM = "norm";
  /** Dense head vertex. */
  public static final String DENSE = "dense";
  /** Output vertex. */
  public static final String OUTPUT = "scores";

  private LstmNetworkFactory() {
  }

  /** Name of the forward LSTM of layer {@code layer} (1 or 2). */
  public static String forward(int layer) {
    return "lstm" + layer + "f";
  }

  /** Name of the backward LSTM of layer {@code layer} (1 or 2). */
  public static String backward(int layer) {
    return "lstm" + layer + "b";
  }

  /** A fresh, initialised network whose schedule spans {@code totalIterations} minibatches. */
  public static ComputationGraph create(NetworkSettings settings, int totalIterations) {
    ComputationGraphConfiguration.GraphBuilder graph = new NeuralNetConfiguration.Builder()
        .seed(settings.seed())
        .dataType(DataType.FLOAT)
        .weightInit(WeightInit.XAVIER)
        .updater(new Adam(new OneCycleSchedule(settings.maxLearningRate(), totalIterations, 0.3)))
        .weightDecay(settings.weightDecay(), true)
        .gradientNormalization(GradientNormalization.ClipL2PerLayer)
        .gradientNormalizationThreshold(1.0)
        .graphBuilder()
        .addInputs(INPUT)
        .setInputTypes(InputType.recurrent(settings.featureCount(), settings.maxLength()));
    String previous = INPUT;
    for (int layer = 1; layer <= 2; layer++) {
      previous = addBidirectional(graph, layer, previous, settings.hidden());
    }
    graph.addLayer(ATTENTION, new SelfAttentionLayer.Builder()
            .nOut(settings.attentionSize()).nHeads(settings.heads()).headSize(settings.headSize())
            .projectInput(true).build(), previous)
        .addLayer(NORM, new RecurrentLayerNorm(1e-5), ATTENTION)
        .addLayer(DENSE, new TimeStepDense(settings.dense()), NORM)
        .addLayer(OUTPUT, new RnnOutputLayer.Builder(
                new FocalLoss(settings.focalAlpha(), settings.focalGamma()))
            .nOut(5).activation(Activation.SIGMOID).build(), DENSE)
        .setOutputs(OUTPUT);
    ComputationGraph network = new ComputationGraph(graph.build());
    network.init();
    return network;
  }

  private static String addBidirectional(ComputationGraphConfiguration.GraphBuilder graph,
      int layer, String input, int hidden) {
    String reversedInput = "lstm" + layer + "ReversedInput";
    String reversedOutput = "lstm" + layer + "ReversedOutput";
    String merged = "lstm" + layer;
    graph.addLayer(forward(layer), lstm(hidden), input)
        .addVertex(reversedInput, new ReverseTimeSeriesVertex(INPUT), input)
        .addLayer(backward(layer), lstm(hidden), reversedInput)
        .addVertex(reversedOutput, new ReverseTimeSeriesVertex(INPUT), backward(layer))
        .addVertex(merged, new MergeVertex(), forward(layer), reversedOutput);
    return merged;
  }

  private static LSTM lstm(int hidden) {
    return new LSTM.Builder()
        .nOut(hidden)
        .activation(Activation.TANH)
        .gateActivationFunction(Activation.SIGMOID)
        .build();
  }
}
