package org.barcodeanomaly.lstm.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class LstmNetworkTest {

  private static final int FEATURES = 6;
  private static final int STEPS = 10;
  private static final int[] LENGTHS = {3, 10, 1, 7};

  @Test
  @DisplayName("values in padded steps do not change the outputs of real steps")
  void paddingIsMasked() {
    ComputationGraph network = LstmNetworkFactory.create(
        new NetworkSettings(FEATURES, STEPS, 8, 2, 4, 8, 1e-3, 1e-4, 0.25, 2, 7), 10);
    Nd4j.getRandom().setSeed(3);
    INDArray features = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, LENGTHS.length, FEATURES, STEPS);
    INDArray mask = mask();
    INDArray garbage = features.dup();
    for (int s = 0; s < LENGTHS.length; s++) {
      for (int t = LENGTHS[s]; t < STEPS; t++) {
        garbage.get(NDArrayIndex.point(s), NDArrayIndex.all(), NDArrayIndex.point(t)).assign(42.0);
      }
    }
    INDArray clean = network.output(false, new INDArray[] {features}, new INDArray[] {mask})[0];
    INDArray dirty = network.output(false, new INDArray[] {garbage}, new INDArray[] {mask})[0];
    assertThat(clean.shape()).containsExactly(LENGTHS.length, 5, STEPS);
    for (int s = 0; s < LENGTHS.length; s++) {
      for (int t = 0; t < LENGTHS[s]; t++) {
        for (int k = 0; k < 5; k++) {
          assertThat(dirty.getDouble(s, k, t)).isCloseTo(clean.getDouble(s, k, t),
              org.assertj.core.data.Offset.offset(1e-6));
        }
      }
    }
  }

  static INDArray mask() {
    INDArray mask = Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, LENGTHS.length, STEPS);
    for (int s = 0; s < LENGTHS.length; s++) {
      for (int t = 0; t < LENGTHS[s]; t++) {
        mask.putScalar(s, t, 1.0);
      }
    }
    return mask;
  }
}
