package org.barcodeanomaly.svm.model;

/**
 * A small direct-mapped memo of scores by feature vector. A score depends only on the type's
 * feature values, and most events share them exactly (every event of a well-formed EPC has the
 * same EPC features; every departure has the same "no move" travel features), so most kernel
 * evaluations can be skipped without changing a single score.
 *
 * <p>Bounded (a slot per hash bucket, a newer vector replaces an older one); not thread-safe:
 * each scoring task keeps its own. Training uses it too, for the same reason, on decision values.
 */
public final class ScoreMemo {

  private static final int SLOTS = 1 << 12;

  private final int dimensions;
  private final double[] keys;
  private final double[] scores;
  private final boolean[] filled;

  /** An empty memo for vectors of {@code dimensions} values. */
  public ScoreMemo(int dimensions) {
    this.dimensions = dimensions;
    this.keys = new double[SLOTS * dimensions];
    this.scores = new double[SLOTS];
    this.filled = new boolean[SLOTS];
  }

  /** The slot {@code values} maps to. */
  public int slot(double[] values) {
    long hash = 1;
    for (int k = 0; k < dimensions; k++) {
      hash = 31 * hash + Double.doubleToLongBits(values[k]);
    }
    hash ^= hash >>> 29;
    hash *= 0x9E3779B97F4A7C15L;
    return (int) (hash >>> 52) & (SLOTS - 1);
  }

  /** Whether slot {@code slot} holds the score of exactly {@code values}. */
  public boolean holds(int slot, double[] values) {
    if (!filled[slot]) {
      return false;
    }
    int offset = slot * dimensions;
    for (int k = 0; k < dimensions; k++) {
      if (keys[offset + k] != values[k]) {
        return false;
      }
    }
    return true;
  }

  /** The score held in {@code slot}. */
  public double score(int slot) {
    return scores[slot];
  }

  /** Stores the score of {@code values} in {@code slot}. */
  public void store(int slot, double[] values, double score) {
    System.arraycopy(values, 0, keys, slot * dimensions, dimensions);
    scores[slot] = score;
    filled[slot] = true;
  }
}
