package org.barcodeanomaly.lstm.onnx;

import static org.barcodeanomaly.lstm.onnx.OnnxGraphBuilder.Attribute;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import onnx.Onnx;
import org.barcodeanomaly.lstm.runtime.OnnxSequenceScorer;
import org.barcodeanomaly.lstm.training.LstmNetworkFactory;
import org.barcodeanomaly.lstm.training.RecurrentLayerNorm;
import org.deeplearning4j.nn.conf.layers.SelfAttentionLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Writes a network built by {@link LstmNetworkFactory} as an ONNX model (IR 8, opset 17) that
 * computes the same per-step probabilities as DL4J, for ONNX Runtime to serve.
 *
 * <p>Mapping: each bidirectional layer becomes one ONNX {@code LSTM} node with
 * {@code direction=bidirectional} and {@code sequence_lens}; DL4J holds the gate blocks of
 * {@code W [nIn,4H]}, {@code RW [H,4H]}, {@code b [4H]} in the order (cell, forget, output,
 * input), ONNX wants (input, output, forget, cell) and transposed, so block {@code g} of ONNX is
 * DL4J's block {@code 3 − g} (BUILD_NOTES.md); ONNX's recurrent bias half is zero. Attention
 * is MatMul/Softmax with the padding keys pushed to {@code −1e9} exactly as DL4J's
 * {@code dot_product_attention} does, normalisation is {@code LayerNormalization}, the head
 * MatMul/Add/Relu/Sigmoid. The graph's inputs and output are those {@link OnnxSequenceScorer}
 * expects.
 */
public final class OnnxExporter {

  /** Opset the graph is written for ({@code LayerNormalization} needs 17). */
  public static final int OPSET = 17;
  /** IR version matching opset 17. */
  public static final int IR_VERSION = 8;

  private final ComputationGraph network;
  private final int features;
  private final int hidden;

  /** An exporter for {@code network}. */
  public OnnxExporter(ComputationGraph network) {
    this.network = network;
    this.features = (int) param(LstmNetworkFactory.forward(1), "W").size(0);
    this.hidden = (int) param(LstmNetworkFactory.forward(1), "RW").size(0);
  }

  /** Writes the model to {@code file}, creating its directory. */
  public void write(Path file, Map<String, String> metadata) throws IOException {
    Onnx.ModelProto model = build(metadata);
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (OutputStream out = Files.newOutputStream(file)) {
      model.writeTo(out);
    }
  }

  /** The model as a protobuf message. */
  public Onnx.ModelProto build(Map<String, String> metadata) {
    OnnxGraphBuilder graph = new OnnxGraphBuilder("barcode_anomaly_lstm");
    graph.input(OnnxSequenceScorer.INPUT_FEATURES, Onnx.TensorProto.DataType.FLOAT,
        "batch", "steps", features);
    graph.input(OnnxSequenceScorer.INPUT_LENGTHS, Onnx.TensorProto.DataType.INT32, "batch");
    String x = graph.node("Transpose", "time_major",
        new Attribute[] {Attribute.ints("perm", 1, 0, 2)}, OnnxSequenceScorer.INPUT_FEATURES);
    x = bidirectionalLstm(graph, 1, x);
    x = bidirectionalLstm(graph, 2, x);
    x = graph.node("Transpose", "batch_major", new Attribute[] {Attribute.ints("perm", 1, 0, 2)}, x);
    x = attention(graph, x);
    x = graph.node("LayerNormalization", "norm",
        new Attribute[] {Attribute.of("axis", -1L), Attribute.of("epsilon",
            (float) ((RecurrentLayerNorm) network.getLayer(LstmNetworkFactory.NORM).conf().getLayer())
                .getEpsilon())},
        x, graph.floats("norm_gain", floats(param(LstmNetworkFactory.NORM, RecurrentLayerNorm.GAIN)),
            hiddenOf(LstmNetworkFactory.NORM, RecurrentLayerNorm.GAIN)),
        graph.floats("norm_bias", floats(param(LstmNetworkFactory.NORM, RecurrentLayerNorm.BIAS)),
            hiddenOf(LstmNetworkFactory.NORM, RecurrentLayerNorm.BIAS)));
    x = graph.node("Relu", "dense_relu", dense(graph, LstmNetworkFactory.DENSE, x));
    String logits = dense(graph, LstmNetworkFactory.OUTPUT, x);
    graph.nodeWithOutputs("Sigmoid", new Attribute[0], new String[] {logits},
        OnnxSequenceScorer.OUTPUT_SCORES);
    graph.output(OnnxSequenceScorer.OUTPUT_SCORES, Onnx.TensorProto.DataType.FLOAT,
        "batch", "steps", OnnxSequenceScorer.OUTPUTS);
    Onnx.ModelProto.Builder model = Onnx.ModelProto.newBuilder()
        .setIrVersion(IR_VERSION)
        .setProducerName("barcode-anomaly-gateway lstm-training")
        .setProducerVersion("1")
        .addOpsetImport(Onnx.OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
        .setGraph(graph.build());
    metadata.forEach((key, value) ->
        model.addMetadataProps(Onnx.StringStringEntryProto.newBuilder().setKey(key).setValue(value)));
    return model.build();
  }

  /** One bidirectional layer on time-major {@code x [T, N, in]}; returns {@code [T, N, 2H]}. */
  private String bidirectionalLstm(OnnxGraphBuilder graph, int layer, String x) {
    String forward = LstmNetworkFactory.forward(layer);
    String backward = LstmNetworkFactory.backward(layer);
    int in = (int) param(forward, "W").size(0);
    String w = graph.floats("lstm" + layer + "_W", concat(gateMajor(param(forward, "W")),
        gateMajor(param(backward, "W"))), 2, 4L * hidden, in);
    String r = graph.floats("lstm" + layer + "_R", concat(gateMajor(param(forward, "RW")),
        gateMajor(param(backward, "RW"))), 2, 4L * hidden, hidden);
    String b = graph.floats("lstm" + layer + "_B", concat(bias(param(forward, "b")),
        bias(param(backward, "b"))), 2, 8L * hidden);
    String y = "lstm" + layer + "_Y";
    graph.nodeWithOutputs("LSTM", new Attribute[] {
        Attribute.of("direction", "bidirectional"), Attribute.of("hidden_size", (long) hidden)},
        new String[] {x, w, r, b, OnnxSequenceScorer.INPUT_LENGTHS}, y);
    // Y is [T, 2, N, H]; DL4J concatenates forward then backward on the feature axis.
    String perm = graph.node("Transpose", "lstm" + layer + "_dirs_last",
        new Attribute[] {Attribute.ints("perm", 0, 2, 1, 3)}, y);
    return graph.node("Reshape", "lstm" + layer + "_concat", perm,
        graph.longs("lstm" + layer + "_shape", new long[] {0, 0, -1}, 3));
  }

  /** DL4J's multi-head dot-product attention on batch-major {@code x [N, T, C]}. */
  private String attention(OnnxGraphBuilder graph, String x) {
    SelfAttentionLayer conf = (SelfAttentionLayer) network.getLayer(LstmNetworkFactory.ATTENTION)
        .conf().getLayer();
    int heads = conf.getNHeads();
    long headSize = conf.getHeadSize();
    String splitShape = graph.longs("att_split", new long[] {0, 0, heads, headSize}, 4);
    String q = graph.node("Transpose", "att_q", new Attribute[] {Attribute.ints("perm", 0, 2, 1, 3)},
        graph.node("Reshape", "att_q_split", projection(graph, x, "Wq"), splitShape));
    String k = graph.node("Transpose", "att_k", new Attribute[] {Attribute.ints("perm", 0, 2, 3, 1)},
        graph.node("Reshape", "att_k_split", projection(graph, x, "Wk"), splitShape));
    String v = graph.node("Transpose", "att_v", new Attribute[] {Attribute.ints("perm", 0, 2, 1, 3)},
        graph.node("Reshape", "att_v_split", projection(graph, x, "Wv"), splitShape));
    String scaled = graph.node("Mul", "att_scaled", graph.node("MatMul", "att_logits", q, k),
        graph.floats("att_scale", new float[] {(float) (1 / Math.sqrt(headSize))}));
    String weights = graph.node("Softmax", "att_weights",
        new Attribute[] {Attribute.of("axis", -1L)},
        graph.node("Add", "att_masked", scaled, paddingBias(graph)));
    String context = graph.node("Transpose", "att_context",
        new Attribute[] {Attribute.ints("perm", 0, 2, 1, 3)}, graph.node("MatMul", "att_mix", weights, v));
    String merged = graph.node("Reshape", "att_merge", context,
        graph.longs("att_merge_shape", new long[] {0, 0, -1}, 3));
    INDArray wo = param(LstmNetworkFactory.ATTENTION, "Wo");
    return graph.node("MatMul", "att_out", merged,
        graph.floats("att_Wo", floats(wo), wo.size(0), wo.size(1)));
  }

  /** {@code x [N,T,C]} times all heads' projection, {@code [N, T, heads × headSize]}. */
  private String projection(OnnxGraphBuilder graph, String x, String key) {
    INDArray w = param(LstmNetworkFactory.ATTENTION, key); // [heads, headSize, C]
    INDArray all = w.reshape('c', w.size(0) * w.size(1), w.size(2)).transpose();
    return graph.node("MatMul", "att_" + key, x, graph.floats("att_" + key, floats(all),
        all.size(0), all.size(1)));
  }

  /** {@code [N, 1, 1, T]}: 0 for real steps, −1e9 for padding (keys only). */
  private String paddingBias(OnnxGraphBuilder graph) {
    String shape = graph.node("Shape", "steps_shape", OnnxSequenceScorer.INPUT_FEATURES);
    String steps = graph.node("Gather", "steps", new Attribute[] {Attribute.of("axis", 0L)}, shape,
        graph.longs("steps_index", new long[] {1}));
    String range = graph.node("Range", "step_range",
        graph.longs("range_start", new long[] {0}), steps, graph.longs("range_delta", new long[] {1}));
    String lengths = graph.node("Unsqueeze", "lengths_col",
        graph.node("Cast", "lengths_64", new Attribute[] {Attribute.of("to",
            (long) Onnx.TensorProto.DataType.INT64.getNumber())}, OnnxSequenceScorer.INPUT_LENGTHS),
        graph.longs("axis_1", new long[] {1}, 1));
    String real = graph.node("Cast", "real_steps", new Attribute[] {Attribute.of("to",
        (long) Onnx.TensorProto.DataType.FLOAT.getNumber())},
        graph.node("Less", "is_real", range, lengths));
    String bias = graph.node("Mul", "pad_bias", graph.node("Sub", "pad_minus_one", real,
        graph.floats("one", new float[] {1f})), graph.floats("big", new float[] {1e9f}));
    return graph.node("Unsqueeze", "pad_bias_4d", bias, graph.longs("axes_1_2", new long[] {1, 2}, 2));
  }

  /** {@code x W + b} of a dense-style layer ({@code W [in, out]}, {@code b [1, out]}). */
  private String dense(OnnxGraphBuilder graph, String layer, String x) {
    INDArray w = param(layer, "W");
    INDArray b = param(layer, "b");
    String product = graph.node("MatMul", layer + "_matmul", x,
        graph.floats(layer + "_W", floats(w), w.size(0), w.size(1)));
    return graph.node("Add", layer + "_bias", product, graph.floats(layer + "_b", floats(b), b.length()));
  }

  /** DL4J {@code [in, 4H]} with blocks (c, f, o, i) to ONNX {@code [4H, in]} with blocks (i, o, f, c). */
  private float[] gateMajor(INDArray dl4j) {
    int in = (int) dl4j.size(0);
    float[] source = floats(dl4j);
    float[] out = new float[4 * hidden * in];
    for (int gate = 0; gate < 4; gate++) {
      int block = 3 - gate;
      for (int j = 0; j < hidden; j++) {
        int row = gate * hidden + j;
        int column = block * hidden + j;
        for (int c = 0; c < in; c++) {
          out[row * in + c] = source[c * 4 * hidden + column];
        }
      }
    }
    return out;
  }

  /** DL4J bias {@code [4H]} (c, f, o, i) to ONNX {@code [8H]}: input bias (i, o, f, c), then zeros. */
  private float[] bias(INDArray dl4j) {
    float[] source = floats(dl4j);
    float[] out = new float[8 * hidden];
    for (int gate = 0; gate < 4; gate++) {
      System.arraycopy(source, (3 - gate) * hidden, out, gate * hidden, hidden);
    }
    return out;
  }

  private long hiddenOf(String layer, String key) {
    return param(layer, key).length();
  }

  private INDArray param(String layer, String key) {
    INDArray value = network.getLayer(layer).paramTable().get(key);
    if (value == null) {
      throw new IllegalArgumentException("layer '" + layer + "' has no parameter '" + key
          + "': the network was not built by LstmNetworkFactory");
    }
    return value;
  }

  private static float[] floats(INDArray array) {
    return array.dup('c').data().asFloat();
  }

  private static float[] concat(float[] a, float[] b) {
    float[] out = new float[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
