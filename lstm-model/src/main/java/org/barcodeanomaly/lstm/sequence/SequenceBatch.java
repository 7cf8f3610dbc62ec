package org.barcodeanomaly.lstm.sequence;

/**
 * Padded sequences ready for the network: inputs laid out {@code [sequence][step][feature]}, the
 * true length of each sequence, and for every (sequence, step) the index of the event it holds
 * in the source batch ({@code -1} for padding).
 *
 * <p>Steps at or beyond a sequence's length are zeros; the network masks them (DL4J with a mask
 * array, ONNX Runtime through the LSTM's {@code sequence_lens} and the attention mask), so they
 * never change the scores of real events. Arrays are owned by the batch; callers read them.
 *
 * @param count        number of sequences
 * @param maxLength    steps per sequence
 * @param featureCount features per step
 * @param inputs       {@code count × maxLength × featureCount} normalised values
 * @param lengths      real steps of each sequence, 1..maxLength
 * @param eventIndex   {@code count × maxLength} source-event indices, {@code -1} for padding
 */
public record SequenceBatch(int count, int maxLength, int featureCount, float[] inputs,
    int[] lengths, int[] eventIndex) {

  /** Checks the array sizes against the dimensions. */
  public SequenceBatch {
    if (inputs.length != count * maxLength * featureCount || lengths.length != count
        || eventIndex.length != count * maxLength) {
      throw new IllegalArgumentException("sequence batch arrays do not match " + count
          + " sequences × " + maxLength + " steps × " + featureCount + " features");
    }
  }

  /** Source-event index at {@code step} of sequence {@code sequence}, or -1 for padding. */
  public int eventAt(int sequence, int step) {
    return eventIndex[sequence * maxLength + step];
  }

  /** Number of real (unpadded) steps in the batch: the events it scores. */
  public int eventCount() {
    int total = 0;
    for (int length : lengths) {
      total += length;
    }
    return total;
  }
}
