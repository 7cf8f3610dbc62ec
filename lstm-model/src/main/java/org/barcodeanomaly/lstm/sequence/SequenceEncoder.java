package org.barcodeanomaly.lstm.sequence;

import java.util.Objects;
import org.barcodeanomaly.features.Feature;
import org.barcodeanomaly.features.FeatureMatrix;
import org.barcodeanomaly.features.Trails;
import org.barcodeanomaly.lstm.model.LstmModelSpec;

/**
 * Cuts trails into sequences of at most {@link LstmModelSpec#maxLength()} events and writes their
 * normalised features into a {@link SequenceBatch}.
 *
 * <p>A trail of up to {@code maxLength} events is one sequence. A longer trail (clones and
 * repeated reads make a few) is cut into consecutive windows of {@code maxLength}; each event is
 * scored once, in its window. Thread-safe (stateless beyond the immutable spec).
 */
public final class SequenceEncoder {

  private final LstmModelSpec spec;
  private final int[] columns;

  /** An encoder producing the inputs {@code spec} describes. */
  public SequenceEncoder(LstmModelSpec spec) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.columns = new int[spec.featureCount()];
    for (int k = 0; k < columns.length; k++) {
      columns[k] = spec.features().get(k).ordinal();
    }
  }

  /** The spec this encoder follows. */
  public LstmModelSpec spec() {
    return spec;
  }

  /** Number of sequences trail {@code trail} takes. */
  public int windowCount(Trails trails, int trail) {
    int length = trails.length(trail);
    return (length + spec.maxLength() - 1) / spec.maxLength();
  }

  /**
   * Encodes trails {@code fromTrail} (inclusive) to {@code toTrail} (exclusive), whose features
   * are in {@code matrix} (computed from the same {@code trails}, covering at least that range).
   */
  public SequenceBatch encode(Trails trails, FeatureMatrix matrix, int fromTrail, int toTrail) {
    int sequences = 0;
    for (int trail = fromTrail; trail < toTrail; trail++) {
      sequences += windowCount(trails, trail);
    }
    int maxLength = spec.maxLength();
    int width = columns.length;
    float[] inputs = new float[sequences * maxLength * width];
    int[] lengths = new int[sequences];
    int[] eventIndex = new int[sequences * maxLength];
    java.util.Arrays.fill(eventIndex, -1);
    int sequence = 0;
    for (int trail = fromTrail; trail < toTrail; trail++) {
      for (int from = trails.start(trail); from < trails.end(trail); from += maxLength) {
        int length = Math.min(maxLength, trails.end(trail) - from);
        lengths[sequence] = length;
        for (int step = 0; step < length; step++) {
          int row = from + step - matrix.firstPosition();
          eventIndex[sequence * maxLength + step] = matrix.eventIndex(row);
          writeStep(matrix, row, inputs, (sequence * maxLength + step) * width);
        }
        sequence++;
      }
    }
    return new SequenceBatch(sequences, maxLength, width, inputs, lengths, eventIndex);
  }

  private void writeStep(FeatureMatrix matrix, int row, float[] inputs, int offset) {
    for (int k = 0; k < columns.length; k++) {
      inputs[offset + k] = spec.normalise(k, matrix.get(row, Feature.ofIndex(columns[k])));
    }
  }
}
