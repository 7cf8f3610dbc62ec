package org.barcodeanomaly.lstm.training;

import java.util.Map;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Layer normalisation (Ba et al. 2016) of recurrent output: each time step's feature vector is
 * centred and scaled to unit variance, then multiplied by a learned gain and shifted by a learned
 * bias. DL4J 1.0.0-M2.1 has no such layer for {@code [batch, features, time]} data.
 *
 * <p>{@code y = (x − mean) / sqrt(var + ε) · gain + bias}, mean and (biased) variance over the
 * feature axis; the same as ONNX's {@code LayerNormalization} on the last axis of
 * {@code [batch, time, features]}, which the exporter uses. Steps are independent, so padding
 * never leaks into real steps; the mask passes through unchanged.
 */
public final class RecurrentLayerNorm extends PerStepLayer {

  /** Parameter name of the gain. */
  public static final String GAIN = "gain";
  /** Parameter name of the bias. */
  public static final String BIAS = "bias";

  private long size;
  private double epsilon = 1e-5;

  /** For JSON deserialisation; {@link #setNIn} fills the size. */
  public RecurrentLayerNorm() {
  }

  /** Normalisation with variance floor {@code epsilon}. */
  public RecurrentLayerNorm(double epsilon) {
    this.epsilon = epsilon;
  }

  /** Features per step. */
  public long getSize() {
    return size;
  }

  /** For JSON deserialisation. */
  public void setSize(long size) {
    this.size = size;
  }

  /** Added to the variance before the square root. */
  public double getEpsilon() {
    return epsilon;
  }

  /** For JSON deserialisation. */
  public void setEpsilon(double epsilon) {
    this.epsilon = epsilon;
  }

  @Override
  public InputType getOutputType(int layerIndex, InputType inputType) {
    return inputType;
  }

  @Override
  public void setNIn(InputType inputType, boolean override) {
    if (size == 0 || override) {
      size = ((InputType.InputTypeRecurrent) inputType).getSize();
    }
  }

  @Override
  public void defineParameters(SDLayerParams params) {
    params.clear();
    params.addWeightParam(GAIN, 1, size, 1);
    params.addBiasParam(BIAS, 1, size, 1);
  }

  @Override
  public void initializeParameters(Map<String, INDArray> params) {
    params.get(GAIN).assign(1.0);
    params.get(BIAS).assign(0.0);
  }

  @Override
  public SDVariable defineLayer(SameDiff sameDiff, SDVariable input,
      Map<String, SDVariable> params, SDVariable mask) {
    SDVariable centred = input.sub(input.mean(true, 1));
    SDVariable variance = centred.mul(centred).mean(true, 1);
    SDVariable normalised = centred.div(sameDiff.math.sqrt(variance.add(epsilon)));
    return normalised.mul(params.get(GAIN)).add(params.get(BIAS));
  }
}
