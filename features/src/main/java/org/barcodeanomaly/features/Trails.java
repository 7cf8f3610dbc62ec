package org.barcodeanomaly.features;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.barcodeanomaly.api.event.ScanEvent;

/**
 * A batch of events grouped into trails: the events of one EPC sorted by {@code event_time},
 * events of the same time keeping their input order (docs/spec/ANOMALIES.md).
 *
 * <p>Trails are numbered in order of their EPC's first appearance in the batch. The grouping is
 * held in two int arrays (event indices in trail order, and each trail's start), so a million
 * events cost 8 MB and no object per event. Immutable and thread-safe once built.
 */
public final class Trails {

  /** Trails up to this length are sorted by insertion (stable, fastest for the usual ≤ 10). */
  private static final int INSERTION_SORT_MAX = 32;

  private final List<ScanEvent> events;
  private final int[] order;
  private final int[] starts;
  private final long[] seconds;
  private final int[] nanos;

  private Trails(List<ScanEvent> events, int[] order, int[] starts, long[] seconds, int[] nanos) {
    this.events = events;
    this.order = order;
    this.starts = starts;
    this.seconds = seconds;
    this.nanos = nanos;
  }

  /** Groups {@code events} by EPC code and sorts each trail by time; linear in the batch size. */
  public static Trails group(List<ScanEvent> events) {
    int n = events.size();
    int[] trailOfEvent = new int[n];
    Map<String, Integer> trailOfEpc = new HashMap<>(Math.max(16, n / 2));
    int[] sizes = new int[Math.max(16, n / 4)];
    long[] seconds = new long[n];
    int[] nanos = new int[n];
    for (int i = 0; i < n; i++) {
      ScanEvent event = events.get(i);
      if (event == null) {
        throw new IllegalArgumentException("events[" + i + "] is null: pass only scan events,"
            + " reject unreadable items before scoring");
      }
      seconds[i] = event.epochSecond();
      nanos[i] = event.eventTime().getNano();
      Integer trail = trailOfEpc.putIfAbsent(event.epcCode(), trailOfEpc.size());
      int t = trail == null ? trailOfEpc.size() - 1 : trail;
      if (t == sizes.length) {
        sizes = Arrays.copyOf(sizes, sizes.length * 2);
      }
      sizes[t]++;
      trailOfEvent[i] = t;
    }
    int trailCount = trailOfEpc.size();
    int[] starts = new int[trailCount + 1];
    for (int t = 0; t < trailCount; t++) {
      starts[t + 1] = starts[t] + sizes[t];
    }
    int[] fill = Arrays.copyOf(starts, trailCount);
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[fill[trailOfEvent[i]]++] = i;
    }
    Trails trails = new Trails(events, order, starts, seconds, nanos);
    for (int t = 0; t < trailCount; t++) {
      trails.sortByTime(starts[t], starts[t + 1]);
    }
    return trails;
  }

  /** The events this grouping was built from, in input order. */
  public List<ScanEvent> events() {
    return events;
  }

  /** Number of trails (distinct EPC codes). */
  public int count() {
    return starts.length - 1;
  }

  /** Number of events in all trails. */
  public int eventCount() {
    return order.length;
  }

  /** Position of trail {@code trail}'s first event in trail order. */
  public int start(int trail) {
    return starts[trail];
  }

  /** Position just after trail {@code trail}'s last event in trail order. */
  public int end(int trail) {
    return starts[trail + 1];
  }

  /** Number of events of trail {@code trail}. */
  public int length(int trail) {
    return starts[trail + 1] - starts[trail];
  }

  /** Input index of the event at {@code position} in trail order. */
  public int eventIndex(int position) {
    return order[position];
  }

  /** The event at {@code position} in trail order. */
  public ScanEvent eventAt(int position) {
    return events.get(order[position]);
  }

  /** Event time in epoch seconds of the event at {@code position} in trail order. */
  public long secondAt(int position) {
    return seconds[order[position]];
  }

  /** The EPC code of trail {@code trail}. */
  public String epcCode(int trail) {
    return eventAt(starts[trail]).epcCode();
  }

  private void sortByTime(int from, int to) {
    if (to - from <= INSERTION_SORT_MAX) {
      insertionSort(from, to);
      return;
    }
    // Long trails: boxed stable sort, rare enough that its allocation does not matter.
    Integer[] boxed = new Integer[to - from];
    for (int p = from; p < to; p++) {
      boxed[p - from] = order[p];
    }
    Arrays.sort(boxed, (a, b) -> before(a, b) ? -1 : before(b, a) ? 1 : 0);
    for (int p = from; p < to; p++) {
      order[p] = boxed[p - from];
    }
  }

  /** Whether event {@code a} happened strictly before event {@code b} (sub-second times count). */
  private boolean before(int a, int b) {
    return seconds[a] != seconds[b] ? seconds[a] < seconds[b] : nanos[a] < nanos[b];
  }

  private void insertionSort(int from, int to) {
    for (int p = from + 1; p < to; p++) {
      int index = order[p];
      int q = p - 1;
      while (q >= from && before(index, order[q])) {
        order[q + 1] = order[q];
        q--;
      }
      order[q + 1] = index;
    }
  }
}
