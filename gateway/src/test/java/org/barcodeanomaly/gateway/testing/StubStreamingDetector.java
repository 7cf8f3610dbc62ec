package org.barcodeanomaly.gateway.testing;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.barcodeanomaly.api.detector.ScoreTable;
import org.barcodeanomaly.api.detector.StreamingDetector;
import org.barcodeanomaly.api.event.ScanEvent;

/**
 * A {@link StubDetector} that streams: its buffers are the set of EPCs it was sent arrivals of,
 * so {@link #bufferedEpcs()} is exact; it counts the calls to {@link #bufferedEpcs()} and
 * remembers the thread and context class loader of the last one, so tests can tell who asked.
 */
public final class StubStreamingDetector extends StubDetector implements StreamingDetector {

  /** How often {@link #bufferedEpcs()} was called. */
  public final AtomicInteger bufferedEpcsCalls = new AtomicInteger();
  /** The thread that called {@link #bufferedEpcs()} last. */
  public final AtomicReference<Thread> bufferedEpcsCaller = new AtomicReference<>();
  /** The context class loader {@link #bufferedEpcs()} was called under last. */
  public final AtomicReference<ClassLoader> bufferedEpcsLoader = new AtomicReference<>();
  private final Set<String> epcs = ConcurrentHashMap.newKeySet();

  /** A streaming detector of version {@code version}, with empty buffers. */
  public StubStreamingDetector(String version) {
    super(version);
  }

  @Override
  public ScoreTable scoreArrivals(List<ScanEvent> events) {
    events.forEach(event -> epcs.add(event.epcCode()));
    return new ScoreTable(events.size());
  }

  @Override
  public long bufferedEpcs() {
    bufferedEpcsCalls.incrementAndGet();
    bufferedEpcsCaller.set(Thread.currentThread());
    bufferedEpcsLoader.set(Thread.currentThread().getContextClassLoader());
    return epcs.size();
  }
}
