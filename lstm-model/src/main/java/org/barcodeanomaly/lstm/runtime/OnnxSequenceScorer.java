package org.barcodeanomaly.lstm.runtime;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.file.Path;
import java.util.Map;
import org.barcodeanomaly.lstm.sequence.SequenceBatch;

/**
 * One ONNX Runtime session over an exported LSTM: padded sequences in, per-step probabilities
 * of the five types out.
 *
 * <p>The graph's contract (written by the exporter in {@code lstm-training}): input
 * {@value #INPUT_FEATURES} float {@code [batch, steps, features]}, input {@value #INPUT_LENGTHS}
 * int32 {@code [batch]}, output {@value #OUTPUT_SCORES} float {@code [batch, steps, 5]} in
 * {@code 0..1}. Thread-safe: ONNX Runtime allows concurrent {@code run} calls on one session,
 * which is how concurrent requests share the model.
 */
public final class OnnxSequenceScorer implements AutoCloseable {

  /** Name of the feature input. */
  public static final String INPUT_FEATURES = "features";
  /** Name of the sequence-length input. */
  public static final String INPUT_LENGTHS = "lengths";
  /** Name of the probabilities output. */
  public static final String OUTPUT_SCORES = "scores";
  /** Outputs per step: one per anomaly type. */
  public static final int OUTPUTS = 5;

  private static final System.Logger LOG = System.getLogger(OnnxSequenceScorer.class.getName());

  private final OrtEnvironment environment;
  private final OrtSession session;
  private final boolean onCuda;

  /**
   * Loads {@code model}.
   *
   * @throws OrtException when ONNX Runtime cannot read the file or build the session
   */
  public OnnxSequenceScorer(Path model, OnnxRuntimeOptions options) throws OrtException {
    this.environment = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions sessionOptions = new OrtSession.SessionOptions()) {
      sessionOptions.setIntraOpNumThreads(options.getIntraOpThreads());
      sessionOptions.setInterOpNumThreads(1);
      sessionOptions.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
      sessionOptions.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      this.onCuda = options.isCuda() && tryCuda(sessionOptions);
      this.session = environment.createSession(model.toString(), sessionOptions);
    }
  }

  /** Whether the CUDA execution provider was added (otherwise the session runs on the CPU). */
  public boolean onCuda() {
    return onCuda;
  }

  /**
   * Runs the network on {@code batch}.
   *
   * @return probabilities laid out {@code [sequence][step][type]}, {@code count × maxLength × 5};
   *     padded steps hold meaningless values
   * @throws OrtException when ONNX Runtime fails (e.g. the batch's feature count does not match
   *     the model)
   */
  public float[] probabilities(SequenceBatch batch) throws OrtException {
    if (batch.count() == 0) {
      return new float[0];
    }
    long[] inputShape = {batch.count(), batch.maxLength(), batch.featureCount()};
    try (OnnxTensor features = OnnxTensor.createTensor(environment,
            FloatBuffer.wrap(batch.inputs()), inputShape);
        OnnxTensor lengths = OnnxTensor.createTensor(environment,
            IntBuffer.wrap(batch.lengths()), new long[] {batch.count()});
        OrtSession.Result result = session.run(
            Map.of(INPUT_FEATURES, features, INPUT_LENGTHS, lengths))) {
      OnnxTensor scores = (OnnxTensor) result.get(OUTPUT_SCORES)
          .orElseThrow(() -> new IllegalStateException("model has no output '" + OUTPUT_SCORES
              + "'; export it with `anomaly export-onnx`"));
      FloatBuffer buffer = scores.getFloatBuffer();
      float[] out = new float[buffer.remaining()];
      buffer.get(out);
      return out;
    }
  }

  private static boolean tryCuda(OrtSession.SessionOptions sessionOptions) {
    // onnxruntime_gpu reports CUDA as available even when its libraries cannot load, and
    // addCUDA then throws: the CPU is the fallback, never a failure (BUILD_NOTES.md).
    try {
      sessionOptions.addCUDA(0);
      return true;
    } catch (OrtException | RuntimeException | UnsatisfiedLinkError e) {
      LOG.log(System.Logger.Level.WARNING, "CUDA execution provider unavailable ("
          + e.getMessage() + "); the LSTM runs on the CPU");
      return false;
    }
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      LOG.log(System.Logger.Level.WARNING, "closing the ONNX session failed: " + e.getMessage());
    }
  }
}
