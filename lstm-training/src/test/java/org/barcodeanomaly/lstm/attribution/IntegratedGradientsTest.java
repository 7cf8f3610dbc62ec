package org.barcodeanomaly.lstm.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.evaluation.reference.LabelledBatch;
import org.barcodeanomaly.evaluation.reference.ReferenceTrails;
import org.barcodeanomaly.features.FeatureExtractor;
import org.barcodeanomaly.features.Trails;
import org.barcodeanomaly.lstm.model.LstmModelSpec;
import org.barcodeanomaly.lstm.sequence.SequenceBatch;
import org.barcodeanomaly.lstm.sequence.SequenceEncoder;
import org.barcodeanomaly.lstm.workflow.TrainingRun;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Integrated Gradients with the bundled DL4J network (models/lstm, whatever features its spec lists),
 * on windows of the independent reference trails: the gradient it integrates agrees with central
 * finite differences, and the attributions of reported events are complete within 5 %: 200 in every
 * build (about a minute beside nothing else on 2 cores), 1,000 with {@code -Dig.reported=1000}
 * ({@code mvnl -B -ntp -o verify -pl lstm-training -am -Dtest=IntegratedGradientsTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dig.reported=1000}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntegratedGradientsTest {

  private static final Path MODEL_DIR = Path.of("..", "models", "lstm");
  private static final int REPORTED = Integer.getInteger("ig.reported", 200);

  private LstmModelSpec spec;
  private IntegratedGradients attribution;
  private SequenceBatch windows;
  private List<IntegratedGradients.Target> reported;

  @BeforeAll
  void load() throws Exception {
    spec = LstmModelSpec.read(MODEL_DIR);
    ComputationGraph network = ModelSerializer.restoreComputationGraph(
        MODEL_DIR.resolve(TrainingRun.DL4J_FILE).toFile(), false);
    attribution = new IntegratedGradients(network, IntegratedGradients.DEFAULT_STEPS);
    LabelledBatch batch = new ReferenceTrails(14).generate(REPORTED < 500 ? 1_500 : 6_000, 0.5);
    Trails trails = Trails.group(batch.events());
    windows = new SequenceEncoder(spec).encode(trails, FeatureExtractor.standard().extract(trails, 0, trails.count()),
        0, trails.count());
    reported = reported(windows);
  }

  /** The first {@code REPORTED} (window, step, type) the network reports at the model's thresholds. */
  private List<IntegratedGradients.Target> reported(SequenceBatch batch) {
    List<IntegratedGradients.Target> targets = new ArrayList<>();
    int chunk = 512;
    for (int from = 0; from < batch.count() && targets.size() < REPORTED; from += chunk) {
      int to = Math.min(batch.count(), from + chunk);
      INDArray inputs = Nd4j.zeros(DataType.FLOAT, to - from, batch.featureCount(), batch.maxLength());
      INDArray mask = Nd4j.zeros(DataType.FLOAT, to - from, batch.maxLength());
      for (int s = from; s < to; s++) {
        fill(batch, s, inputs, mask, s - from);
      }
      INDArray out = attribution.outputs(inputs, mask);
      for (int s = from; s < to && targets.size() < REPORTED; s++) {
        for (int t = 0; t < batch.lengths()[s] && targets.size() < REPORTED; t++) {
          for (AnomalyType type : AnomalyType.values()) {
            if (spec.thresholds().reports(type, 100f * out.getFloat(s - from, type.ordinal(), t))
                && targets.size() < REPORTED) {
              targets.add(new IntegratedGradients.Target(s, t, type));
            }
          }
        }
      }
    }
    return targets;
  }

  private static void fill(SequenceBatch batch, int sequence, INDArray inputs, INDArray mask, int row) {
    for (int t = 0; t < batch.lengths()[sequence]; t++) {
      mask.putScalar(row, t, 1);
      for (int f = 0; f < batch.featureCount(); f++) {
        inputs.putScalar(new long[] {row, f, t},
            batch.inputs()[(sequence * batch.maxLength() + t) * batch.featureCount() + f]);
      }
    }
  }

  @Test
  @DisplayName("the input gradient DL4J backpropagates agrees with central finite differences on 40 entries of reported windows")
  void gradientMatchesFiniteDifferences() {
    Random random = new Random(3);
    int checked = 0;
    for (int k = 0; k < 8; k++) {
      IntegratedGradients.Target target = reported.get(random.nextInt(reported.size()));
      INDArray inputs = Nd4j.zeros(DataType.FLOAT, 1, windows.featureCount(), windows.maxLength());
      INDArray mask = Nd4j.zeros(DataType.FLOAT, 1, windows.maxLength());
      fill(windows, target.sequence(), inputs, mask, 0);
      INDArray select = Nd4j.zeros(DataType.FLOAT, 1, AnomalyType.COUNT, windows.maxLength());
      select.putScalar(new long[] {0, target.type().ordinal(), target.step()}, 1);
      INDArray gradient = attribution.gradient(inputs.dup(), mask, select);
      for (int e = 0; e < 5; e++) {
        int t = random.nextInt(windows.lengths()[target.sequence()]);
        int f = random.nextInt(windows.featureCount());
        double h = 1e-2;
        INDArray up = inputs.dup();
        up.putScalar(new long[] {0, f, t}, inputs.getDouble(0, f, t) + h);
        INDArray down = inputs.dup();
        down.putScalar(new long[] {0, f, t}, inputs.getDouble(0, f, t) - h);
        double numeric = (output(up, mask, target) - output(down, mask, target)) / (2 * h);
        assertThat(gradient.getDouble(0, f, t)).as("∂p/∂x at step %d feature %s of %s", t, spec.features().get(f), target)
            .isCloseTo(numeric, org.assertj.core.data.Offset.offset(2e-3 + 0.05 * Math.abs(numeric)));
        checked++;
      }
    }
    assertThat(checked).isEqualTo(40);
  }

  private double output(INDArray inputs, INDArray mask, IntegratedGradients.Target target) {
    return attribution.outputs(inputs, mask).getDouble(0, target.type().ordinal(), target.step());
  }

  @Test
  @DisplayName("on reported events (200; 1,000 with -Dig.reported=1000), the attributions (64 path points, more where the paper's 5 % check asks) sum to the probability's rise from the all-mean baseline within 5 %")
  void attributionsAreComplete() {
    assertThat(reported).as("reported events in the reference windows").hasSize(REPORTED);
    List<IntegratedGradients.Attribution> attributions = attribution.attribute(windows, reported);
    double worst = 0;
    double total = 0;
    int refined = 0;
    for (int i = 0; i < attributions.size(); i++) {
      double error = attributions.get(i).completenessError();
      worst = Math.max(worst, error);
      total += error;
      refined += attributions.get(i).pathSteps() > IntegratedGradients.DEFAULT_STEPS ? 1 : 0;
    }
    System.out.printf("IG completeness on %d reported events: mean error %.4f, worst %.4f, %d refined past 64 points%n",
        attributions.size(), total / attributions.size(), worst, refined);
    assertThat(worst).isLessThanOrEqualTo(0.05);
  }
}
