package org.barcodeanomaly.svm.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.Random;
import org.barcodeanomaly.api.detector.DetectorUnavailableException;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.svm.BundledModelAccess;
import org.barcodeanomaly.svm.model.RbfDecisionFunction;
import org.barcodeanomaly.svm.model.SvmModel;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The SVM's attribution is exact where it can be checked: its gradient, and the sum of its parts. */
class DecisionAttributionTest {

  private static SvmModel model() throws DetectorUnavailableException {
    return BundledModelAccess.model();
  }

  @Test
  @DisplayName("the analytic gradient of the log decision ratio matches central finite differences on every type's bundled model")
  void gradientMatchesFiniteDifferences() throws Exception {
    Random random = new Random(14);
    for (AnomalyType type : AnomalyType.values()) {
      RbfDecisionFunction decision = model().type(type).decisionFunction();
      for (int trial = 0; trial < 5; trial++) {
        double[] x = new double[decision.dimensions()];
        for (int k = 0; k < x.length; k++) {
          x[k] = random.nextGaussian() * 2;
        }
        double[] gradient = new double[x.length];
        decision.logRatioGradient(x, gradient);
        for (int k = 0; k < x.length; k++) {
          double h = 1e-5;
          double[] up = x.clone();
          double[] down = x.clone();
          up[k] += h;
          down[k] -= h;
          double numeric = (decision.logRatio(up) - decision.logRatio(down)) / (2 * h);
          assertThat(gradient[k]).as("%s feature %d", type, k)
              .isCloseTo(numeric, offset(1e-4 * Math.max(1, Math.abs(numeric))));
        }
      }
    }
  }

  @Test
  @DisplayName("contributions add up to the drop of the log decision ratio from the training centre to the event (completeness, within 1 %)")
  void contributionsAreComplete() throws Exception {
    Random random = new Random(7);
    for (AnomalyType type : AnomalyType.values()) {
      RbfDecisionFunction decision = model().type(type).decisionFunction();
      DecisionAttribution attribution = new DecisionAttribution(decision);
      for (int trial = 0; trial < 20; trial++) {
        double[] x = new double[decision.dimensions()];
        x[random.nextInt(x.length)] = 10 * random.nextDouble();
        x[random.nextInt(x.length)] += random.nextGaussian();
        double expected = decision.logRatio(new double[x.length]) - decision.logRatio(x);
        double sum = 0;
        for (double c : attribution.contributions(x)) {
          sum += c;
        }
        assertThat(sum).as("%s at %s", type, java.util.Arrays.toString(x))
            .isCloseTo(expected, offset(0.01 * Math.abs(expected) + 1e-6));
      }
    }
  }
}
