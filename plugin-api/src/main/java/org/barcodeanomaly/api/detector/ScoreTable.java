package org.barcodeanomaly.api.detector;

import org.barcodeanomaly.api.event.AnomalyType;

/**
 * Scores of a batch of events: for each event (in batch order) one score per
 * {@link AnomalyType}, 0 (normal) to 100 (certainly anomalous).
 *
 * <p>A detector fills the table it is handed; callers read it afterwards. Backed by one flat
 * float array, so a million events cost 20 MB and no per-event object. Not thread-safe while
 * being filled; safe to share once the detector has returned it.
 */
public final class ScoreTable {

  /** Lowest score. */
  public static final float MIN_SCORE = 0f;
  /** Highest score. */
  public static final float MAX_SCORE = 100f;

  private final float[] scores;
  private final int size;

  /** A table of {@code size} events, every score 0. */
  public ScoreTable(int size) {
    if (size < 0) {
      throw new IllegalArgumentException("size must be >= 0, was " + size);
    }
    this.size = size;
    this.scores = new float[size * AnomalyType.COUNT];
  }

  /** Number of events. */
  public int size() {
    return size;
  }

  /** The score of event {@code index} for {@code type}. */
  public float get(int index, AnomalyType type) {
    return scores[offset(index) + type.ordinal()];
  }

  /**
   * Sets a score, clamped to 0..100.
   *
   * @throws IllegalArgumentException when {@code score} is NaN
   */
  public void set(int index, AnomalyType type, double score) {
    if (Double.isNaN(score)) {
      throw new IllegalArgumentException("score of event " + index + " for "
          + type.contractName() + " is NaN");
    }
    scores[offset(index) + type.ordinal()] = (float) Math.max(MIN_SCORE, Math.min(MAX_SCORE, score));
  }

  /** Raises a score to {@code score} if that is higher than the current one (clamped to 0..100). */
  public void raise(int index, AnomalyType type, double score) {
    if (score > get(index, type)) {
      set(index, type, score);
    }
  }

  private int offset(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("event index " + index + " outside 0.." + (size - 1));
    }
    return index * AnomalyType.COUNT;
  }
}
