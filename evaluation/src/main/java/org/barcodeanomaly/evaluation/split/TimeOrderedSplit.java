package org.barcodeanomaly.evaluation.split;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.barcodeanomaly.features.Trails;
import org.barcodeanomaly.modelformat.NamedChoice;

/**
 * Splits trails by EPC and by time: each EPC (trail) is in one part only, and the parts follow
 * each other in time with a buffer between them. The LSTM detector trains with it (70 / 15 / 15).
 *
 * <p>The time of a trail is its last scan: every EPC of the production data (docs/spec/DATA.md)
 * and of the simulator is aggregated on the same morning, so first scans cannot order EPCs in
 * time, while the last scan says until when a trail was observed. Training takes the
 * {@code trainFraction} of trails that ended first; validation the trails ending more than
 * {@code bufferSeconds} after the last training trail, up to the
 * {@code trainFraction + validationFraction} quantile; test the trails ending more than
 * {@code bufferSeconds} after the last validation trail. So every test trail was still being
 * scanned after the training window had closed. Trails ending inside a buffer are
 * {@link EpcSplit.Part#UNUSED}. A seeded subsample (when {@code maxEpcs} is below the number of
 * trails) is drawn first, so the same seed gives the same parts; each part lists its trails in
 * time order.
 *
 * @param trainFraction      share of the sampled trails used for training
 * @param validationFraction share used for validation (threshold calibration, early stopping)
 * @param bufferSeconds      gap between the parts' last scans
 * @param maxEpcs            most trails sampled
 * @param seed               seed of the sample
 */
public record TimeOrderedSplit(double trainFraction, double validationFraction, long bufferSeconds,
    int maxEpcs, long seed) implements SplitStrategy {

  /** The LSTM's share of trails for training. */
  public static final double DEFAULT_TRAIN_FRACTION = 0.7;
  /** The LSTM's share of trails for validation. */
  public static final double DEFAULT_VALIDATION_FRACTION = 0.15;

  /** Checks the fractions. */
  public TimeOrderedSplit {
    if (!(trainFraction > 0) || !(validationFraction > 0) || trainFraction + validationFraction >= 1) {
      throw new IllegalArgumentException("split fractions need train > 0, validation > 0 and "
          + "train + validation < 1; were " + trainFraction + " and " + validationFraction);
    }
    if (bufferSeconds < 0 || maxEpcs < 1) {
      throw new IllegalArgumentException("bufferSeconds must be >= 0 (was " + bufferSeconds
          + ") and maxEpcs >= 1 (was " + maxEpcs + ")");
    }
  }

  /**
   * The LSTM's split: 70 % / 15 % / 15 %. Training and the cold-start index both take it from
   * here, so an index rebuilt later redoes exactly the model's split.
   */
  public static TimeOrderedSplit standard(long bufferSeconds, int maxEpcs, long seed) {
    return new TimeOrderedSplit(DEFAULT_TRAIN_FRACTION, DEFAULT_VALIDATION_FRACTION, bufferSeconds,
        maxEpcs, seed);
  }

  @Override
  public String name() {
    int train = (int) Math.round(trainFraction * 100);
    int validation = (int) Math.round(validationFraction * 100);
    return String.format(Locale.ROOT, "epc-time-%d-%d-%d", train, validation, 100 - train - validation);
  }

  @Override
  public String description() {
    return String.format(Locale.ROOT, "by EPC, ordered by last scan: %.0f %% / %.0f %% / %.0f %%, %d h "
        + "buffers%s", trainFraction * 100, validationFraction * 100,
        (1 - trainFraction - validationFraction) * 100, bufferSeconds / 3600,
        maxEpcs == Integer.MAX_VALUE ? "" : ", at most " + maxEpcs + " EPCs sampled with seed " + seed);
  }

  @Override
  public EpcSplit split(Trails trails) {
    List<Integer> chosen = sample(trails.count());
    long[] lastSecond = new long[trails.count()];
    for (int trail : chosen) {
      lastSecond[trail] = trails.secondAt(trails.end(trail) - 1);
    }
    chosen.sort(Comparator.<Integer>comparingLong(t -> lastSecond[t]).thenComparing(t -> t));
    int n = chosen.size();
    int trainEnd = (int) Math.round(n * trainFraction);
    int validationEnd = (int) Math.round(n * (trainFraction + validationFraction));
    long trainCut = lastSecond[chosen.get(Math.max(0, trainEnd - 1))];
    long validationCut = lastSecond[chosen.get(Math.max(0, validationEnd - 1))];
    List<Integer> train = new ArrayList<>();
    List<Integer> validation = new ArrayList<>();
    List<Integer> test = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int trail = chosen.get(i);
      long end = lastSecond[trail];
      if (i < trainEnd) {
        train.add(trail);
      } else if (i < validationEnd && end > trainCut + bufferSeconds) {
        validation.add(trail);
      } else if (i >= validationEnd && end > validationCut + bufferSeconds) {
        test.add(trail);
      }
    }
    Map<EpcSplit.Part, int[]> parts = new EnumMap<>(EpcSplit.Part.class);
    parts.put(EpcSplit.Part.TRAIN, HashSplit.ints(train));
    parts.put(EpcSplit.Part.VALIDATION, HashSplit.ints(validation));
    parts.put(EpcSplit.Part.TEST, HashSplit.ints(test));
    return new EpcSplit(new NamedChoice(name(), description()), trails.count(), parts);
  }

  private List<Integer> sample(int count) {
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
}
