package org.barcodeanomaly.gateway.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.barcodeanomaly.api.detector.ScoreTable;
import org.barcodeanomaly.api.detector.StreamingDetector;
import org.barcodeanomaly.api.event.ScanEvent;

/**
 * A {@link StubDetector} that streams: its buffers are the events it was sent arrivals of (or
 * adopted), per EPC in arrival order, so {@link #bufferedEpcs()} is exact; it counts the calls to
 * {@link #bufferedEpcs()} and remembers the thread and context class loader of the last one, and
 * the context class loaders of the last {@link #bufferedTrails()} and {@link #adoptTrails}, so
 * tests can tell who asked. It can be made to fail {@link #bufferedTrails()}, and to run a check
 * when it adopts trails.
 */
public final class StubStreamingDetector extends StubDetector implements StreamingDetector {

  /** How often {@link #bufferedEpcs()} was called. */
  public final AtomicInteger bufferedEpcsCalls = new AtomicInteger();
  /** The thread that called {@link #bufferedEpcs()} last. */
  public final AtomicReference<Thread> bufferedEpcsCaller = new AtomicReference<>();
  /** The context class loader {@link #bufferedEpcs()} was called under last. */
  public final AtomicReference<ClassLoader> bufferedEpcsLoader = new AtomicReference<>();
  /** The context class loader {@link #bufferedTrails()} was called under last. */
  public final AtomicReference<ClassLoader> exportLoader = new AtomicReference<>();
  /** The context class loader {@link #adoptTrails} was called under last. */
  public final AtomicReference<ClassLoader> adoptLoader = new AtomicReference<>();
  private final Map<String, List<ScanEvent>> trails = new ConcurrentHashMap<>();
  private volatile RuntimeException exportFailure;
  private volatile Runnable onAdopt = () -> { };

  /** A streaming detector of version {@code version}, with empty buffers. */
  public StubStreamingDetector(String version) {
    super(version);
  }

  /** Makes {@link #bufferedTrails()} throw {@code failure}. */
  public StubStreamingDetector failExport(RuntimeException failure) {
    this.exportFailure = failure;
    return this;
  }

  /** Runs {@code check} at the start of each {@link #adoptTrails} call. */
  public StubStreamingDetector onAdopt(Runnable check) {
    this.onAdopt = check;
    return this;
  }

  @Override
  public ScoreTable scoreArrivals(List<ScanEvent> events) {
    events.forEach(this::buffer);
    return new ScoreTable(events.size());
  }

  private void buffer(ScanEvent event) {
    trails.compute(event.epcCode(), (epc, buffered) -> {
      List<ScanEvent> grown = buffered == null ? new ArrayList<>() : new ArrayList<>(buffered);
      grown.add(event);
      return List.copyOf(grown);
    });
  }

  @Override
  public Map<String, List<ScanEvent>> bufferedTrails() {
    exportLoader.set(Thread.currentThread().getContextClassLoader());
    if (exportFailure != null) {
      throw exportFailure;
    }
    return Map.copyOf(trails);
  }

  /** Adopts {@code adopted}, an EPC already buffered keeping its own events. */
  @Override
  public void adoptTrails(Map<String, List<ScanEvent>> adopted) {
    adoptLoader.set(Thread.currentThread().getContextClassLoader());
    onAdopt.run();
    adopted.forEach(trails::putIfAbsent);
  }

  @Override
  public long bufferedEpcs() {
    bufferedEpcsCalls.incrementAndGet();
    bufferedEpcsCaller.set(Thread.currentThread());
    bufferedEpcsLoader.set(Thread.currentThread().getContextClassLoader());
    return trails.size();
  }
}
