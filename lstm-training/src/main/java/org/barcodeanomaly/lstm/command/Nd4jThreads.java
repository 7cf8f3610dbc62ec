package org.barcodeanomaly.lstm.command;

import org.nd4j.linalg.factory.Nd4j;

/** ND4J's thread setting for this project's 2-core machines. */
final class Nd4jThreads {

  private Nd4jThreads() {
  }

  /**
   * One ND4J thread unless {@code OMP_NUM_THREADS} says otherwise: on 2 cores ND4J's default of
   * two threads trains about 2× slower (BUILD_NOTES.md).
   */
  static void configure() {
    String env = System.getenv("OMP_NUM_THREADS");
    int threads = 1;
    if (env != null && env.matches("\\d+")) {
      threads = Math.max(1, Integer.parseInt(env));
    }
    Nd4j.getEnvironment().setMaxThreads(threads);
  }
}
