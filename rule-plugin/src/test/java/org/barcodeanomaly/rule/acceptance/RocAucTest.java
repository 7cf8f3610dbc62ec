package org.barcodeanomaly.rule.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RocAucTest {

  @Test
  @DisplayName("Perfect separation is 1, reversed is 0, all tied is 0.5")
  void extremes() {
    boolean[] labels = {false, false, true, true};

    assertThat(RocAuc.of(new float[] {0, 1, 2, 3}, labels)).isEqualTo(1.0);
    assertThat(RocAuc.of(new float[] {3, 2, 1, 0}, labels)).isEqualTo(0.0);
    assertThat(RocAuc.of(new float[] {5, 5, 5, 5}, labels)).isEqualTo(0.5);
  }

  @Test
  @DisplayName("One misordered pair out of four pairs gives 0.75; a tie counts half")
  void partial() {
    boolean[] labels = {false, true, false, true};

    assertThat(RocAuc.of(new float[] {0, 1, 2, 3}, labels)).isCloseTo(0.75, within(1e-12));
    assertThat(RocAuc.of(new float[] {0, 2, 2, 3}, labels)).isCloseTo(0.875, within(1e-12));
  }
}
