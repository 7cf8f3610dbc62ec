package org.barcodeanomaly.lstm.training;

import java.util.Map;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.weights.WeightInitUtil;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A dense ReLU layer applied to every time step of recurrent data on its own:
 * {@code y[:, :, t] = relu(x[:, :, t] · W + b)} with {@code W [nIn, nOut]}, {@code b [nOut]}.
 *
 * <p>Why not DL4J's own: a plain {@code DenseLayer} after a recurrent layer gets DL4J's
 * recurrent-to-feed-forward preprocessors, which failed with "New shape length doesn't match"
 * when the validation batch size differed from the last training batch; {@code TimeDistributed}
 * over NCW data gave outputs that depended on the other sequences of the batch (0.40 apart).
 * This layer has neither problem, and maps to ONNX as MatMul, Add, Relu. It needs the fixed
 * sequence length of the network's input type, which training and DL4J evaluation always pad to.
 */
public final class TimeStepDense extends PerStepLayer {

  /** Parameter name of the weights. */
  public static final String WEIGHTS = "W";
  /** Parameter name of the bias. */
  public static final String BIAS = "b";

  private long nIn;
  private long nOut;
  private long steps;

  /** For JSON deserialisation. */
  public TimeStepDense() {
  }

  /** A layer of {@code nOut} units; {@code nIn} comes from the previous layer. */
  public TimeStepDense(long nOut) {
    this.nOut = nOut;
  }

  /** Inputs per step. */
  public long getNIn() {
    return nIn;
  }

  /** For JSON deserialisation. */
  public void setNIn(long nIn) {
    this.nIn = nIn;
  }

  /** Units. */
  public long getNOut() {
    return nOut;
  }

  /** For JSON deserialisation. */
  public void setNOut(long nOut) {
    this.nOut = nOut;
  }

  /** Steps per sequence (fixed: DL4J always sees sequences padded to the model's length). */
  public long getSteps() {
    return steps;
  }

  /** For JSON deserialisation. */
  public void setSteps(long steps) {
    this.steps = steps;
  }

  @Override
  public InputType getOutputType(int layerIndex, InputType inputType) {
    InputType.InputTypeRecurrent recurrent = (InputType.InputTypeRecurrent) inputType;
    return InputType.recurrent(nOut, recurrent.getTimeSeriesLength());
  }

  @Override
  public void setNIn(InputType inputType, boolean override) {
    InputType.InputTypeRecurrent recurrent = (InputType.InputTypeRecurrent) inputType;
    if (nIn == 0 || override) {
      nIn = recurrent.getSize();
      steps = recurrent.getTimeSeriesLength();
    }
  }

  @Override
  public void defineParameters(SDLayerParams params) {
    params.clear();
    params.addWeightParam(WEIGHTS, nIn, nOut);
    params.addBiasParam(BIAS, 1, nOut);
  }

  @Override
  public void initializeParameters(Map<String, INDArray> params) {
    WeightInitUtil.initWeights(nIn, nOut, new long[] {nIn, nOut}, WeightInit.RELU, null, 'c',
        params.get(WEIGHTS));
    params.get(BIAS).assign(0.0);
  }

  @Override
  public SDVariable defineLayer(SameDiff sameDiff, SDVariable input,
      Map<String, SDVariable> params, SDVariable mask) {
    // [B, C, T] → rows of [B·T, C], one matrix product, back to [B, D, T]. (tensorMmul's
    // gradient op rejects these shapes in M2.1.)
    SDVariable rows = sameDiff.reshape(sameDiff.permute(input, 0, 2, 1), -1, nIn);
    SDVariable activated = sameDiff.nn.relu(rows.mmul(params.get(WEIGHTS)).add(params.get(BIAS)), 0);
    return sameDiff.permute(sameDiff.reshape(activated, -1, steps, nOut), 0, 2, 1);
  }
}
