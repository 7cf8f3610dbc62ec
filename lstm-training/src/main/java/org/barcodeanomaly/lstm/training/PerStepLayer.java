package org.barcodeanomaly.lstm.training;

import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLayer;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A SameDiff layer that works on each time step of recurrent {@code [batch, features, time]} data
 * on its own ({@link RecurrentLayerNorm}, {@link TimeStepDense}).
 *
 * <p>What that fixes for every such layer: it takes recurrent input as it is (no DL4J
 * preprocessor, which would reshape it to feed-forward rows, the failure these layers replace),
 * and since no step sees another, padding cannot leak into real steps, so the sequence mask passes
 * through unchanged to the layers after it.
 */
abstract class PerStepLayer extends SameDiffLayer {

  @Override
  public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
    return null;
  }

  @Override
  public Pair<INDArray, MaskState> feedForwardMaskArray(INDArray maskArray, MaskState currentMaskState,
      int minibatchSize) {
    return new Pair<>(maskArray, currentMaskState);
  }
}
