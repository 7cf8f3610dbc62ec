package org.barcodeanomaly.svm.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.features.Feature;
import org.barcodeanomaly.svm.train.OneClassSvmTrainer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tribuo.anomaly.AnomalyFactory;
import org.tribuo.anomaly.Event;
import org.tribuo.common.libsvm.LibSVMModel;
import org.tribuo.impl.ArrayExample;

class RbfDecisionFunctionTest {

  private static final Feature[] FEATURES = {Feature.LOG_GAP_HOURS, Feature.TRAVEL_Z, Feature.TIER};

  /** 500 points of a unit Gaussian blob around (1, 0, 2). */
  static double[][] blob(long seed) {
    Random random = new Random(seed);
    double[][] rows = new double[500][FEATURES.length];
    for (double[] row : rows) {
      row[0] = 1 + random.nextGaussian();
      row[1] = random.nextGaussian();
      row[2] = 2 + random.nextGaussian();
    }
    return rows;
  }

  static LibSVMModel<Event> trainedOnBlob() {
    return OneClassSvmTrainer.train(AnomalyType.JUMP, FEATURES, blob(1),
        new OneClassSvmTrainer.Hyperparameters(0.05, 0.3), 7);
  }

  @Test
  @DisplayName("computes exactly the decision value libsvm gives through Tribuo's predict")
  void matchesTribuo() {
    LibSVMModel<Event> svm = trainedOnBlob();
    RbfDecisionFunction decision = RbfDecisionFunction.of(svm, FEATURES);
    String[] names = {FEATURES[0].id(), FEATURES[1].id(), FEATURES[2].id(), TypeModel.CONSTANT_FEATURE};
    Random random = new Random(3);
    for (int i = 0; i < 200; i++) {
      double[] x = {random.nextGaussian() * 3, random.nextGaussian() * 3, random.nextGaussian() * 3};
      double tribuo = svm.predict(new ArrayExample<>(AnomalyFactory.UNKNOWN_EVENT, names,
          new double[] {x[0], x[1], x[2], 1})).getOutput().getScore();

      assertThat(decision.decision(x)).isCloseTo(tribuo, within(1e-9 * Math.max(1, Math.abs(tribuo))));
    }
    assertThat(decision.supportVectorCount()).isEqualTo(svm.getInnerModels().get(0).l);
  }

  @Test
  @DisplayName("the log ratio is ln(1 + f/ρ): zero on the boundary, same order as the decision value")
  void logRatioIsAMonotoneTransformOfTheDecision() {
    LibSVMModel<Event> svm = trainedOnBlob();
    RbfDecisionFunction decision = RbfDecisionFunction.of(svm, FEATURES);
    double rho = svm.getInnerModels().get(0).rho[0];
    Random random = new Random(5);
    for (int i = 0; i < 200; i++) {
      double[] x = {1 + random.nextGaussian() * 2, random.nextGaussian() * 2, 2 + random.nextGaussian() * 2};

      assertThat(decision.logRatio(x)).isCloseTo(Math.log1p(decision.decision(x) / rho), within(1e-9));
    }
  }

  @Test
  @DisplayName("far outside, where every kernel term underflows, the log ratio still falls with distance")
  void logRatioRanksDistantPoints() {
    RbfDecisionFunction decision = RbfDecisionFunction.of(trainedOnBlob(), FEATURES);
    double[] far = {60, 0, 2};
    double[] farther = {90, 0, 2};

    assertThat(decision.decision(far)).isEqualTo(decision.decision(farther));
    assertThat(decision.logRatio(farther)).isLessThan(decision.logRatio(far)).isFinite();
  }
}
