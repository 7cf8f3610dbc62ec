package org.barcodeanomaly.lstm.attribution;

import org.deeplearning4j.nn.conf.graph.ScaleVertex;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An identity vertex between the network input and the layers that read it, which keeps the
 * gradient that reaches it: DL4J drops the epsilon of its input vertex and clears every vertex's
 * after a backward pass, so without a tap the input gradient is not observable. Only in the copy
 * {@link IntegratedGradients} makes; never trained or saved.
 */
final class InputTapVertex extends ScaleVertex {

  private static final long serialVersionUID = 1L;

  InputTapVertex() {
    super(1.0);
  }

  @Override
  public InputTapVertex clone() {
    return new InputTapVertex();
  }

  @Override
  public GraphVertex instantiate(ComputationGraph graph, String name, int idx, INDArray paramsView,
      boolean initializeParams, DataType networkDatatype) {
    return new Tap(graph, name, idx, networkDatatype);
  }

  /** The vertex at work: passes values through and keeps a copy of the gradient of its output. */
  static final class Tap extends org.deeplearning4j.nn.graph.vertex.impl.ScaleVertex {

    private static final long serialVersionUID = 1L;
    private INDArray captured;

    Tap(ComputationGraph graph, String name, int idx, DataType dataType) {
      super(graph, name, idx, 1.0, dataType);
    }

    @Override
    public Pair<Gradient, INDArray[]> doBackward(boolean tbptt, LayerWorkspaceMgr workspaceMgr) {
      captured = getEpsilon().dup();
      return super.doBackward(tbptt, workspaceMgr);
    }

    /** The gradient of the last backward pass at the input, or null before one. */
    INDArray captured() {
      return captured;
    }
  }
}
