package org.barcodeanomaly.lstm.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.barcodeanomaly.lstm.onnx.OnnxExporter;
import org.barcodeanomaly.lstm.workflow.TrainingRun;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code anomaly export-onnx}: writes a trained DL4J LSTM as an ONNX model for serving. */
@Command(name = "export-onnx", mixinStandardHelpOptions = true,
    description = "Export the trained DL4J LSTM (" + TrainingRun.DL4J_FILE + ") to ONNX.")
public final class ExportOnnxCommand implements Callable<Integer> {

  @Option(names = "--model", required = true, paramLabel = "DIR",
      description = "Model directory written by train-lstm, e.g. models/lstm.")
  Path model;

  @Option(names = "--out", required = true, paramLabel = "FILE",
      description = "ONNX file to write, e.g. models/lstm/model.onnx.")
  Path out;

  @Option(names = "--precision", defaultValue = "FP32",
      description = "FP32 (the trained weights) or INT8 (dynamic quantisation of every weight "
          + "matrix and both LSTMs; serve with lstm.precision=int8 from model-int8.onnx) "
          + "(default: ${DEFAULT-VALUE}).")
  OnnxExporter.Precision precision;

  @Override
  public Integer call() throws Exception {
    Path network = model.resolve(TrainingRun.DL4J_FILE);
    if (!Files.isRegularFile(network)) {
      throw new IllegalArgumentException("--model " + model + " holds no " + TrainingRun.DL4J_FILE
          + "; train one with `anomaly train-lstm --data DIR --out " + model + "`");
    }
    Nd4jThreads.configure();
    ComputationGraph graph = ModelSerializer.restoreComputationGraph(network.toFile(), false);
    new OnnxExporter(graph, precision).write(out, Map.of("labelSource", TrainingRun.LABEL_SOURCE,
        "precision", precision.name()));
    System.out.println("wrote " + out.toAbsolutePath() + " (" + precision + ", " + Files.size(out)
        + " bytes, opset " + OnnxExporter.OPSET + ")");
    return 0;
  }
}
