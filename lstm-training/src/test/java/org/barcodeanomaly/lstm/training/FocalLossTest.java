package org.barcodeanomaly.lstm.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class FocalLossTest {

  private final FocalLoss loss = new FocalLoss(0.25, 2.0);
  private final ActivationSigmoid sigmoid = new ActivationSigmoid();

  @Test
  @DisplayName("matches hand-computed values: p = 0.5 and p = 0.75 for positive and negative labels")
  void handComputedValues() {
    // z = 0 → p = 0.5; z = ln 3 → p = 0.75.
    INDArray preOutput = Nd4j.create(new float[] {0f, 0f, (float) Math.log(3), (float) Math.log(3)}, 1, 4);
    INDArray labels = Nd4j.create(new float[] {1f, 0f, 1f, 0f}, 1, 4);
    INDArray perOutput = loss.elementLoss(labels, preOutput, sigmoid, null);
    // −0.25·0.5²·ln 0.5 ; −0.75·0.5²·ln 0.5 ; −0.25·0.25²·ln 0.75 ; −0.75·0.75²·ln 0.25
    assertThat(perOutput.getDouble(0, 0)).isCloseTo(0.0433217, offset(1e-6));
    assertThat(perOutput.getDouble(0, 1)).isCloseTo(0.1299651, offset(1e-6));
    assertThat(perOutput.getDouble(0, 2)).isCloseTo(0.0044950, offset(1e-6));
    assertThat(perOutput.getDouble(0, 3)).isCloseTo(0.5848428, offset(1e-6));
    assertThat(loss.computeScore(labels, preOutput, sigmoid, null, false))
        .isCloseTo(0.0433217 + 0.1299651 + 0.0044950 + 0.5848428, offset(1e-5));
  }

  @Test
  @DisplayName("with gamma 0 and alpha 0.5 it is half the binary cross-entropy")
  void reducesToCrossEntropy() {
    FocalLoss plain = new FocalLoss(0.5, 0.0);
    INDArray preOutput = Nd4j.create(new float[] {0.3f}, 1, 1);
    double p = 1 / (1 + Math.exp(-0.3));
    assertThat(plain.computeScore(Nd4j.ones(DataType.FLOAT, 1, 1), preOutput, sigmoid, null, false))
        .isCloseTo(-0.5 * Math.log(p), offset(1e-6));
  }

  @Test
  @DisplayName("the gradient agrees with central finite differences of the score")
  void gradientMatchesFiniteDifferences() {
    float[] z = {-2.0f, -0.3f, 0.4f, 1.7f, 3.0f, -1.1f};
    float[] y = {1f, 0f, 1f, 0f, 1f, 0f};
    INDArray labels = Nd4j.create(y, 1, 6);
    INDArray gradient = loss.computeGradient(labels, Nd4j.create(z, 1, 6), sigmoid, null);
    double h = 1e-3;
    for (int k = 0; k < z.length; k++) {
      float[] up = z.clone();
      float[] down = z.clone();
      up[k] += (float) h;
      down[k] -= (float) h;
      double numeric = (loss.computeScore(labels, Nd4j.create(up, 1, 6), sigmoid, null, false)
          - loss.computeScore(labels, Nd4j.create(down, 1, 6), sigmoid, null, false)) / (2 * h);
      assertThat(gradient.getDouble(0, k)).as("output %d", k).isCloseTo(numeric, offset(2e-4));
    }
  }

  @Test
  @DisplayName("masked outputs add neither score nor gradient")
  void masksOutputs() {
    INDArray preOutput = Nd4j.create(new float[] {0.5f, -0.5f}, 2, 1);
    INDArray labels = Nd4j.create(new float[] {1f, 1f}, 2, 1);
    INDArray mask = Nd4j.create(new float[] {1f, 0f}, 2, 1);
    double full = loss.computeScore(labels, preOutput, sigmoid, null, false);
    double masked = loss.computeScore(labels, preOutput, sigmoid, mask, false);
    assertThat(masked).isLessThan(full).isGreaterThan(0);
    assertThat(loss.computeGradient(labels, preOutput, sigmoid, mask).getDouble(1, 0)).isZero();
  }
}
