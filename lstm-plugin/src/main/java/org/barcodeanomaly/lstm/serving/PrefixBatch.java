package org.barcodeanomaly.lstm.serving;

import java.util.Arrays;
import java.util.List;
import org.barcodeanomaly.api.event.ScanEvent;
import org.barcodeanomaly.features.FeatureExtractor;
import org.barcodeanomaly.features.Trails;
import org.barcodeanomaly.lstm.sequence.SequenceBatch;
import org.barcodeanomaly.lstm.sequence.SequenceEncoder;

/**
 * Streaming's many trail prefixes as one batch for the network: the prefixes laid end to end
 * (rows {@code offset(p)} to {@code offset(p + 1) - 1} are prefix {@code p}, its newest event
 * last), and for each prefix the one sequence that holds its newest event, so that a call with
 * many arrivals is one ONNX Runtime run, not one per event.
 *
 * <p>Prefixes of one EPC cannot share a {@link Trails} grouping (it would merge them into one
 * trail), so each prefix is grouped, featurised and encoded on its own, exactly as batch mode
 * does with a request holding only that prefix: its newest event gets the score
 * {@link LstmDetector#score} gives it in that request. Immutable.
 */
final class PrefixBatch {

  private final List<List<ScanEvent>> prefixes;
  private final int[] offsets;

  /**
   * The prefixes to score, each a non-empty list of one EPC's events whose last element is the
   * event to score.
   */
  PrefixBatch(List<List<ScanEvent>> prefixes) {
    this.prefixes = prefixes;
    this.offsets = new int[prefixes.size() + 1];
    for (int p = 0; p < prefixes.size(); p++) {
      offsets[p + 1] = offsets[p] + prefixes.get(p).size();
    }
  }

  /** Number of prefixes: the events to score. */
  int count() {
    return prefixes.size();
  }

  /** Number of rows: the events of all prefixes. */
  int rowCount() {
    return offsets[prefixes.size()];
  }

  /** The row of prefix {@code p}'s newest event. */
  int newestRow(int p) {
    return offsets[p + 1] - 1;
  }

  /** Per row, whether it is the one event of a one-event prefix: a cold start. */
  boolean[] coldStartRows() {
    boolean[] alone = new boolean[rowCount()];
    for (int p = 0; p < count(); p++) {
      alone[offsets[p]] = offsets[p + 1] - offsets[p] == 1;
    }
    return alone;
  }

  /**
   * The sequences holding the newest events of prefixes {@code from} (inclusive) to {@code to}
   * (exclusive), one per prefix, with event indices that are rows of this batch.
   */
  SequenceBatch encode(FeatureExtractor extractor, SequenceEncoder encoder, int from, int to) {
    int maxLength = encoder.spec().maxLength();
    int width = encoder.spec().featureCount();
    int stride = maxLength * width;
    float[] inputs = new float[(to - from) * stride];
    int[] lengths = new int[to - from];
    int[] eventIndex = new int[(to - from) * maxLength];
    Arrays.fill(eventIndex, -1);
    for (int p = from; p < to; p++) {
      int slot = p - from;
      Trails trail = Trails.group(prefixes.get(p));
      SequenceBatch own = encoder.encode(trail, extractor.extract(trail, 0, 1), 0, 1);
      int sequence = sequenceOf(own, prefixes.get(p).size() - 1);
      System.arraycopy(own.inputs(), sequence * stride, inputs, slot * stride, stride);
      lengths[slot] = own.lengths()[sequence];
      for (int step = 0; step < lengths[slot]; step++) {
        eventIndex[slot * maxLength + step] = offsets[p] + own.eventAt(sequence, step);
      }
    }
    return new SequenceBatch(to - from, maxLength, width, inputs, lengths, eventIndex);
  }

  /** The sequence of {@code batch} that holds event {@code event}. */
  private static int sequenceOf(SequenceBatch batch, int event) {
    for (int s = 0; s < batch.count(); s++) {
      for (int step = 0; step < batch.lengths()[s]; step++) {
        if (batch.eventAt(s, step) == event) {
          return s;
        }
      }
    }
    throw new IllegalStateException("event " + event + " of the prefix is in none of its "
        + batch.count() + " sequences");
  }
}
