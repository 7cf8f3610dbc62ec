package org.barcodeanomaly.lstm.training;

import org.nd4j.linalg.schedule.ISchedule;

/**
 * One-cycle learning rate (Smith 2018): a linear warm-up from {@code max/25} to {@code max} over
 * the first {@code warmupFraction} of the iterations, then cosine annealing down to
 * {@code max/10^4} at the last iteration; constant at the floor afterwards.
 *
 * <p>Counts iterations (minibatches), not epochs. No-argument constructor and setters exist for
 * DL4J's JSON serialisation of the network.
 */
public final class OneCycleSchedule implements ISchedule {

  private static final long serialVersionUID = 1L;

  private double maxRate;
  private int totalIterations;
  private double warmupFraction;

  /** For JSON deserialisation. */
  public OneCycleSchedule() {
  }

  /**
   * A cycle peaking at {@code maxRate} over {@code totalIterations}.
   *
   * @throws IllegalArgumentException when a value is out of range (named in the message)
   */
  public OneCycleSchedule(double maxRate, int totalIterations, double warmupFraction) {
    if (!(maxRate > 0) || totalIterations < 1 || !(warmupFraction > 0 && warmupFraction < 1)) {
      throw new IllegalArgumentException("one-cycle schedule needs maxRate > 0 (was " + maxRate
          + "), totalIterations >= 1 (was " + totalIterations + ") and 0 < warmupFraction < 1 (was "
          + warmupFraction + ")");
    }
    this.maxRate = maxRate;
    this.totalIterations = totalIterations;
    this.warmupFraction = warmupFraction;
  }

  @Override
  public double valueAt(int iteration, int epoch) {
    double start = maxRate / 25;
    double floor = maxRate / 1e4;
    int warmup = Math.max(1, (int) Math.round(totalIterations * warmupFraction));
    if (iteration < warmup) {
      return start + (maxRate - start) * iteration / warmup;
    }
    if (iteration >= totalIterations) {
      return floor;
    }
    double progress = (double) (iteration - warmup) / Math.max(1, totalIterations - warmup);
    return floor + (maxRate - floor) * 0.5 * (1 + Math.cos(Math.PI * progress));
  }

  @Override
  public ISchedule clone() {
    return new OneCycleSchedule(maxRate, totalIterations, warmupFraction);
  }

  /** Peak learning rate. */
  public double getMaxRate() {
    return maxRate;
  }

  /** For JSON deserialisation. */
  public void setMaxRate(double maxRate) {
    this.maxRate = maxRate;
  }

  /** Iterations of the whole cycle. */
  public int getTotalIterations() {
    return totalIterations;
  }

  /** For JSON deserialisation. */
  public void setTotalIterations(int totalIterations) {
    this.totalIterations = totalIterations;
  }

  /** Share of the cycle spent warming up. */
  public double getWarmupFraction() {
    return warmupFraction;
  }

  /** For JSON deserialisation. */
  public void setWarmupFraction(double warmupFraction) {
    this.warmupFraction = warmupFraction;
  }
}
