package org.barcodeanomaly.gateway.testing;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.barcodeanomaly.api.detector.Detector;
import org.barcodeanomaly.api.detector.ScoreTable;
import org.barcodeanomaly.api.detector.Thresholds;
import org.barcodeanomaly.api.event.ScanEvent;
import org.barcodeanomaly.gateway.detector.DetectorOrigin;
import org.barcodeanomaly.gateway.detector.ServingDetector;

/**
 * A detector built in the test's own class loader, for registry and scoring tests that need no
 * plugin jar: it scores every event 0, counts its closes and remembers the context class loader
 * it was closed under, and can hold its {@link #score} until released, to keep a request in
 * flight while a test swaps detectors.
 */
public class StubDetector implements Detector {

  /** How often {@link #close()} ran. */
  public final AtomicInteger closes = new AtomicInteger();
  /** The context class loader of the thread that closed it last. */
  public final AtomicReference<ClassLoader> closedUnder = new AtomicReference<>();
  private final String version;
  private volatile CountDownLatch started = new CountDownLatch(0);
  private volatile CountDownLatch release = new CountDownLatch(0);

  /** A detector of version {@code version}. */
  public StubDetector(String version) {
    this.version = version;
  }

  /**
   * Makes {@link #score} count {@code started} down and then wait (up to a minute) for
   * {@code release}.
   */
  public StubDetector holdScoring(CountDownLatch started, CountDownLatch release) {
    this.started = started;
    this.release = release;
    return this;
  }

  /** This detector in service under {@code id}, as if its plugin's class loader were {@code pluginLoader}. */
  public ServingDetector serving(String id, ClassLoader pluginLoader, Runnable releaseJar) {
    DetectorOrigin origin = new DetectorOrigin(id, id, Path.of(id + "-plugin.jar"), Path.of("models"),
        Instant.EPOCH, 1);
    return new ServingDetector(origin, this, pluginLoader, releaseJar);
  }

  /** This detector in service under {@code id}, with the test's class loader and no jar to release. */
  public ServingDetector serving(String id) {
    return serving(id, StubDetector.class.getClassLoader(), () -> { });
  }

  @Override
  public String name() {
    return "stub";
  }

  @Override
  public String version() {
    return version;
  }

  @Override
  public ScoreTable score(List<ScanEvent> events) {
    started.countDown();
    try {
      if (!release.await(1, TimeUnit.MINUTES)) {
        throw new IllegalStateException("the test never released scoring");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return new ScoreTable(events.size());
  }

  @Override
  public Thresholds thresholds() {
    return Thresholds.uniform(50);
  }

  @Override
  public void close() {
    closedUnder.set(Thread.currentThread().getContextClassLoader());
    closes.incrementAndGet();
  }
}
