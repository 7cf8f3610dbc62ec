package org.barcodeanomaly.svm.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FeatureScalerTest {

  @Test
  @DisplayName("centres on the mean, divides by the standard deviation, floors a constant feature's scale")
  void fit() {
    FeatureScaler scaler = FeatureScaler.fit(new double[][] {{1, 5}, {3, 5}}, 2);

    assertThat(scaler.centre()).containsExactly(2, 5);
    assertThat(scaler.scale()).containsExactly(1, FeatureScaler.MIN_SCALE);
    double[] values = {4, 6};
    scaler.scaleInPlace(values);
    assertThat(values).containsExactly(2, 10);
  }

  @Test
  @DisplayName("refuses a scale below the floor, naming the feature")
  void refusesTinyScale() {
    assertThatThrownBy(() -> new FeatureScaler(new double[] {0, 0}, new double[] {1, 0.01}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("feature 1");
  }
}
