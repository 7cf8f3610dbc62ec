package org.barcodeanomaly.lstm.training;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.LossUtil;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Binary focal loss (Lin et al. 2017) for independent sigmoid outputs: the rare anomaly types
 * would otherwise be drowned by the easy normal events.
 *
 * <p>Per output with probability {@code p} and label {@code y}:
 * {@code −α·y·(1−p)^γ·ln p − (1−α)·(1−y)·p^γ·ln(1−p)}; {@code γ = 0, α = 0.5} is half the binary
 * cross-entropy. Probabilities are clipped to {@code [1e-7, 1 − 1e-7]} so the log stays finite.
 * The gradient is taken with respect to the probability and passed back through the layer's
 * activation, so the loss works with any output activation that yields probabilities. Masked
 * outputs (padding) contribute neither score nor gradient.
 *
 * <p>No-argument constructor and setters exist for DL4J's JSON serialisation of the network.
 */
public final class FocalLoss implements ILossFunction {

  private static final long serialVersionUID = 1L;
  private static final double CLIP = 1e-7;

  private double alpha = 0.25;
  private double gamma = 2.0;

  /** The defaults of the paper: {@code α = 0.25, γ = 2}. */
  public FocalLoss() {
  }

  /** A loss with the given balance {@code alpha} (weight of positives) and focus {@code gamma}. */
  public FocalLoss(double alpha, double gamma) {
    if (!(alpha > 0 && alpha < 1) || gamma < 0) {
      throw new IllegalArgumentException("focal loss needs 0 < alpha < 1 and gamma >= 0, was alpha="
          + alpha + " gamma=" + gamma);
    }
    this.alpha = alpha;
    this.gamma = gamma;
  }

  /** Weight of the positive class. */
  public double getAlpha() {
    return alpha;
  }

  /** For JSON deserialisation. */
  public void setAlpha(double alpha) {
    this.alpha = alpha;
  }

  /** Focusing exponent. */
  public double getGamma() {
    return gamma;
  }

  /** For JSON deserialisation. */
  public void setGamma(double gamma) {
    this.gamma = gamma;
  }

  @Override
  public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn,
      INDArray mask, boolean average) {
    double score = elementLoss(labels, preOutput, activationFn, mask).sumNumber().doubleValue();
    return average ? score / labels.size(0) : score;
  }

  @Override
  public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn,
      INDArray mask) {
    return elementLoss(labels, preOutput, activationFn, mask).sum(true, 1);
  }

  @Override
  public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn,
      INDArray mask) {
    INDArray p = probabilities(preOutput, activationFn);
    INDArray q = p.rsub(1.0);
    INDArray logP = Transforms.log(p, true);
    INDArray logQ = Transforms.log(q, true);
    // y = 1: d/dp [−α(1−p)^γ ln p] = α[γ(1−p)^(γ−1) ln p − (1−p)^γ / p]
    INDArray positive = Transforms.pow(q, gamma - 1, true).muli(logP).muli(gamma)
        .subi(Transforms.pow(q, gamma, true).divi(p)).muli(alpha);
    // y = 0: d/dp [−(1−α)p^γ ln(1−p)] = (1−α)[p^γ / (1−p) − γ p^(γ−1) ln(1−p)]
    INDArray negative = Transforms.pow(p, gamma, true).divi(q)
        .subi(Transforms.pow(p, gamma - 1, true).muli(logQ).muli(gamma)).muli(1 - alpha);
    INDArray dLdp = positive.muli(labels).addi(negative.muli(labels.rsub(1.0)));
    INDArray gradient = activationFn.backprop(preOutput.dup(), dLdp).getFirst();
    if (mask != null) {
      LossUtil.applyMask(gradient, mask);
    }
    return gradient;
  }

  @Override
  public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput,
      IActivation activationFn, INDArray mask, boolean average) {
    return new Pair<>(computeScore(labels, preOutput, activationFn, mask, average),
        computeGradient(labels, preOutput, activationFn, mask));
  }

  /** The loss of every output, masked; same shape as {@code labels}. */
  INDArray elementLoss(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
    INDArray p = probabilities(preOutput, activationFn);
    INDArray q = p.rsub(1.0);
    INDArray positive = Transforms.pow(q, gamma, true).muli(Transforms.log(p, true))
        .muli(labels).muli(-alpha);
    INDArray negative = Transforms.pow(p, gamma, true).muli(Transforms.log(q, true))
        .muli(labels.rsub(1.0)).muli(-(1 - alpha));
    INDArray loss = positive.addi(negative);
    if (mask != null) {
      LossUtil.applyMask(loss, mask);
    }
    return loss;
  }

  private static INDArray probabilities(INDArray preOutput, IActivation activationFn) {
    INDArray p = activationFn.getActivation(preOutput.dup(), true);
    return Transforms.min(Transforms.max(p, CLIP, false), 1 - CLIP, false);
  }

  @Override
  public String name() {
    return "FocalLoss(alpha=" + alpha + ",gamma=" + gamma + ")";
  }

  @Override
  public String toString() {
    return name();
  }
}
