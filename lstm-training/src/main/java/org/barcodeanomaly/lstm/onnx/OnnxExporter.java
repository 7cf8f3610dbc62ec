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

  /** Number format of the exported weights. */
  public enum Precision {
    /** The trained float weights: the reference, matching DL4J within 1e-5. */
    FP32,
    /**
     * Dynamic quantisation as ONNX Runtime's {@code quantize_dynamic} does it: weights of every
     * constant matrix product and of the second LSTM layer stored as int8 (symmetric, one scale
     * per tensor and direction; the first LSTM, which reads the raw features, stays float, as
     * {@code quantize_dynamic}'s {@code nodes_to_exclude} would keep it), activations quantised to uint8 at run time
     * ({@code DynamicQuantizeLinear} + {@code MatMulInteger}; the LSTMs as ONNX Runtime's
     * {@code com.microsoft.DynamicQuantizeLSTM}). Attention scores, softmax, normalisation and
     * the sigmoid stay float.
     */
    INT8
  }

  private static final String MICROSOFT_DOMAIN = "com.microsoft";
  /**
   * The LSTM layer that reads the standardised features. It stays float under INT8: the input is
   * quantised per tensor at run time, so one rare feature far out (z-scores of 20 and more) sets
   * the step for all, and the fine time features that tell a jump or a skipped tier were lost
   * (jump AUC −0.033, locErr −0.019 on the reference trails with it quantised).
   */
  private static final int FIRST_LSTM = 1;

  private final ComputationGraph network;
  private final Precision precision;
  private final int features;
  private final int hidden;

  /** An FP32 exporter for {@code network}. */
  public OnnxExporter(ComputationGraph network) {
    this(network, Precision.FP32);
  }

  /** An exporter for {@code network} writing {@code precision} weights. */
  public OnnxExporter(ComputationGraph network, Precision precision) {
    this.network = network;
    this.precision = precision;
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
    x = bidirectionalLstm(graph, FIRST_LSTM, x);
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
    if (precision == Precision.INT8) {
      model.addOpsetImport(Onnx.OperatorSetIdProto.newBuilder().setDomain(MICROSOFT_DOMAIN).setVersion(1));
    }
    metadata.forEach((key, value) ->
        model.addMetadataProps(Onnx.StringStringEntryProto.newBuilder().setKey(key).setValue(value)));
    return model.build();
  }

  /** One bidirectional layer on time-major {@code x [T, N, in]}; returns {@code [T, N, 2H]}. */
  private String bidirectionalLstm(OnnxGraphBuilder graph, int layer, String x) {
    String forward = LstmNetworkFactory.forward(layer);
    String backward = LstmNetworkFactory.backward(layer);
    int in = (int) param(forward, "W").size(0);
    float[] w = concat(gateMajor(param(forward, "W")), gateMajor(param(backward, "W")));
    float[] r = concat(gateMajor(param(forward, "RW")), gateMajor(param(backward, "RW")));
    String b = graph.floats("lstm" + layer + "_B", concat(bias(param(forward, "b")),
        bias(param(backward, "b"))), 2, 8L * hidden);
    String y = "lstm" + layer + "_Y";
    Attribute[] attributes = {
        Attribute.of("direction", "bidirectional"), Attribute.of("hidden_size", (long) hidden)};
    if (precision == Precision.INT8 && layer > FIRST_LSTM) {
      quantizedLstm(graph, layer, x, w, r, b, in, attributes, y);
    } else {
      graph.nodeWithOutputs("LSTM", attributes, new String[] {x,
          graph.floats("lstm" + layer + "_W", w, 2, 4L * hidden, in),
          graph.floats("lstm" + layer + "_R", r, 2, 4L * hidden, hidden), b,
          OnnxSequenceScorer.INPUT_LENGTHS}, y);
    }
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
    return weightProduct(graph, "att_Wo", merged, floats(wo), wo.size(0), wo.size(1));
  }

  /** {@code x [N,T,C]} times all heads' projection, {@code [N, T, heads × headSize]}. */
  private String projection(OnnxGraphBuilder graph, String x, String key) {
    INDArray w = param(LstmNetworkFactory.ATTENTION, key); // [heads, headSize, C]
    INDArray all = w.reshape('c', w.size(0) * w.size(1), w.size(2)).transpose();
    return weightProduct(graph, "att_" + key, x, floats(all), all.size(0), all.size(1));
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
    String product = weightProduct(graph, layer + "_W", x, floats(w), w.size(0), w.size(1));
    return graph.node("Add", layer + "_bias", product, graph.floats(layer + "_b", floats(b), b.length()));
  }

  /** {@code x · W} for a constant {@code W [rows, columns]}, quantised when exporting INT8. */
  private String weightProduct(OnnxGraphBuilder graph, String name, String x, float[] w, long rows,
      long columns) {
    if (precision == Precision.FP32) {
      return graph.node("MatMul", name + "_matmul", x, graph.floats(name, w, rows, columns));
    }
    Int8Tensor q = Int8Tensor.of(w, 1);
    String xq = name + "_xq";
    String xScale = name + "_xscale";
    String xZero = name + "_xzero";
    graph.nodeWithOutputs("DynamicQuantizeLinear", new Attribute[0], new String[] {x}, xq, xScale, xZero);
    String product = graph.node("MatMulInteger", name + "_int", xq,
        graph.int8s(name + "_q", q.values(), rows, columns), xZero,
        graph.int8s(name + "_zero", new byte[] {0}));
    String asFloat = graph.node("Cast", name + "_float", new Attribute[] {Attribute.of("to",
        (long) Onnx.TensorProto.DataType.FLOAT.getNumber())}, product);
    return graph.node("Mul", name + "_dequant", graph.node("Mul", name + "_xdequant", asFloat, xScale),
        graph.floats(name + "_scale", q.scales()));
  }

  /** ONNX Runtime's DynamicQuantizeLSTM: int8 weights laid out {@code [dirs, in, 4H]}. */
  private void quantizedLstm(OnnxGraphBuilder graph, int layer, String x, float[] w, float[] r,
      String b, int in, Attribute[] attributes, String y) {
    Int8Tensor wq = Int8Tensor.of(inputMajor(w, in), 2);
    Int8Tensor rq = Int8Tensor.of(inputMajor(r, hidden), 2);
    String name = "lstm" + layer;
    graph.nodeWithOutputs(MICROSOFT_DOMAIN, "DynamicQuantizeLSTM", attributes, new String[] {x,
        graph.int8s(name + "_Wq", wq.values(), 2, in, 4L * hidden),
        graph.int8s(name + "_Rq", rq.values(), 2, hidden, 4L * hidden), b,
        OnnxSequenceScorer.INPUT_LENGTHS, "", "", "",
        graph.floats(name + "_Wscale", wq.scales(), 2), graph.int8s(name + "_Wzero", new byte[2], 2),
        graph.floats(name + "_Rscale", rq.scales(), 2), graph.int8s(name + "_Rzero", new byte[2], 2)}, y);
  }

  /** ONNX {@code [2, 4H, in]} to {@code [2, in, 4H]}. */
  private float[] inputMajor(float[] gateMajor, int in) {
    float[] out = new float[gateMajor.length];
    int rows = 4 * hidden;
    for (int d = 0; d < 2; d++) {
      for (int row = 0; row < rows; row++) {
        for (int c = 0; c < in; c++) {
          out[d * rows * in + c * rows + row] = gateMajor[d * rows * in + row * in + c];
        }
      }
    }
    return out;
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
