package org.barcodeanomaly.svm.train;

import org.barcodeanomaly.features.Feature;
import org.barcodeanomaly.features.FeatureMatrix;
import org.barcodeanomaly.svm.model.FeatureScaler;
import org.barcodeanomaly.svm.model.RbfDecisionFunction;
import org.barcodeanomaly.svm.model.ScoreMemo;

/** Log decision ratios of chosen rows, each distinct feature vector evaluated once. */
final class DecisionValues {

  private DecisionValues() {
  }

  static double[] of(FeatureMatrix matrix, int[] rows, Feature[] features, FeatureScaler scaler,
      RbfDecisionFunction decision) {
    double[] values = new double[features.length];
    double[] scaled = new double[features.length];
    ScoreMemo memo = new ScoreMemo(features.length);
    double[] decisions = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      matrix.copySelected(rows[i], features, values);
      int slot = memo.slot(values);
      if (memo.holds(slot, values)) {
        decisions[i] = memo.score(slot);
        continue;
      }
      System.arraycopy(values, 0, scaled, 0, values.length);
      scaler.scaleInPlace(scaled);
      decisions[i] = decision.logRatio(scaled);
      memo.store(slot, values, decisions[i]);
    }
    return decisions;
  }

  /** Rows {@code rows} of the chosen features, unscaled, one array per row. */
  static double[][] raw(FeatureMatrix matrix, int[] rows, Feature[] features) {
    double[][] raw = new double[rows.length][features.length];
    for (int i = 0; i < rows.length; i++) {
      matrix.copySelected(rows[i], features, raw[i]);
    }
    return raw;
  }
}
