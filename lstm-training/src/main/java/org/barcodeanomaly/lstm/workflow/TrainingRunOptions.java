package org.barcodeanomaly.lstm.workflow;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@code train-lstm} does: where the data is and the model goes, how long to train, on how
 * many EPCs, with which seed, and the extras (rule detector beside it, label-noise run).
 * Fluent; the defaults are those of the bundled model.
 */
public final class TrainingRunOptions {

  /** Default gap between the parts' last scans, in hours. */
  public static final long DEFAULT_BUFFER_HOURS = 24;

  private Path data;
  private Path out;
  private int epochs = 12;
  private int maxEpcs = Integer.MAX_VALUE;
  private long seed = 20261125L;
  private int batchSize = 128;
  private int patience = 3;
  private double labelNoise = 0.05;
  private long bufferHours = DEFAULT_BUFFER_HOURS;
  private Path pluginsDir;

  /** The simulator output directory ({@code scans/}, {@code labels.csv}). */
  public Path getData() {
    return data;
  }

  /** Sets the data directory. */
  public TrainingRunOptions setData(Path data) {
    this.data = Objects.requireNonNull(data, "data");
    return this;
  }

  /** The model directory to write. */
  public Path getOut() {
    return out;
  }

  /** Sets the model directory. */
  public TrainingRunOptions setOut(Path out) {
    this.out = Objects.requireNonNull(out, "out");
    return this;
  }

  /** Most epochs (early stopping may end sooner). */
  public int getEpochs() {
    return epochs;
  }

  /** Sets the most epochs. */
  public TrainingRunOptions setEpochs(int epochs) {
    this.epochs = epochs;
    return this;
  }

  /** Most EPCs (trails) to use, a seeded sample when the data has more. */
  public int getMaxEpcs() {
    return maxEpcs;
  }

  /** Sets the most EPCs. */
  public TrainingRunOptions setMaxEpcs(int maxEpcs) {
    this.maxEpcs = maxEpcs;
    return this;
  }

  /** Seed of the sample, split, prefixes, initialisation, shuffling and label noise. */
  public long getSeed() {
    return seed;
  }

  /** Sets the seed. */
  public TrainingRunOptions setSeed(long seed) {
    this.seed = seed;
    return this;
  }

  /** Sequences per minibatch. */
  public int getBatchSize() {
    return batchSize;
  }

  /** Sets the minibatch size. */
  public TrainingRunOptions setBatchSize(int batchSize) {
    this.batchSize = batchSize;
    return this;
  }

  /** Epochs without improvement before stopping. */
  public int getPatience() {
    return patience;
  }

  /** Sets the early-stopping patience. */
  public TrainingRunOptions setPatience(int patience) {
    this.patience = patience;
    return this;
  }

  /** Share of training labels flipped in the label-noise run; 0 skips that run. */
  public double getLabelNoise() {
    return labelNoise;
  }

  /** Sets the label-noise share. */
  public TrainingRunOptions setLabelNoise(double labelNoise) {
    this.labelNoise = labelNoise;
    return this;
  }

  /** Hours between the splits' first scans. */
  public long getBufferHours() {
    return bufferHours;
  }

  /** Sets the split buffer. */
  public TrainingRunOptions setBufferHours(long bufferHours) {
    this.bufferHours = bufferHours;
    return this;
  }

  /** Plugin directory holding the rule detector for the report, or {@code null} to skip it. */
  public Path getPluginsDir() {
    return pluginsDir;
  }

  /** Sets the plugin directory (nullable). */
  public TrainingRunOptions setPluginsDir(Path pluginsDir) {
    this.pluginsDir = pluginsDir;
    return this;
  }

  /**
   * The {@code train-lstm} command line of these options, every option that shapes the model
   * spelled out (defaults included), so the provenance alone is enough to train it again.
   */
  public String command() {
    return "bin/anomaly train-lstm --data " + data + " --out " + out + " --epochs " + epochs
        + (maxEpcs == Integer.MAX_VALUE ? "" : " --max-epcs " + maxEpcs) + " --seed " + seed
        + " --batch-size " + batchSize + " --patience " + patience + " --label-noise " + labelNoise
        + " --buffer-hours " + bufferHours;
  }
}
