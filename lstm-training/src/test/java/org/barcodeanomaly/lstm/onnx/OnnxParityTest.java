package org.barcodeanomaly.lstm.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import onnx.Onnx;
import org.barcodeanomaly.lstm.runtime.OnnxRuntimeOptions;
import org.barcodeanomaly.lstm.runtime.OnnxSequenceScorer;
import org.barcodeanomaly.lstm.sequence.SequenceBatch;
import org.barcodeanomaly.lstm.training.LstmNetworkFactory;
import org.barcodeanomaly.lstm.training.NetworkSettings;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

class OnnxParityTest {

  private static final int FEATURES = 7;
  private static final int STEPS = 10;
  private static final int SEQUENCES = 1_200;

  @Test
  @DisplayName("ONNX Runtime reproduces DL4J's outputs within 1e-5 on 1,200 sequences of lengths 1 to 10")
  void onnxRuntimeMatchesDl4j(@TempDir Path dir) throws Exception {
    double worst = exportAndCompare(dir, OnnxExporter.Precision.FP32, 5);
    assertThat(worst).isLessThanOrEqualTo(1e-5);
  }

  @Test
  @DisplayName("the dynamically quantised (INT8) export runs in ONNX Runtime and stays within 0.05 of DL4J")
  void int8ExportStaysClose(@TempDir Path dir) throws Exception {
    double worst = exportAndCompare(dir, OnnxExporter.Precision.INT8, 6);
    System.out.printf("INT8 export: max abs difference to DL4J %.5f%n", worst);
    assertThat(worst).isGreaterThan(0).isLessThan(0.05);
  }

  @Test
  @DisplayName("the INT8 export keeps the first LSTM (the one reading the features) in float and quantises the second")
  void int8KeepsTheFirstLstmFloat() {
    ComputationGraph network = LstmNetworkFactory.create(
        new NetworkSettings(FEATURES, STEPS, 16, 2, 8, 12, 1e-2, 1e-4, 0.25, 2, 11), 20);

    Onnx.GraphProto graph = new OnnxExporter(network, OnnxExporter.Precision.INT8).build(Map.of()).getGraph();

    List<String> recurrent = graph.getNodeList().stream()
        .filter(node -> node.getOpType().contains("LSTM"))
        .map(node -> node.getDomain() + ":" + node.getOpType())
        .toList();
    assertThat(recurrent).containsExactly(":LSTM", "com.microsoft:DynamicQuantizeLSTM");
    assertThat(graph.getNodeList()).anyMatch(node -> node.getOpType().equals("MatMulInteger"));
  }

  /** Trains a small network, exports it, and returns the largest difference over all real steps. */
  private static double exportAndCompare(Path dir, OnnxExporter.Precision precision, long seed)
      throws Exception {
    ComputationGraph network = LstmNetworkFactory.create(
        new NetworkSettings(FEATURES, STEPS, 16, 2, 8, 12, 1e-2, 1e-4, 0.25, 2, 11), 20);
    Random random = new Random(seed);
    SequenceBatch batch = randomBatch(random);
    train(network, batch, random);

    Path model = dir.resolve("model-" + precision + ".onnx");
    new OnnxExporter(network, precision).write(model, Map.of("test", "parity"));
    float[] onnx;
    try (OnnxSequenceScorer scorer = new OnnxSequenceScorer(model, new OnnxRuntimeOptions())) {
      onnx = scorer.probabilities(batch);
    }
    INDArray dl4j = network.output(false, new INDArray[] {ncw(batch)}, new INDArray[] {mask(batch)})[0];

    double worst = 0;
    int compared = 0;
    for (int s = 0; s < SEQUENCES; s++) {
      for (int t = 0; t < batch.lengths()[s]; t++) {
        for (int k = 0; k < 5; k++) {
          worst = Math.max(worst, Math.abs(onnx[(s * STEPS + t) * 5 + k] - dl4j.getFloat(s, k, t)));
          compared++;
        }
      }
    }
    assertThat(compared).isEqualTo(SEQUENCES / STEPS * (STEPS * (STEPS + 1) / 2) * 5);
    return worst;
  }

  /** A few steps of training, so the weights are not the symmetric initial ones. */
  private static void train(ComputationGraph network, SequenceBatch batch, Random random) {
    float[] labels = new float[SEQUENCES * 5 * STEPS];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = random.nextDouble() < 0.1 ? 1f : 0f;
    }
    INDArray mask = mask(batch);
    DataSet data = new DataSet(ncw(batch), Nd4j.create(labels, new long[] {SEQUENCES, 5, STEPS}, 'c'),
        mask, mask);
    // Minibatches of 100, scored later as one batch of 1,200: sizes must not leak between calls.
    for (org.nd4j.linalg.dataset.DataSet minibatch : data.batchBy(100)) {
      network.fit(minibatch);
    }
  }

  private static SequenceBatch randomBatch(Random random) {
    float[] inputs = new float[SEQUENCES * STEPS * FEATURES];
    int[] lengths = new int[SEQUENCES];
    int[] events = new int[SEQUENCES * STEPS];
    for (int s = 0; s < SEQUENCES; s++) {
      lengths[s] = 1 + s % STEPS;
      for (int t = 0; t < STEPS; t++) {
        events[s * STEPS + t] = t < lengths[s] ? s * STEPS + t : -1;
        for (int k = 0; k < FEATURES; k++) {
          inputs[(s * STEPS + t) * FEATURES + k] = t < lengths[s] ? (float) random.nextGaussian() : 0f;
        }
      }
    }
    return new SequenceBatch(SEQUENCES, STEPS, FEATURES, inputs, lengths, events);
  }

  private static INDArray ncw(SequenceBatch batch) {
    float[] out = new float[batch.inputs().length];
    for (int s = 0; s < batch.count(); s++) {
      for (int t = 0; t < STEPS; t++) {
        for (int k = 0; k < FEATURES; k++) {
          out[(s * FEATURES + k) * STEPS + t] = batch.inputs()[(s * STEPS + t) * FEATURES + k];
        }
      }
    }
    return Nd4j.create(out, new long[] {batch.count(), FEATURES, STEPS}, 'c');
  }

  private static INDArray mask(SequenceBatch batch) {
    float[] mask = new float[batch.count() * STEPS];
    for (int s = 0; s < batch.count(); s++) {
      for (int t = 0; t < batch.lengths()[s]; t++) {
        mask[s * STEPS + t] = 1f;
      }
    }
    return Nd4j.create(mask, new long[] {batch.count(), STEPS}, 'c');
  }
}
