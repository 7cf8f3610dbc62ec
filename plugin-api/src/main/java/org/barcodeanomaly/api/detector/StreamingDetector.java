package org.barcodeanomaly.api.detector;

import java.util.List;
import java.util.Map;
import org.barcodeanomaly.api.event.ScanEvent;

/**
 * A detector that can also score events as they arrive, a few at a time, judging each one with
 * its EPC's earlier events from previous calls.
 *
 * <p>Why: {@link #score} sees only the batch it is handed, so a client that forwards scans as they
 * happen (one event, or a handful, per call) would have every event judged without its history,
 * as a cold start. A streaming detector keeps a buffer per EPC of the recent events it was given,
 * so each new event is scored as the newest event of its trail so far, the way a detector trained
 * on growing trails (prefixes) sees it. Detectors with nothing to remember (rules that judge a
 * batch as a whole) do not implement this interface; callers check with {@code instanceof}.
 *
 * <p>What a buffer holds: for each EPC, the events passed to {@link #scoreArrivals} since that EPC
 * was last forgotten, in arrival order. Buffers are bounded (how many EPCs, how many events per
 * EPC, how long an idle EPC is kept: each implementation documents its limits and defaults). An
 * EPC over the events bound drops its oldest events, so it keeps its most recent ones; once calls
 * have returned, every bound holds (while calls run, evictions may lag). An EPC that was forgotten
 * starts again with an empty buffer. A trail that ends with a sale
 * ({@code POS_Sell}) is reset: the item has left the supply chain, so its EPC is forgotten, but
 * only after a short watch (documented by each implementation) in which a scan after the sale is
 * still judged with the sale before it. {@link #score} neither reads nor changes the buffers.
 *
 * <p>Retries are safe: an event equal to one its EPC's buffer already holds (a request sent again
 * after a timeout) is not buffered twice and is scored with the history up to it.
 *
 * <p>Buffers live in the detector instance, in memory. A host that replaces one instance by
 * another under the same name (a hot swap to a new model or jar, a reload) hands the old
 * instance's {@link #bufferedTrails()} to the new one's {@link #adoptTrails} before the new one
 * serves, so EPCs in transit keep their history; a restart starts with empty buffers, so the next
 * event of every EPC is then scored as a cold start.
 *
 * <p>Thread-safe, as every {@link Detector}: calls may run concurrently. Each event is appended to
 * its EPC's buffer atomically and scored with the events appended before it; events of one EPC
 * sent in concurrent calls are therefore each scored once, in some order of arrival.
 */
public interface StreamingDetector extends Detector {

  /**
   * Scores {@code events} in the given order, each as the newest event of its EPC's trail so far:
   * the events buffered for its EPC, then the earlier events of this call with the same EPC, then
   * itself. Each event is then buffered (unless the buffer already holds it), so later events and
   * later calls see it.
   *
   * @param events events in the order they arrived; any mix of EPCs
   * @return a table with one row per event: row {@code i} holds the scores of {@code events.get(i)}
   */
  ScoreTable scoreArrivals(List<ScanEvent> events);

  /** Number of EPCs with buffered events now (approximate while evictions are pending): for metrics. */
  long bufferedEpcs();

  /**
   * A snapshot of every buffered EPC's events, keyed by EPC code, each list in arrival order, for
   * a host that hands them to the instance replacing this one ({@link #adoptTrails}): without it a
   * hot swap would turn every EPC in transit into a cold start. Only plugin-api and JDK types, so
   * the map crosses plugin class loaders.
   *
   * <p>Thread-safe: may run while arrivals are scored; each EPC's list is as some moment left it,
   * and later arrivals do not change the returned copy. EPCs already forgotten (evicted, idle,
   * sold longer ago than the watch) are left out. The default keeps nothing: an empty map.
   *
   * @return read-only, and so is each of its lists; empty when nothing is buffered
   */
  default Map<String, List<ScanEvent>> bufferedTrails() {
    return Map.of();
  }

  /**
   * Admits {@code trails} (as {@link #bufferedTrails()} of another instance returned them) into
   * this instance's buffers as if their events had arrived in that order, without scoring them.
   * An EPC this instance already buffers keeps its own events: the adopted trail for it is
   * ignored, since what this instance saw itself is newer. Each implementation applies its own
   * bounds (events per EPC, EPCs, how long an idle EPC is kept) and documents how.
   *
   * <p>A host calls this once, before the instance serves; it is nonetheless thread-safe, as
   * every method of a detector. The default keeps nothing, as {@link #bufferedTrails()}.
   *
   * @param trails events per EPC code, in arrival order; not modified
   */
  default void adoptTrails(Map<String, List<ScanEvent>> trails) {
  }
}
