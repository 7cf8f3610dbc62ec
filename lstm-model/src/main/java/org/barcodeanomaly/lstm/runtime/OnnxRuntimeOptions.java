package org.barcodeanomaly.lstm.runtime;

/**
 * How the ONNX Runtime session runs. Fluent, as the other options objects of the project.
 *
 * <p>Defaults suit this project's 2-core servers: two intra-op threads (one batch uses both
 * cores; measured in {@code lstm-plugin/README.md}), one inter-op thread (the graph is a chain),
 * CUDA off. Concurrent requests share the one session, so more threads than cores only add
 * contention.
 */
public final class OnnxRuntimeOptions {

  private int intraOpThreads = 2;
  private boolean cuda;

  /** Threads one forward pass may use. */
  public int getIntraOpThreads() {
    return intraOpThreads;
  }

  /**
   * Sets the threads one forward pass may use.
   *
   * @throws IllegalArgumentException when {@code threads} is below 1
   */
  public OnnxRuntimeOptions setIntraOpThreads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("intraOpThreads must be >= 1, was " + threads);
    }
    this.intraOpThreads = threads;
    return this;
  }

  /** Whether to try the CUDA execution provider (falls back to the CPU when it cannot load). */
  public boolean isCuda() {
    return cuda;
  }

  /** Sets whether to try the CUDA execution provider. */
  public OnnxRuntimeOptions setCuda(boolean cuda) {
    this.cuda = cuda;
    return this;
  }
}
