package org.barcodeanomaly.svm.train;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * How {@link SvmTrainer} trains: the seed, how much data, the hyper-parameter grids and where
 * progress goes. Fluent, with documented defaults; setters check their values.
 */
public final class TrainingOptions {

  /** Default seed of the split, the subsampling and libsvm. */
  public static final long DEFAULT_SEED = 7;
  /**
   * Default number of normal events each type's SVM trains on. libsvm's training is quadratic in
   * it and scoring is linear in the support vectors it keeps, so more does not pay (README).
   */
  public static final int DEFAULT_TRAINING_EVENTS_PER_TYPE = 12_000;
  /** Default ν grid: the share of training events allowed outside the learned region. */
  public static final double[] DEFAULT_NU_GRID = {0.002, 0.01, 0.05};
  /** Default γ grid, as multiples of 1 / (number of features). */
  public static final double[] DEFAULT_GAMMA_FACTORS = {0.1, 0.5, 2.0};

  private long seed = DEFAULT_SEED;
  private int maxEvents;
  private int trainingEventsPerType = DEFAULT_TRAINING_EVENTS_PER_TYPE;
  private double[] nuGrid = DEFAULT_NU_GRID.clone();
  private double[] gammaFactors = DEFAULT_GAMMA_FACTORS.clone();
  private Consumer<String> progress = message -> { };

  /** The seed. */
  public long getSeed() {
    return seed;
  }

  /** Sets the seed. */
  public TrainingOptions setSeed(long seed) {
    this.seed = seed;
    return this;
  }

  /** Upper bound on the events used (whole EPCs are kept or left out); 0 = all. */
  public int getMaxEvents() {
    return maxEvents;
  }

  /** Sets the bound on events used; 0 = all. */
  public TrainingOptions setMaxEvents(int maxEvents) {
    if (maxEvents < 0) {
      throw new IllegalArgumentException("maxEvents must be >= 0 (0 = all), was " + maxEvents);
    }
    this.maxEvents = maxEvents;
    return this;
  }

  /** Normal events each type's SVM trains on (a seeded subsample of the training split). */
  public int getTrainingEventsPerType() {
    return trainingEventsPerType;
  }

  /** Sets the training sample size per type. */
  public TrainingOptions setTrainingEventsPerType(int count) {
    if (count < 10) {
      throw new IllegalArgumentException("trainingEventsPerType must be >= 10, was " + count);
    }
    this.trainingEventsPerType = count;
    return this;
  }

  /** The ν values tried per type. */
  public double[] getNuGrid() {
    return nuGrid.clone();
  }

  /** Sets the ν values tried per type, each in (0, 1). */
  public TrainingOptions setNuGrid(double... values) {
    for (double nu : values) {
      if (!(nu > 0 && nu < 1)) {
        throw new IllegalArgumentException("every nu must be in (0, 1), found " + nu);
      }
    }
    this.nuGrid = requireSome(values, "nu grid");
    return this;
  }

  /** The γ multiples of 1 / (number of features) tried per type. */
  public double[] getGammaFactors() {
    return gammaFactors.clone();
  }

  /** Sets the γ multiples tried per type, each > 0. */
  public TrainingOptions setGammaFactors(double... values) {
    for (double factor : values) {
      if (!(factor > 0) || !Double.isFinite(factor)) {
        throw new IllegalArgumentException("every gamma factor must be a positive number, found " + factor);
      }
    }
    this.gammaFactors = requireSome(values, "gamma grid");
    return this;
  }

  /** Where progress lines go. */
  public Consumer<String> getProgress() {
    return progress;
  }

  /** Sets where progress lines go. */
  public TrainingOptions setProgress(Consumer<String> progress) {
    this.progress = Objects.requireNonNull(progress, "progress");
    return this;
  }

  private static double[] requireSome(double[] values, String name) {
    if (values.length == 0) {
      throw new IllegalArgumentException("the " + name + " needs at least one value");
    }
    return values.clone();
  }
}
