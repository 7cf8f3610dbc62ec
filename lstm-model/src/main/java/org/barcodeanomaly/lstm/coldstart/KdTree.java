package org.barcodeanomaly.lstm.coldstart;

/**
 * A k-d tree over a fixed set of points for exact Euclidean nearest-neighbour distance.
 *
 * <p>Exists because the cold-start index must answer "how far is this event from the nearest
 * normal one" per request event, and a linear scan over 20,000 vectors of 45 features would cost
 * more than the network itself. Built once (median splits on the widest dimension, O(n log² n));
 * a query descends to the query's leaf and backtracks only into subtrees whose splitting plane is
 * closer than the best distance found, so it visits far fewer than n points when the data are
 * clustered (as normal events are). Immutable and thread-safe after construction; the points are
 * copied.
 */
public final class KdTree {

  /** Points per leaf: below this a linear scan beats further splitting. */
  private static final int LEAF_SIZE = 8;

  private final int dimensions;
  private final float[] points;
  private final int[] order;
  /** Per node: splitting dimension, or -1 for a leaf. Nodes are stored in heap order. */
  private final int[] splitDimension;
  private final float[] splitValue;

  /**
   * A tree over {@code vectors}, all of the same length.
   *
   * @throws IllegalArgumentException naming the row when a vector has another length
   */
  public KdTree(float[][] vectors) {
    this.dimensions = vectors.length == 0 ? 0 : vectors[0].length;
    this.points = new float[vectors.length * dimensions];
    this.order = new int[vectors.length];
    for (int i = 0; i < vectors.length; i++) {
      if (vectors[i].length != dimensions) {
        throw new IllegalArgumentException("vector " + i + " has " + vectors[i].length
            + " values, vector 0 has " + dimensions + "; all vectors must have the same length");
      }
      System.arraycopy(vectors[i], 0, points, i * dimensions, dimensions);
      order[i] = i;
    }
    int nodes = 2 * Integer.highestOneBit(Math.max(1, vectors.length / LEAF_SIZE + 1)) * 2;
    this.splitDimension = new int[nodes];
    this.splitValue = new float[nodes];
    build(0, 0, vectors.length);
  }

  /** Number of points. */
  public int size() {
    return order.length;
  }

  /** Length of every point. */
  public int dimensions() {
    return dimensions;
  }

  /**
   * Euclidean distance from {@code query} to the nearest point other than point
   * {@code excluded} (pass -1 to exclude none); infinity when there is no such point.
   */
  public double nearestDistance(float[] query, int excluded) {
    if (query.length != dimensions) {
      throw new IllegalArgumentException("query has " + query.length + " values, the tree's points "
          + dimensions + "; build the query with the same features as the index");
    }
    double[] best = {Double.POSITIVE_INFINITY};
    search(0, 0, order.length, query, excluded, best);
    return Math.sqrt(best[0]);
  }

  private void build(int node, int from, int to) {
    if (to - from <= LEAF_SIZE || node * 2 + 2 >= splitDimension.length) {
      splitDimension[node] = -1;
      return;
    }
    int dimension = widestDimension(from, to);
    int middle = (from + to) >>> 1;
    select(from, to, middle, dimension);
    splitDimension[node] = dimension;
    splitValue[node] = coordinate(order[middle], dimension);
    build(node * 2 + 1, from, middle);
    build(node * 2 + 2, middle, to);
  }

  private void search(int node, int from, int to, float[] query, int excluded, double[] best) {
    int dimension = splitDimension[node];
    if (dimension < 0) {
      for (int i = from; i < to; i++) {
        if (order[i] != excluded) {
          best[0] = Math.min(best[0], squaredDistance(order[i], query, best[0]));
        }
      }
      return;
    }
    int middle = (from + to) >>> 1;
    double offset = query[dimension] - splitValue[node];
    boolean left = offset < 0;
    search(left ? node * 2 + 1 : node * 2 + 2, left ? from : middle, left ? middle : to, query, excluded, best);
    if (offset * offset < best[0]) {
      search(left ? node * 2 + 2 : node * 2 + 1, left ? middle : from, left ? to : middle, query, excluded, best);
    }
  }

  /** Squared distance, abandoned (returning a larger value) once it exceeds {@code bound}. */
  private double squaredDistance(int point, float[] query, double bound) {
    double sum = 0;
    int base = point * dimensions;
    for (int k = 0; k < dimensions && sum <= bound; k++) {
      double difference = points[base + k] - query[k];
      sum += difference * difference;
    }
    return sum;
  }

  private int widestDimension(int from, int to) {
    int widest = 0;
    float widestRange = -1;
    for (int k = 0; k < dimensions; k++) {
      float min = Float.POSITIVE_INFINITY;
      float max = Float.NEGATIVE_INFINITY;
      for (int i = from; i < to; i++) {
        float value = coordinate(order[i], k);
        min = Math.min(min, value);
        max = Math.max(max, value);
      }
      if (max - min > widestRange) {
        widestRange = max - min;
        widest = k;
      }
    }
    return widest;
  }

  /** Quickselect: reorders {@code order[from, to)} so that position {@code k} holds its median. */
  private void select(int from, int to, int k, int dimension) {
    int low = from;
    int high = to - 1;
    while (low < high) {
      float pivot = coordinate(order[(low + high) >>> 1], dimension);
      int i = low;
      int j = high;
      while (i <= j) {
        while (coordinate(order[i], dimension) < pivot) {
          i++;
        }
        while (coordinate(order[j], dimension) > pivot) {
          j--;
        }
        if (i <= j) {
          int swap = order[i];
          order[i++] = order[j];
          order[j--] = swap;
        }
      }
      if (k <= j) {
        high = j;
      } else if (k >= i) {
        low = i;
      } else {
        return;
      }
    }
  }

  private float coordinate(int point, int dimension) {
    return points[point * dimensions + dimension];
  }
}
