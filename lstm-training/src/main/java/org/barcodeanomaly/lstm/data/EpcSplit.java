package org.barcodeanomaly.lstm.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.barcodeanomaly.features.Trails;

/**
 * Splits trails into training, validation and test sets by EPC and by time: each EPC (trail) is
 * in one set only, and the sets follow each other in time with a buffer between them.
 *
 * <p>The time of a trail is its last scan: every EPC of the production data (docs/spec/DATA.md) and of the
 * simulator is aggregated on the same morning, so first scans cannot order EPCs in time, while
 * the last scan says until when a trail was observed. Training takes the {@code trainFraction}
 * of trails that ended first; validation the trails ending more than {@code buffer} seconds after
 * the last training trail, up to the {@code trainFraction + validationFraction} quantile; test
 * the trails ending more than {@code buffer} after the last validation trail. So every test
 * trail was still being scanned after the training window had closed. Trails ending inside a
 * buffer are dropped. A seeded subsample (when {@code maxEpcs} is below the number of trails) is
 * drawn first, so the same seed gives the same sets.
 *
 * @param train      trail indices of the training set, in time order
 * @param validation trail indices of the validation set, in time order
 * @param test       trail indices of the test set, in time order
 * @param dropped    trails left out because they end inside a buffer
 */
public record EpcSplit(int[] train, int[] validation, int[] test, int dropped) {

  /** How to split. */
  public record Settings(double trainFraction, double validationFraction, long bufferSeconds,
      int maxEpcs, long seed) {

    /** Share of the sampled trails used for training in every model of this product. */
    public static final double TRAIN_FRACTION = 0.7;
    /** Share of the sampled trails used for validation (threshold calibration, early stopping). */
    public static final double VALIDATION_FRACTION = 0.15;

    /**
     * The product's split: 70 % / 15 % / 15 %. Training and the cold-start index both take it from
     * here, so an index rebuilt later redoes exactly the model's split.
     */
    public static Settings standard(long bufferSeconds, int maxEpcs, long seed) {
      return new Settings(TRAIN_FRACTION, VALIDATION_FRACTION, bufferSeconds, maxEpcs, seed);
    }

    /** Checks the fractions. */
    public Settings {
      if (!(trainFraction > 0) || !(validationFraction > 0)
          || trainFraction + validationFraction >= 1) {
        throw new IllegalArgumentException("split fractions need train > 0, validation > 0 and "
            + "train + validation < 1; were " + trainFraction + " and " + validationFraction);
      }
      if (bufferSeconds < 0 || maxEpcs < 1) {
        throw new IllegalArgumentException("bufferSeconds must be >= 0 (was " + bufferSeconds
            + ") and maxEpcs >= 1 (was " + maxEpcs + ")");
      }
    }
  }

  /** Splits the trails of {@code trails}. */
  public static EpcSplit of(Trails trails, Settings settings) {
    List<Integer> chosen = sample(trails.count(), settings.maxEpcs(), settings.seed());
    long[] lastSecond = new long[trails.count()];
    for (int trail : chosen) {
      lastSecond[trail] = trails.secondAt(trails.end(trail) - 1);
    }
    chosen.sort(Comparator.<Integer>comparingLong(t -> lastSecond[t]).thenComparing(t -> t));
    int n = chosen.size();
    int trainEnd = (int) Math.round(n * settings.trainFraction());
    int validationEnd = (int) Math.round(n * (settings.trainFraction() + settings.validationFraction()));
    long trainCut = lastSecond[chosen.get(Math.max(0, trainEnd - 1))];
    long validationCut = lastSecond[chosen.get(Math.max(0, validationEnd - 1))];
    List<Integer> train = new ArrayList<>();
    List<Integer> validation = new ArrayList<>();
    List<Integer> test = new ArrayList<>();
    int dropped = 0;
    for (int i = 0; i < n; i++) {
      int trail = chosen.get(i);
      long end = lastSecond[trail];
      if (i < trainEnd) {
        train.add(trail);
      } else if (i < validationEnd && end > trainCut + settings.bufferSeconds()) {
        validation.add(trail);
      } else if (i >= validationEnd && end > validationCut + settings.bufferSeconds()) {
        test.add(trail);
      } else {
        dropped++;
      }
    }
    return new EpcSplit(ints(train), ints(validation), ints(test), dropped);
  }

  private static List<Integer> sample(int count, int maxEpcs, long seed) {
    List<Integer> all = new ArrayList<>(count);
    for (int t = 0; t < count; t++) {
      all.add(t);
    }
    if (count <= maxEpcs) {
      return all;
    }
    Collections.shuffle(all, new Random(seed));
    return new ArrayList<>(all.subList(0, maxEpcs));
  }

  private static int[] ints(List<Integer> values) {
    return values.stream().mapToInt(Integer::intValue).toArray();
  }

  @Override
  public String toString() {
    return "train=" + train.length + " validation=" + validation.length + " test=" + test.length
        + " dropped(buffer)=" + dropped;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EpcSplit split && Arrays.equals(train, split.train)
        && Arrays.equals(validation, split.validation) && Arrays.equals(test, split.test);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(train) * 31 + Arrays.hashCode(test);
  }
}
