package org.barcodeanomaly.svm.train;

import org.barcodeanomaly.features.Trails;

/**
 * Assigns every EPC to one split (train, validation or test) from a seeded hash of its code, so
 * no EPC is in two splits, the same seed always gives the same split, and adding EPCs to the
 * data does not move the others. Optionally keeps only a share of the EPCs ({@code --max-events}).
 */
public final class EpcSplit {

  /** The three splits. */
  public enum Part { TRAIN, VALIDATION, TEST, UNUSED }

  /** Share of EPCs in the training split. */
  public static final double TRAIN_SHARE = 0.6;
  /** Share of EPCs in the validation split; the rest is the test split. */
  public static final double VALIDATION_SHARE = 0.2;

  private final Part[] partOfTrail;

  private EpcSplit(Part[] partOfTrail) {
    this.partOfTrail = partOfTrail;
  }

  /**
   * Splits the trails of a batch.
   *
   * @param keepShare share of EPCs to use at all, in (0, 1]; the others are {@link Part#UNUSED}
   */
  public static EpcSplit of(Trails trails, long seed, double keepShare) {
    if (!(keepShare > 0 && keepShare <= 1)) {
      throw new IllegalArgumentException("keepShare must be in (0, 1], was " + keepShare);
    }
    Part[] parts = new Part[trails.count()];
    for (int trail = 0; trail < parts.length; trail++) {
      String epc = trails.epcCode(trail);
      if (uniform(epc, seed ^ 0x5DEECE66DL) >= keepShare) {
        parts[trail] = Part.UNUSED;
        continue;
      }
      double u = uniform(epc, seed);
      parts[trail] = u < TRAIN_SHARE ? Part.TRAIN
          : u < TRAIN_SHARE + VALIDATION_SHARE ? Part.VALIDATION : Part.TEST;
    }
    return new EpcSplit(parts);
  }

  /** The split of trail {@code trail}. */
  public Part part(int trail) {
    return partOfTrail[trail];
  }

  /** Number of trails in {@code part}. */
  public int count(Part part) {
    int count = 0;
    for (Part p : partOfTrail) {
      if (p == part) {
        count++;
      }
    }
    return count;
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
}
