package org.barcodeanomaly.svm.model;

/**
 * Turns a log decision ratio into a 0–100 score: {@code 100 · P(anomalous | d)} with
 * {@code P = 1 / (1 + exp(a·d + b))}, Platt's sigmoid fitted on validation events whose ground
 * truth is known.
 *
 * <p>The SVM only ranks events ("how unlike normal traffic"); the sigmoid says how often events
 * ranked like this one were anomalous on the validation split, so scores of different types and
 * detectors speak the same language. Monotone: it never changes the order, hence never the AUC.
 * Immutable.
 *
 * @param a slope; positive when lower decision values (further outside) mean anomalous
 * @param b offset
 */
public record PlattCalibration(double a, double b) {

  private static final int MAX_ITERATIONS = 100;
  private static final double MIN_STEP = 1e-10;
  private static final double SIGMA = 1e-12;
  private static final double GRADIENT_EPSILON = 1e-5;

  /** Checks that both parameters are finite. */
  public PlattCalibration {
    if (!Double.isFinite(a) || !Double.isFinite(b)) {
      throw new IllegalArgumentException("calibration a=" + a + ", b=" + b + " must be finite");
    }
  }

  /** Probability that an event with log decision ratio {@code d} is anomalous. */
  public double probability(double d) {
    double f = a * d + b;
    return f >= 0 ? Math.exp(-f) / (1 + Math.exp(-f)) : 1 / (1 + Math.exp(f));
  }

  /** The score 0–100 of decision value {@code d}. */
  public double score(double d) {
    return 100 * probability(d);
  }

  /**
   * Fits the sigmoid by regularised maximum likelihood: Newton's method with backtracking and
   * Platt's smoothed targets (Lin, Lin and Weng, 2007), which stay finite even when the two
   * classes are perfectly separated.
   *
   * @param decisions log decision ratios
   * @param anomalous ground truth of each value
   * @throws IllegalArgumentException when the arrays differ in length or are empty
   */
  public static PlattCalibration fit(double[] decisions, boolean[] anomalous) {
    if (decisions.length != anomalous.length || decisions.length == 0) {
      throw new IllegalArgumentException("calibration needs one label per decision value and at "
          + "least one value; got " + decisions.length + " values and " + anomalous.length + " labels");
    }
    double[] targets = targets(anomalous);
    double a = 0;
    double b = Math.log((count(anomalous, false) + 1.0) / (count(anomalous, true) + 1.0));
    double value = objective(decisions, targets, a, b);
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      Newton step = newtonStep(decisions, targets, a, b);
      if (step == null) {
        break;
      }
      double stepSize = 1;
      while (stepSize >= MIN_STEP) {
        double newA = a + stepSize * step.da;
        double newB = b + stepSize * step.db;
        double newValue = objective(decisions, targets, newA, newB);
        if (newValue < value + 1e-4 * stepSize * step.slope) {
          a = newA;
          b = newB;
          value = newValue;
          break;
        }
        stepSize /= 2;
      }
      if (stepSize < MIN_STEP) {
        break;
      }
    }
    return new PlattCalibration(a, b);
  }

  private record Newton(double da, double db, double slope) { }

  /** The Newton direction at (a, b), or {@code null} when the gradient is already ~0. */
  private static Newton newtonStep(double[] decisions, double[] targets, double a, double b) {
    double h11 = SIGMA;
    double h22 = SIGMA;
    double h21 = 0;
    double g1 = 0;
    double g2 = 0;
    for (int i = 0; i < decisions.length; i++) {
      double f = decisions[i] * a + b;
      double p = f >= 0 ? Math.exp(-f) / (1 + Math.exp(-f)) : 1 / (1 + Math.exp(f));
      double q = 1 - p;
      double d2 = p * q;
      h11 += decisions[i] * decisions[i] * d2;
      h22 += d2;
      h21 += decisions[i] * d2;
      double d1 = targets[i] - p;
      g1 += decisions[i] * d1;
      g2 += d1;
    }
    if (Math.abs(g1) < GRADIENT_EPSILON && Math.abs(g2) < GRADIENT_EPSILON) {
      return null;
    }
    double det = h11 * h22 - h21 * h21;
    double da = -(h22 * g1 - h21 * g2) / det;
    double db = -(-h21 * g1 + h11 * g2) / det;
    return new Newton(da, db, g1 * da + g2 * db);
  }

  private static double objective(double[] decisions, double[] targets, double a, double b) {
    double value = 0;
    for (int i = 0; i < decisions.length; i++) {
      double f = decisions[i] * a + b;
      value += f >= 0 ? targets[i] * f + Math.log1p(Math.exp(-f))
          : (targets[i] - 1) * f + Math.log1p(Math.exp(f));
    }
    return value;
  }

  private static double[] targets(boolean[] anomalous) {
    double positives = count(anomalous, true);
    double negatives = count(anomalous, false);
    double high = (positives + 1) / (positives + 2);
    double low = 1 / (negatives + 2);
    double[] targets = new double[anomalous.length];
    for (int i = 0; i < anomalous.length; i++) {
      targets[i] = anomalous[i] ? high : low;
    }
    return targets;
  }

  private static int count(boolean[] values, boolean wanted) {
    int count = 0;
    for (boolean value : values) {
      if (value == wanted) {
        count++;
      }
    }
    return count;
  }
}
