package org.barcodeanomaly.evaluation.split;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.barcodeanomaly.features.Trails;
import org.barcodeanomaly.modelformat.NamedChoice;

/**
 * Assigns every EPC to a part from a seeded hash of its code, so no EPC is in two parts, the same
 * seed always gives the same split, and adding EPCs to the data does not move the others.
 * Optionally keeps only a share of the EPCs (the rest {@link EpcSplit.Part#UNUSED}). The SVM
 * detector trains with it (60 / 20 / 20).
 *
 * @param seed            the hash's seed
 * @param keepShare       share of EPCs used at all, in (0, 1]
 * @param trainShare      share of used EPCs in the training part
 * @param validationShare share of used EPCs in the validation part; the rest is the test part
 */
public record HashSplit(long seed, double keepShare, double trainShare, double validationShare)
    implements SplitStrategy {

  /** The SVM's shares: 60 % train, 20 % validation, 20 % test. */
  public static final double DEFAULT_TRAIN_SHARE = 0.6;
  /** See {@link #DEFAULT_TRAIN_SHARE}. */
  public static final double DEFAULT_VALIDATION_SHARE = 0.2;

  /** Checks the shares. */
  public HashSplit {
    if (!(keepShare > 0 && keepShare <= 1)) {
      throw new IllegalArgumentException("keepShare must be in (0, 1], was " + keepShare);
    }
    if (!(trainShare > 0) || !(validationShare > 0) || trainShare + validationShare >= 1) {
      throw new IllegalArgumentException("split shares need train > 0, validation > 0 and "
          + "train + validation < 1; were " + trainShare + " and " + validationShare);
    }
  }

  /** 60 / 20 / 20 of {@code keepShare} of the EPCs. */
  public static HashSplit standard(long seed, double keepShare) {
    return new HashSplit(seed, keepShare, DEFAULT_TRAIN_SHARE, DEFAULT_VALIDATION_SHARE);
  }

  @Override
  public String name() {
    return String.format(Locale.ROOT, "epc-hash-%d-%d-%d", percent(trainShare), percent(validationShare),
        100 - percent(trainShare) - percent(validationShare));
  }

  @Override
  public String description() {
    return "by EPC, seeded hash of the code (seed " + seed + "): train " + trainShare + ", validation "
        + validationShare + ", test rest" + (keepShare < 1 ? "; " + keepShare + " of the EPCs used" : "");
  }

  @Override
  public EpcSplit split(Trails trails) {
    List<Integer> train = new ArrayList<>();
    List<Integer> validation = new ArrayList<>();
    List<Integer> test = new ArrayList<>();
    for (int trail = 0; trail < trails.count(); trail++) {
      String epc = trails.epcCode(trail);
      if (uniform(epc, seed ^ 0x5DEECE66DL) >= keepShare) {
        continue;
      }
      double u = uniform(epc, seed);
      (u < trainShare ? train : u < trainShare + validationShare ? validation : test).add(trail);
    }
    Map<EpcSplit.Part, int[]> parts = new EnumMap<>(EpcSplit.Part.class);
    parts.put(EpcSplit.Part.TRAIN, ints(train));
    parts.put(EpcSplit.Part.VALIDATION, ints(validation));
    parts.put(EpcSplit.Part.TEST, ints(test));
    return new EpcSplit(new NamedChoice(name(), description()), trails.count(), parts);
  }

  /** A uniform number in [0, 1) from the code and the seed: FNV-1a, then SplitMix64's finaliser. */
  static double uniform(String epc, long seed) {
    long hash = 0xcbf29ce484222325L ^ seed;
    for (int i = 0; i < epc.length(); i++) {
      hash ^= epc.charAt(i);
      hash *= 0x100000001b3L;
    }
    hash ^= hash >>> 33;
    hash *= 0xff51afd7ed558ccdL;
    hash ^= hash >>> 33;
    hash *= 0xc4ceb9fe1a85ec53L;
    hash ^= hash >>> 33;
    return (hash >>> 11) * 0x1.0p-53;
  }

  private static int percent(double share) {
    return (int) Math.round(share * 100);
  }

  static int[] ints(List<Integer> values) {
    return values.stream().mapToInt(Integer::intValue).toArray();
  }
}
