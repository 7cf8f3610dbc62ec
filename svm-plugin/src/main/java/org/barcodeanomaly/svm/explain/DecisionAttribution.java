package org.barcodeanomaly.svm.explain;

import org.barcodeanomaly.svm.model.RbfDecisionFunction;

/**
 * Splits a one-class RBF SVM's decision value among the features: Integrated Gradients of the
 * {@link RbfDecisionFunction#logRatio log decision ratio} along the straight path from the training
 * events' centre (the scaled origin) to the event.
 *
 * <p>Why this method: the RBF decision function is not additive in its features, so "how far is
 * each feature from normal" alone does not say how much each moved the decision. Path integration
 * does, and its contributions add up to the whole difference (completeness) up to the quadrature
 * error of {@value #STEPS} midpoint steps; the gradient is exact (analytic), so no finite-difference
 * noise enters. Contributions are reported as the drop of the log ratio: positive pushed the event
 * out of the normal region. Immutable and thread-safe.
 */
public final class DecisionAttribution {

  /** Midpoint steps along the path. */
  public static final int STEPS = 128;

  private final RbfDecisionFunction decision;

  /** Attribution for {@code decision}. */
  public DecisionAttribution(RbfDecisionFunction decision) {
    this.decision = decision;
  }

  /**
   * The contribution of each feature of the scaled vector {@code x} to
   * {@code logRatio(0) − logRatio(x)}.
   */
  public double[] contributions(double[] x) {
    int dimensions = decision.dimensions();
    double[] point = new double[dimensions];
    double[] gradient = new double[dimensions];
    double[] integral = new double[dimensions];
    for (int step = 0; step < STEPS; step++) {
      double alpha = (step + 0.5) / STEPS;
      for (int k = 0; k < dimensions; k++) {
        point[k] = alpha * x[k];
      }
      decision.logRatioGradient(point, gradient);
      for (int k = 0; k < dimensions; k++) {
        integral[k] += gradient[k];
      }
    }
    double[] contributions = new double[dimensions];
    for (int k = 0; k < dimensions; k++) {
      contributions[k] = -x[k] * integral[k] / STEPS;
    }
    return contributions;
  }
}
