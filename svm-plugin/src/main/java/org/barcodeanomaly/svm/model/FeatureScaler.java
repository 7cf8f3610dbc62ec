package org.barcodeanomaly.svm.model;

import java.util.Arrays;

/**
 * Standardises one anomaly type's feature vector with the centre and scale measured on the
 * training events: {@code (x − centre) / scale}. The RBF kernel compares distances, so every
 * feature must speak in comparable units.
 *
 * <p>A feature that is constant on normal traffic (most flags are) would have scale 0; its scale
 * is floored at {@link #MIN_SCALE} so that a deviation of one unit (a flag raised) counts as a
 * large but finite distance. Immutable; saved with the model.
 */
public final class FeatureScaler {

  /** Smallest scale: a flag that normal traffic never raises moves a point by 1 / 0.1 = 10 units. */
  public static final double MIN_SCALE = 0.1;

  private final double[] centre;
  private final double[] scale;

  /**
   * A scaler with the given centres and scales.
   *
   * @throws IllegalArgumentException when the lengths differ or a scale is below {@link #MIN_SCALE}
   */
  public FeatureScaler(double[] centre, double[] scale) {
    if (centre.length != scale.length) {
      throw new IllegalArgumentException("scaler has " + centre.length + " centres but "
          + scale.length + " scales; they must match one per feature");
    }
    for (int k = 0; k < scale.length; k++) {
      if (!(scale[k] >= MIN_SCALE) || !Double.isFinite(centre[k])) {
        throw new IllegalArgumentException("scaler feature " + k + ": centre " + centre[k]
            + ", scale " + scale[k] + "; the scale must be finite and >= " + MIN_SCALE);
      }
    }
    this.centre = centre.clone();
    this.scale = scale.clone();
  }

  /** Mean and floored standard deviation of each column of {@code rows}. */
  public static FeatureScaler fit(double[][] rows, int dimensions) {
    double[] mean = new double[dimensions];
    double[] squares = new double[dimensions];
    for (double[] row : rows) {
      for (int k = 0; k < dimensions; k++) {
        mean[k] += row[k];
      }
    }
    int n = Math.max(1, rows.length);
    for (int k = 0; k < dimensions; k++) {
      mean[k] /= n;
    }
    for (double[] row : rows) {
      for (int k = 0; k < dimensions; k++) {
        double d = row[k] - mean[k];
        squares[k] += d * d;
      }
    }
    double[] scale = new double[dimensions];
    for (int k = 0; k < dimensions; k++) {
      scale[k] = Math.max(MIN_SCALE, Math.sqrt(squares[k] / n));
    }
    return new FeatureScaler(mean, scale);
  }

  /** Number of features. */
  public int dimensions() {
    return centre.length;
  }

  /** Scales {@code values} in place. */
  public void scaleInPlace(double[] values) {
    for (int k = 0; k < centre.length; k++) {
      values[k] = (values[k] - centre[k]) / scale[k];
    }
  }

  /** The centres, one per feature (a copy). */
  public double[] centre() {
    return centre.clone();
  }

  /** The scales, one per feature (a copy). */
  public double[] scale() {
    return scale.clone();
  }

  @Override
  public String toString() {
    return "FeatureScaler{centre=" + Arrays.toString(centre) + ", scale=" + Arrays.toString(scale) + "}";
  }
}
