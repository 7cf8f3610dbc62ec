package org.barcodeanomaly.evaluation.split;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.barcodeanomaly.modelformat.NamedChoice;

/**
 * Which trails (EPCs) train a model, which calibrate it, which judge it: each trail in one part
 * only, so no EPC is seen both in training and in the figures reported for it. Made by a
 * {@link SplitStrategy}, whose name and description the model's provenance records. Immutable.
 */
public final class EpcSplit {

  /** The parts; {@link #UNUSED} holds trails left out (subsampled away, or inside a time buffer). */
  public enum Part { TRAIN, VALIDATION, TEST, UNUSED }

  private final NamedChoice strategy;
  private final Map<Part, int[]> trails;
  private final Part[] partOfTrail;

  /**
   * A split of {@code trailCount} trails.
   *
   * @param strategy the strategy that made it
   * @param trails   per part, its trail indices in the strategy's order (e.g. by time); a trail
   *     in no list is {@link Part#UNUSED}, after those the {@link Part#UNUSED} list names
   * @throws IllegalArgumentException when a trail is in two parts or out of range
   */
  public EpcSplit(NamedChoice strategy, int trailCount, Map<Part, int[]> trails) {
    this.strategy = strategy;
    this.partOfTrail = new Part[trailCount];
    this.trails = new EnumMap<>(Part.class);
    for (Part part : List.of(Part.TRAIN, Part.VALIDATION, Part.TEST)) {
      int[] indices = trails.getOrDefault(part, new int[0]).clone();
      for (int trail : indices) {
        if (trail < 0 || trail >= trailCount || partOfTrail[trail] != null) {
          throw new IllegalArgumentException("trail " + trail + " is out of 0.." + (trailCount - 1)
              + " or in two parts");
        }
        partOfTrail[trail] = part;
      }
      this.trails.put(part, indices);
    }
    List<Integer> unused = new ArrayList<>();
    for (int trail = 0; trail < trailCount; trail++) {
      if (partOfTrail[trail] == null) {
        partOfTrail[trail] = Part.UNUSED;
        unused.add(trail);
      }
    }
    this.trails.put(Part.UNUSED, unused.stream().mapToInt(Integer::intValue).toArray());
  }

  /** The strategy's name and description, as the model's provenance records them. */
  public NamedChoice strategy() {
    return strategy;
  }

  /** The trails of {@code part}, in the strategy's order. */
  public int[] trails(Part part) {
    return trails.get(part).clone();
  }

  /** The part trail {@code trail} is in. */
  public Part part(int trail) {
    return partOfTrail[trail];
  }

  /** Number of trails in {@code part}. */
  public int count(Part part) {
    return trails.get(part).length;
  }

  /** Number of trails split. */
  public int trailCount() {
    return partOfTrail.length;
  }

  /** Trail counts per part, for provenance. */
  public Map<String, Object> counts() {
    Map<String, Object> counts = new java.util.LinkedHashMap<>();
    for (Part part : Part.values()) {
      counts.put(part.name().toLowerCase(java.util.Locale.ROOT) + "Epcs", count(part));
    }
    return counts;
  }

  @Override
  public String toString() {
    return strategy.name() + ": train=" + count(Part.TRAIN) + " validation=" + count(Part.VALIDATION)
        + " test=" + count(Part.TEST) + " unused=" + count(Part.UNUSED);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EpcSplit split && strategy.equals(split.strategy)
        && Arrays.equals(partOfTrail, split.partOfTrail)
        && Arrays.equals(trails.get(Part.TRAIN), split.trails.get(Part.TRAIN))
        && Arrays.equals(trails.get(Part.VALIDATION), split.trails.get(Part.VALIDATION))
        && Arrays.equals(trails.get(Part.TEST), split.trails.get(Part.TEST));
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(partOfTrail) * 31 + strategy.hashCode();
  }
}
