package org.barcodeanomaly.lstm.training;

/**
 * How long and how the training loop runs.
 *
 * @param epochs    upper bound on epochs
 * @param batchSize sequences per minibatch
 * @param patience  epochs without a better validation macro AUC before stopping early
 * @param seed      shuffling seed
 */
public record TrainerSettings(int epochs, int batchSize, int patience, long seed) {

  /** Checks the ranges. */
  public TrainerSettings {
    if (epochs < 1 || batchSize < 1 || patience < 1) {
      throw new IllegalArgumentException("epochs (" + epochs + "), batchSize (" + batchSize
          + ") and patience (" + patience + ") must all be >= 1");
    }
  }

  /** Minibatches per epoch for {@code sequences} training sequences. */
  public int batchesPerEpoch(int sequences) {
    return (sequences + batchSize - 1) / batchSize;
  }
}
