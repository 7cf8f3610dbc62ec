package org.barcodeanomaly.lstm.attribution;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.LossUtil;

/**
 * A "loss" that is the selected outputs themselves, {@code L = Σ labels ⊙ p}: with the labels a
 * one-hot selection of (type, step), backpropagating it gives DL4J's input epsilon
 * {@code ∂p(type, step) / ∂input}, the gradient Integrated Gradients integrates. Never trained with.
 */
final class SelectedOutputLoss implements ILossFunction {

  private static final long serialVersionUID = 1L;

  @Override
  public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask,
      boolean average) {
    double score = computeScoreArray(labels, preOutput, activationFn, mask).sumNumber().doubleValue();
    return average ? score / labels.size(0) : score;
  }

  @Override
  public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
    INDArray selected = activationFn.getActivation(preOutput.dup(), false).muli(labels);
    if (mask != null) {
      LossUtil.applyMask(selected, mask);
    }
    return selected.sum(true, 1);
  }

  @Override
  public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
    INDArray gradient = activationFn.backprop(preOutput.dup(), labels.dup()).getFirst();
    if (mask != null) {
      LossUtil.applyMask(gradient, mask);
    }
    return gradient;
  }

  @Override
  public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput, IActivation activationFn,
      INDArray mask, boolean average) {
    return new Pair<>(computeScore(labels, preOutput, activationFn, mask, average),
        computeGradient(labels, preOutput, activationFn, mask));
  }

  @Override
  public String name() {
    return "SelectedOutput";
  }

  @Override
  public String toString() {
    return name();
  }
}
