package org.barcodeanomaly.lstm.coldstart;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Feature vectors of normal single events, with the radius of their normal neighbourhood: the
 * evidence a first event (an EPC with no history in the request) is compared against.
 *
 * <p>Guarantees: built from at most {@link #MAX_VECTORS} normal vectors (more are subsampled with
 * a fixed seed, so the same input gives the same index); {@link #radius()} is the
 * {@value #RADIUS_PERCENTILE} quantile, over that sample, of each vector's distance to its nearest
 * other sampled vector, so 99 % of normal single events have a normal neighbour within it; only
 * distinct vectors are stored (a repeated vector changes no nearest distance, and normal single
 * events repeat a lot); lookups are exact nearest-neighbour distances through a {@link KdTree}. Vectors are in the model's normalised
 * feature space ({@code LstmModelSpec}), so the index belongs to one model directory and checks
 * its width against the model's at load. Immutable and thread-safe.
 */
public final class ColdStartIndex {

  /** File name inside a model directory. */
  public static final String FILE_NAME = "cold-start-index.bin";
  /** Version of the file layout; bumped when it changes. */
  public static final int FORMAT_VERSION = 1;
  /** Upper bound on indexed vectors: ~3.6 MB at 45 features. */
  public static final int MAX_VECTORS = 20_000;
  /** Quantile of normal-to-normal nearest distances used as the neighbourhood radius. */
  public static final double RADIUS_PERCENTILE = 0.99;

  private static final int MAGIC = 0x4353_4958; // "CSIX"

  private final float[][] vectors;
  private final double radius;
  private final KdTree tree;

  private ColdStartIndex(float[][] vectors, double radius) {
    this.vectors = vectors;
    this.radius = radius;
    this.tree = new KdTree(vectors);
  }

  /**
   * An index of {@code normalVectors} (at most {@link #MAX_VECTORS} of them, drawn with
   * {@code seed} when there are more), its radius computed from the kept vectors.
   *
   * @throws IllegalArgumentException when fewer than two vectors are given
   */
  public static ColdStartIndex build(List<float[]> normalVectors, long seed) {
    if (normalVectors.size() < 2) {
      throw new IllegalArgumentException("a cold-start index needs at least 2 normal vectors, got "
          + normalVectors.size() + "; use a data set with normal training trails");
    }
    float[][] sample = subsample(normalVectors, seed);
    KdTree tree = new KdTree(sample);
    double[] nearest = new double[sample.length];
    for (int i = 0; i < sample.length; i++) {
      nearest[i] = tree.nearestDistance(sample[i], i);
    }
    Arrays.sort(nearest);
    int rank = (int) Math.ceil(RADIUS_PERCENTILE * nearest.length) - 1;
    return new ColdStartIndex(distinct(sample), nearest[Math.max(0, rank)]);
  }

  private static float[][] distinct(float[][] vectors) {
    Set<FloatKey> seen = new HashSet<>();
    List<float[]> distinct = new ArrayList<>();
    for (float[] vector : vectors) {
      if (seen.add(new FloatKey(vector))) {
        distinct.add(vector);
      }
    }
    return distinct.toArray(new float[0][]);
  }

  /** Value equality for a float vector. */
  private record FloatKey(float[] values) {
    @Override
    public boolean equals(Object other) {
      return other instanceof FloatKey key && Arrays.equals(values, key.values);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(values);
    }
  }

  private static float[][] subsample(List<float[]> vectors, long seed) {
    int[] chosen = new int[vectors.size()];
    Arrays.setAll(chosen, i -> i);
    if (chosen.length > MAX_VECTORS) {
      Random random = new Random(seed);
      for (int i = 0; i < MAX_VECTORS; i++) {
        int j = i + random.nextInt(chosen.length - i);
        int swap = chosen[i];
        chosen[i] = chosen[j];
        chosen[j] = swap;
      }
      chosen = Arrays.copyOf(chosen, MAX_VECTORS);
      Arrays.sort(chosen);
    }
    float[][] kept = new float[chosen.length][];
    for (int i = 0; i < chosen.length; i++) {
      kept[i] = vectors.get(chosen[i]).clone();
    }
    return kept;
  }

  /** Number of indexed vectors. */
  public int size() {
    return vectors.length;
  }

  /** Length of every vector (the model's feature count). */
  public int dimensions() {
    return tree.dimensions();
  }

  /** A copy of the indexed vectors (for measurements against a linear scan). */
  public float[][] vectors() {
    float[][] copy = new float[vectors.length][];
    for (int i = 0; i < vectors.length; i++) {
      copy[i] = vectors[i].clone();
    }
    return copy;
  }

  /** Radius of the normal neighbourhood, in normalised feature units. */
  public double radius() {
    return radius;
  }

  /** Euclidean distance from {@code vector} to the nearest indexed normal vector. */
  public double nearestDistance(float[] vector) {
    return tree.nearestDistance(vector, -1);
  }

  /** Whether {@code vector} lies within {@link #radius()} of an indexed normal vector. */
  public boolean isNormalNeighbour(float[] vector) {
    return nearestDistance(vector) <= radius;
  }

  /** Writes {@value #FILE_NAME} into {@code directory}. */
  public void write(Path directory) throws IOException {
    Files.createDirectories(directory);
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
        Files.newOutputStream(directory.resolve(FILE_NAME))))) {
      out.writeInt(MAGIC);
      out.writeInt(FORMAT_VERSION);
      out.writeInt(vectors.length);
      out.writeInt(dimensions());
      out.writeDouble(radius);
      for (float[] vector : vectors) {
        for (float value : vector) {
          out.writeFloat(value);
        }
      }
    }
  }

  /**
   * Reads {@value #FILE_NAME} from {@code directory}.
   *
   * @throws java.nio.file.NoSuchFileException when the file is absent
   * @throws IOException naming the file and the field when it is not a readable index
   */
  public static ColdStartIndex read(Path directory) throws IOException {
    Path file = directory.resolve(FILE_NAME);
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      int magic = in.readInt();
      int format = in.readInt();
      if (magic != MAGIC || format != FORMAT_VERSION) {
        throw new IOException(file + ": not a cold-start index of format " + FORMAT_VERSION
            + " (format " + format + "); rebuild it with `anomaly build-cold-start-index`");
      }
      int count = in.readInt();
      int dimensions = in.readInt();
      if (count < 1 || count > MAX_VECTORS || dimensions < 1) {
        throw new IOException(file + ": vector count " + count + " (limit " + MAX_VECTORS
            + ") or width " + dimensions + " is out of range; rebuild the index");
      }
      double radius = in.readDouble();
      float[][] vectors = new float[count][dimensions];
      for (float[] vector : vectors) {
        for (int k = 0; k < dimensions; k++) {
          vector[k] = in.readFloat();
        }
      }
      return new ColdStartIndex(vectors, radius);
    }
  }
}
