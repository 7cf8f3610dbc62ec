package org.barcodeanomaly.lstm.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import onnx.Onnx;
import org.nd4j.shade.protobuf.ByteString;

/**
 * A thin helper over the ONNX protobuf builders: nodes with unique output names, constant
 * initializers and typed graph inputs/outputs, so the exporter reads as the network's
 * computation rather than protobuf plumbing. Not thread-safe; one per export.
 */
final class OnnxGraphBuilder {

  private final Onnx.GraphProto.Builder graph = Onnx.GraphProto.newBuilder();
  private int counter;

  OnnxGraphBuilder(String name) {
    graph.setName(name);
  }

  /** Adds node {@code op} on {@code inputs} with one fresh output, named after {@code hint}. */
  String node(String op, String hint, Attribute[] attributes, String... inputs) {
    String output = hint + "_" + (counter++);
    nodeWithOutputs(op, attributes, inputs, output);
    return output;
  }

  /** Adds node {@code op} without attributes. */
  String node(String op, String hint, String... inputs) {
    return node(op, hint, new Attribute[0], inputs);
  }

  /** Adds a node with explicitly named outputs (empty name = output not used). */
  void nodeWithOutputs(String op, Attribute[] attributes, String[] inputs, String... outputs) {
    nodeWithOutputs("", op, attributes, inputs, outputs);
  }

  /** As {@link #nodeWithOutputs(String, Attribute[], String[], String...)}, in operator {@code domain}. */
  void nodeWithOutputs(String domain, String op, Attribute[] attributes, String[] inputs,
      String... outputs) {
    Onnx.NodeProto.Builder node = Onnx.NodeProto.newBuilder().setOpType(op).setDomain(domain)
        .setName(op + "_" + (counter++));
    for (String input : inputs) {
      node.addInput(input);
    }
    for (String output : outputs) {
      node.addOutput(output);
    }
    for (Attribute attribute : attributes) {
      node.addAttribute(attribute.proto());
    }
    graph.addNode(node);
  }

  /** Adds a float constant of shape {@code dims}; returns its name. */
  String floats(String name, float[] values, long... dims) {
    ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(values);
    return initializer(name, Onnx.TensorProto.DataType.FLOAT, ByteString.copyFrom(bytes.array()), dims);
  }

  /** Adds an int64 constant of shape {@code dims}; returns its name. */
  String longs(String name, long[] values, long... dims) {
    ByteBuffer bytes = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asLongBuffer().put(values);
    return initializer(name, Onnx.TensorProto.DataType.INT64, ByteString.copyFrom(bytes.array()), dims);
  }

  /** Adds an int8 constant of shape {@code dims}; returns its name. */
  String int8s(String name, byte[] values, long... dims) {
    return initializer(name, Onnx.TensorProto.DataType.INT8, ByteString.copyFrom(values), dims);
  }

  private String initializer(String name, Onnx.TensorProto.DataType type, ByteString raw, long... dims) {
    Onnx.TensorProto.Builder tensor = Onnx.TensorProto.newBuilder().setName(name)
        .setDataType(type.getNumber()).setRawData(raw);
    for (long dim : dims) {
      tensor.addDims(dim);
    }
    graph.addInitializer(tensor);
    return name;
  }

  /** Declares a graph input; a {@code String} dim is symbolic, a {@code Number} fixed. */
  void input(String name, Onnx.TensorProto.DataType type, Object... dims) {
    graph.addInput(valueInfo(name, type, dims));
  }

  /** Declares a graph output. */
  void output(String name, Onnx.TensorProto.DataType type, Object... dims) {
    graph.addOutput(valueInfo(name, type, dims));
  }

  private static Onnx.ValueInfoProto valueInfo(String name, Onnx.TensorProto.DataType type,
      Object... dims) {
    Onnx.TensorShapeProto.Builder shape = Onnx.TensorShapeProto.newBuilder();
    for (Object dim : dims) {
      Onnx.TensorShapeProto.Dimension.Builder d = Onnx.TensorShapeProto.Dimension.newBuilder();
      if (dim instanceof Number n) {
        d.setDimValue(n.longValue());
      } else {
        d.setDimParam(dim.toString());
      }
      shape.addDim(d);
    }
    return Onnx.ValueInfoProto.newBuilder().setName(name)
        .setType(Onnx.TypeProto.newBuilder().setTensorType(Onnx.TypeProto.Tensor.newBuilder()
            .setElemType(type.getNumber()).setShape(shape)))
        .build();
  }

  /** The finished graph. */
  Onnx.GraphProto build() {
    return graph.build();
  }

  /** A node attribute. */
  record Attribute(Onnx.AttributeProto proto) {

    static Attribute of(String name, long value) {
      return new Attribute(Onnx.AttributeProto.newBuilder().setName(name)
          .setType(Onnx.AttributeProto.AttributeType.INT).setI(value).build());
    }

    static Attribute of(String name, float value) {
      return new Attribute(Onnx.AttributeProto.newBuilder().setName(name)
          .setType(Onnx.AttributeProto.AttributeType.FLOAT).setF(value).build());
    }

    static Attribute of(String name, String value) {
      return new Attribute(Onnx.AttributeProto.newBuilder().setName(name)
          .setType(Onnx.AttributeProto.AttributeType.STRING)
          .setS(ByteString.copyFromUtf8(value)).build());
    }

    static Attribute ints(String name, long... values) {
      Onnx.AttributeProto.Builder builder = Onnx.AttributeProto.newBuilder().setName(name)
          .setType(Onnx.AttributeProto.AttributeType.INTS);
      for (long value : values) {
        builder.addInts(value);
      }
      return new Attribute(builder.build());
    }
  }
}
