package org.barcodeanomaly.svm.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PlattCalibrationTest {

  @Test
  @DisplayName("probability is the logistic of a·d + b, 50 % where a·d + b = 0")
  void formula() {
    PlattCalibration calibration = new PlattCalibration(2, -1);

    assertThat(calibration.probability(0.5)).isEqualTo(0.5);
    assertThat(calibration.score(0)).isCloseTo(100 / (1 + Math.exp(-1)), within(1e-12));
    assertThat(calibration.probability(-1000)).isEqualTo(1.0);
    assertThat(calibration.probability(1000)).isEqualTo(0.0);
  }

  @Test
  @DisplayName("fitted on anomalies with low values and normals with high ones, it falls as the value rises")
  void fitsTheDirectionOfTheData() {
    double[] decisions = {-3, -2.5, -2, -1.5, 0.5, 1, 1.5, 2, 2.5, 3};
    boolean[] anomalous = {true, true, true, false, true, false, false, false, false, false};

    PlattCalibration calibration = PlattCalibration.fit(decisions, anomalous);

    assertThat(calibration.a()).isPositive();
    assertThat(calibration.probability(-3)).isGreaterThan(0.75);
    assertThat(calibration.probability(3)).isLessThan(0.2);
  }

  @Test
  @DisplayName("perfectly separated classes still give finite parameters (Platt's smoothed targets)")
  void separableDataStaysFinite() {
    PlattCalibration calibration = PlattCalibration.fit(new double[] {-2, -1, 1, 2},
        new boolean[] {true, true, false, false});

    assertThat(calibration.a()).isPositive().isFinite();
    assertThat(calibration.probability(-2)).isGreaterThan(0.6);
  }

  @Test
  @DisplayName("refuses mismatched inputs with a message naming both lengths")
  void checksInputs() {
    assertThatThrownBy(() -> PlattCalibration.fit(new double[2], new boolean[3]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 values and 3 labels");
  }
}
