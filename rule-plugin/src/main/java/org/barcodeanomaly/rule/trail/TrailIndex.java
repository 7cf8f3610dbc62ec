package org.barcodeanomaly.rule.trail;

/**
 * Every EPC's trail of a batch: its event indices sorted by event time, ties in input order.
 *
 * <p>Built in linear time plus one small sort per EPC: a counting sort by EPC index (which keeps
 * input order inside each EPC), then a stable sort of each trail by time. Trails hold a handful
 * of events, so that sort is an insertion sort; long trails fall back to a merge sort, so a
 * hostile file with one EPC scanned a million times stays O(n log n).
 */
public final class TrailIndex {

  private static final int INSERTION_SORT_LIMIT = 32;

  private final int[] order;
  private final int[] starts;

  private TrailIndex(int[] order, int[] starts) {
    this.order = order;
    this.starts = starts;
  }

  /** Groups and sorts the events of {@code columns}. */
  public static TrailIndex of(ScanColumns columns) {
    int size = columns.size();
    int epcCount = columns.epcCount();
    int[] starts = new int[epcCount + 1];
    for (int i = 0; i < size; i++) {
      starts[columns.epc(i) + 1]++;
    }
    for (int epc = 0; epc < epcCount; epc++) {
      starts[epc + 1] += starts[epc];
    }
    int[] next = new int[epcCount];
    System.arraycopy(starts, 0, next, 0, epcCount);
    int[] order = new int[size];
    for (int i = 0; i < size; i++) {
      order[next[columns.epc(i)]++] = i;
    }
    int[] buffer = new int[0];
    for (int epc = 0; epc < epcCount; epc++) {
      int from = starts[epc];
      int to = starts[epc + 1];
      if (to - from <= INSERTION_SORT_LIMIT) {
        insertionSort(columns, order, from, to);
      } else {
        if (buffer.length < to - from) {
          buffer = new int[to - from];
        }
        mergeSort(columns, order, from, to, buffer);
      }
    }
    return new TrailIndex(order, starts);
  }

  /** Number of trails (distinct EPCs). */
  public int trailCount() {
    return starts.length - 1;
  }

  /** Position in the grouped order where trail {@code epc} starts. */
  public int start(int epc) {
    return starts[epc];
  }

  /** Position in the grouped order just past trail {@code epc}. */
  public int end(int epc) {
    return starts[epc + 1];
  }

  /** Event index at position {@code position} of the grouped order. */
  public int eventAt(int position) {
    return order[position];
  }

  private static boolean before(ScanColumns columns, int a, int b) {
    long secondA = columns.second(a);
    long secondB = columns.second(b);
    if (secondA != secondB) {
      return secondA < secondB;
    }
    return columns.nano(a) < columns.nano(b);
  }

  private static void insertionSort(ScanColumns columns, int[] order, int from, int to) {
    for (int i = from + 1; i < to; i++) {
      int event = order[i];
      int j = i - 1;
      while (j >= from && before(columns, event, order[j])) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = event;
    }
  }

  private static void mergeSort(ScanColumns columns, int[] order, int from, int to, int[] buffer) {
    if (to - from <= INSERTION_SORT_LIMIT) {
      insertionSort(columns, order, from, to);
      return;
    }
    int middle = (from + to) >>> 1;
    mergeSort(columns, order, from, middle, buffer);
    mergeSort(columns, order, middle, to, buffer);
    int left = from;
    int right = middle;
    int out = 0;
    while (left < middle && right < to) {
      // Taking from the right only when strictly earlier keeps ties in input order.
      buffer[out++] = before(columns, order[right], order[left]) ? order[right++] : order[left++];
    }
    while (left < middle) {
      buffer[out++] = order[left++];
    }
    while (right < to) {
      buffer[out++] = order[right++];
    }
    System.arraycopy(buffer, 0, order, from, out);
  }
}
