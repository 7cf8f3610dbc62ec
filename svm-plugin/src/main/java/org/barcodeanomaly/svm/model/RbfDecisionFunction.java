package org.barcodeanomaly.svm.model;

import java.util.HashMap;
import java.util.Map;
import libsvm.svm_model;
import libsvm.svm_node;
import libsvm.svm_parameter;
import org.barcodeanomaly.features.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.anomaly.Event;
import org.tribuo.common.libsvm.LibSVMModel;

/**
 * The decision function of a trained one-class RBF SVM, laid out as flat arrays:
 * {@code f(x) = Σ αᵢ·exp(−γ‖x − svᵢ‖²) − ρ}, negative outside the learned region of normal
 * traffic.
 *
 * <p>It computes exactly what libsvm's {@code svm_predict_values} computes for the same model
 * (a test holds the two equal), without building a Tribuo example and a libsvm node array per
 * event: a million events × five types is too many allocations for the 30-second budget.
 * Immutable and thread-safe.
 */
public final class RbfDecisionFunction {

  private final int dimensions;
  private final double gamma;
  private final double rho;
  private final double[] coefficients;
  private final double[] logCoefficients;
  private final double[] supportVectors;
  private final double logRho;

  private RbfDecisionFunction(int dimensions, double gamma, double rho, double[] coefficients,
      double[] supportVectors) {
    this.dimensions = dimensions;
    this.gamma = gamma;
    this.rho = rho;
    this.coefficients = coefficients;
    this.supportVectors = supportVectors;
    this.logCoefficients = new double[coefficients.length];
    for (int i = 0; i < coefficients.length; i++) {
      logCoefficients[i] = Math.log(coefficients[i]);
    }
    this.logRho = Math.log(rho);
  }

  /**
   * The decision function of a trained Tribuo one-class SVM whose examples carried
   * {@code features} (by {@link Feature#id()}) and possibly a constant feature.
   *
   * @throws IllegalArgumentException when the model was not trained on one of {@code features}
   */
  public static RbfDecisionFunction of(LibSVMModel<Event> svm, Feature[] features) {
    ImmutableFeatureMap ids = svm.getFeatureIDMap();
    Map<Integer, Integer> columns = new HashMap<>();
    for (int k = 0; k < features.length; k++) {
      int id = ids.getID(features[k].id());
      if (id < 0) {
        throw new IllegalArgumentException("the SVM was not trained on feature "
            + features[k].id() + "; it knows " + ids.keySet());
      }
      columns.put(id, k);
    }
    return of(svm.getInnerModels().get(0), columns, features.length);
  }

  /**
   * The decision function of {@code model}, a libsvm one-class RBF model.
   *
   * @param columnOfIndex libsvm feature index to column of the input vector; indices absent from
   *     the map (a constant feature every example carries) are left out, since they add 0 to
   *     every distance
   * @param dimensions    length of the input vector
   * @throws IllegalArgumentException when the model is not a one-class RBF model
   */
  public static RbfDecisionFunction of(svm_model model, Map<Integer, Integer> columnOfIndex,
      int dimensions) {
    if (model.param.svm_type != svm_parameter.ONE_CLASS || model.param.kernel_type != svm_parameter.RBF) {
      throw new IllegalArgumentException("expected a one-class RBF libsvm model, found svm_type "
          + model.param.svm_type + " kernel_type " + model.param.kernel_type);
    }
    double[] supportVectors = new double[model.l * dimensions];
    for (int i = 0; i < model.l; i++) {
      for (svm_node node : model.SV[i]) {
        Integer column = columnOfIndex.get(node.index);
        if (column != null) {
          supportVectors[i * dimensions + column] = node.value;
        }
      }
    }
    return new RbfDecisionFunction(dimensions, model.param.gamma, model.rho[0],
        model.sv_coef[0].clone(), supportVectors);
  }

  /** The raw decision value of the scaled vector {@code x}: negative = outside normal traffic. */
  public double decision(double[] x) {
    double sum = 0;
    for (int i = 0, offset = 0; i < coefficients.length; i++, offset += dimensions) {
      sum += coefficients[i] * Math.exp(-gamma * squaredDistance(x, offset));
    }
    return sum - rho;
  }

  /**
   * {@code ln(Σ αᵢ·K(x, svᵢ) / ρ)}: the same ordering as {@link #decision} (it is
   * {@code ln(1 + f(x)/ρ)}), 0 on the SVM's boundary and negative outside, but free of two flaws
   * of the raw value. The raw value's scale grows with the training set (Σαᵢ = ν · size in
   * libsvm's one-class formulation); a ratio does not. And far outside the normal region every
   * kernel term underflows, so the raw value is exactly −ρ for all distant events and cannot rank
   * them; computed in the log domain (log-sum-exp) it keeps falling with the distance, about
   * {@code −γ·‖x − nearest sv‖²}.
   */
  public double logRatio(double[] x) {
    double max = Double.NEGATIVE_INFINITY;
    double sum = 0;
    for (int i = 0, offset = 0; i < coefficients.length; i++, offset += dimensions) {
      double exponent = logCoefficients[i] - gamma * squaredDistance(x, offset);
      if (exponent <= max) {
        sum += Math.exp(exponent - max);
      } else {
        sum = sum * Math.exp(max - exponent) + 1;
        max = exponent;
      }
    }
    return max + Math.log(sum) - logRho;
  }

  /**
   * The gradient of {@link #logRatio} at the scaled vector {@code x}, written into {@code into}:
   * {@code Σ wᵢ·(−2γ(x − svᵢ))} with {@code wᵢ} each kernel term's share of the sum (a softmax
   * of the log terms, so it stays finite far from every support vector).
   *
   * @return {@link #logRatio} at {@code x}
   */
  public double logRatioGradient(double[] x, double[] into) {
    double[] exponents = new double[coefficients.length];
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0, offset = 0; i < coefficients.length; i++, offset += dimensions) {
      exponents[i] = logCoefficients[i] - gamma * squaredDistance(x, offset);
      max = Math.max(max, exponents[i]);
    }
    double sum = 0;
    for (int i = 0; i < exponents.length; i++) {
      exponents[i] = Math.exp(exponents[i] - max);
      sum += exponents[i];
    }
    java.util.Arrays.fill(into, 0, dimensions, 0);
    for (int i = 0, offset = 0; i < coefficients.length; i++, offset += dimensions) {
      double weight = exponents[i] / sum;
      for (int k = 0; k < dimensions; k++) {
        into[k] -= weight * 2 * gamma * (x[k] - supportVectors[offset + k]);
      }
    }
    return max + Math.log(sum) - logRho;
  }

  /** Number of support vectors: the cost of one evaluation. */
  public int supportVectorCount() {
    return coefficients.length;
  }

  /** Number of input features. */
  public int dimensions() {
    return dimensions;
  }

  /** The kernel width γ. */
  public double gamma() {
    return gamma;
  }

  /** {@code ‖x − sv‖²} for the support vector starting at {@code offset}. */
  private double squaredDistance(double[] x, int offset) {
    double distance = 0;
    for (int k = 0; k < dimensions; k++) {
      double d = x[k] - supportVectors[offset + k];
      distance += d * d;
    }
    return distance;
  }
}
