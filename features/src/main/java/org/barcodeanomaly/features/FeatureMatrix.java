package org.barcodeanomaly.features;

/**
 * Feature values of a run of consecutive trails: one row per event, in trail order, one column
 * per {@link Feature} (ordinal order), backed by one flat float array.
 *
 * <p>Row {@code r} belongs to the event at trail-order position {@code firstPosition() + r} of
 * the {@link Trails} it was computed from; {@link #eventIndex(int)} gives its index in the input
 * batch. Not thread-safe while {@link FeatureExtractor} fills it; safe to read afterwards.
 */
public final class FeatureMatrix {

  private final Trails trails;
  private final int firstPosition;
  private final int rows;
  private final float[] values;

  FeatureMatrix(Trails trails, int firstPosition, int rows) {
    this.trails = trails;
    this.firstPosition = firstPosition;
    this.rows = rows;
    this.values = new float[rows * Feature.COUNT];
  }

  /** Number of rows (events). */
  public int rows() {
    return rows;
  }

  /** Trail-order position of row 0. */
  public int firstPosition() {
    return firstPosition;
  }

  /** Input index (in {@link Trails#events()}) of the event of row {@code row}. */
  public int eventIndex(int row) {
    return trails.eventIndex(firstPosition + checkRow(row));
  }

  /** The value of {@code feature} for row {@code row}. */
  public float get(int row, Feature feature) {
    return values[checkRow(row) * Feature.COUNT + feature.ordinal()];
  }

  /** Copies row {@code row}'s values of {@code selected} into {@code into}, in that order. */
  public void copySelected(int row, Feature[] selected, double[] into) {
    int offset = checkRow(row) * Feature.COUNT;
    for (int k = 0; k < selected.length; k++) {
      into[k] = values[offset + selected[k].ordinal()];
    }
  }

  /** Row {@code row} as a new array in column order. */
  public float[] row(int row) {
    float[] copy = new float[Feature.COUNT];
    System.arraycopy(values, checkRow(row) * Feature.COUNT, copy, 0, Feature.COUNT);
    return copy;
  }

  void set(int row, Feature feature, double value) {
    values[row * Feature.COUNT + feature.ordinal()] = feature.clip(value);
  }

  void copyRow(int fromRow, int toRow) {
    System.arraycopy(values, fromRow * Feature.COUNT, values, toRow * Feature.COUNT, Feature.COUNT);
  }

  private int checkRow(int row) {
    if (row < 0 || row >= rows) {
      throw new IndexOutOfBoundsException("feature row " + row + " outside 0.." + (rows - 1));
    }
    return row;
  }
}
