package org.barcodeanomaly.evaluation.split;

import org.barcodeanomaly.features.Trails;

/**
 * A named way to split trails into training, validation and test parts. Each model chooses its
 * strategy and records it by {@link #name()} in its provenance; the strategies are
 * {@link HashSplit} (by a seeded hash of the EPC) and {@link TimeOrderedSplit} (by when each trail
 * was last scanned, with buffers between the parts).
 */
public interface SplitStrategy {

  /** A stable name with the shares, e.g. {@code epc-hash-60-20-20}. */
  String name();

  /** What the strategy does, with its parameters, in one sentence. */
  String description();

  /** Splits {@code trails}. */
  EpcSplit split(Trails trails);
}
