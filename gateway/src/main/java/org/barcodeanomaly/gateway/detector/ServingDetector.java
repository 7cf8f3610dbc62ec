package org.barcodeanomaly.gateway.detector;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.barcodeanomaly.api.detector.Detector;
import org.barcodeanomaly.api.detector.StreamingDetector;

/**
 * A detector in service, with the count of requests using it, so that a detector swapped out is
 * closed only once the last request it was serving has finished (a drain, not a cut).
 *
 * <p>Requests take a {@link DetectorLease} with {@link #tryAcquire()}; {@link #retire()} marks the
 * detector as replaced. The detector and its jar are closed exactly once, by whichever of the last
 * lease release or the retirement comes second.
 */
public final class ServingDetector {

  private static final Logger LOG = Logger.getLogger(ServingDetector.class.getName());
  private static final int CLOSED = Integer.MIN_VALUE;

  private final DetectorOrigin origin;
  private final Detector detector;
  private final ClassLoader classLoader;
  private final Runnable releaseJar;
  private final AtomicInteger users = new AtomicInteger();
  private final AtomicLong bufferedEpcs = new AtomicLong();
  private volatile boolean retired;

  /**
   * A detector ready to serve.
   *
   * @param classLoader the class loader of its plugin, made the context class loader while it
   *     scores (libraries inside plugins look resources up through it)
   * @param releaseJar run once after the detector is closed, to release its plugin jar
   */
  public ServingDetector(DetectorOrigin origin, Detector detector, ClassLoader classLoader,
      Runnable releaseJar) {
    this.origin = origin;
    this.detector = detector;
    this.classLoader = classLoader;
    this.releaseJar = releaseJar;
  }

  /** The class loader of the detector's plugin. */
  public ClassLoader classLoader() {
    return classLoader;
  }

  /** Where the detector came from. */
  public DetectorOrigin origin() {
    return origin;
  }

  /** The detector's version, e.g. {@code rule-1.0}. */
  public String version() {
    return detector.version();
  }

  /**
   * Whether the detector is a {@link StreamingDetector}. The plugin class loader takes
   * {@code org.barcodeanomaly.api} from the host, so a plugin's detector implements the host's
   * interface and this check sees it.
   */
  public boolean streams() {
    return detector instanceof StreamingDetector;
  }

  /** Requests using the detector right now. */
  public int inFlight() {
    return Math.max(0, users.get());
  }

  /**
   * The EPCs a streaming detector buffered after the last streaming request it answered (recorded
   * through {@link DetectorLease#recordBufferedEpcs}); before its first one, the EPCs it buffered
   * after adopting the trails of the instance it replaced (0 when it replaced none), and always 0
   * for a detector that does not stream. Reading it never
   * calls into the detector, so a metrics scrape cannot hold a lease and end up closing a retired
   * detector on its own thread.
   */
  public long bufferedEpcs() {
    return bufferedEpcs.get();
  }

  void recordBufferedEpcs(long epcs) {
    bufferedEpcs.set(epcs);
  }

  /**
   * A lease on the detector, or {@code null} when it has already been closed (the caller then
   * looks up the detector that replaced it).
   */
  DetectorLease tryAcquire() {
    while (true) {
      int count = users.get();
      if (count == CLOSED) {
        return null;
      }
      if (users.compareAndSet(count, count + 1)) {
        return new DetectorLease(this, detector);
      }
    }
  }

  void release() {
    if (users.decrementAndGet() == 0 && retired) {
      closeIfIdle();
    }
  }

  /**
   * Takes the detector out of service (replaced, removed, or never installed): it closes as soon
   * as no request uses it, at once if none does.
   */
  public void retire() {
    retired = true;
    closeIfIdle();
  }

  private void closeIfIdle() {
    if (!users.compareAndSet(0, CLOSED)) {
      return;
    }
    try {
      detector.close();
    } catch (RuntimeException | LinkageError e) {
      LOG.log(Level.WARNING, "closing detector " + origin.id() + " (" + origin.jar() + ") failed", e);
    } finally {
      releaseJar.run();
    }
    LOG.info(() -> "event=detector_closed detector=" + origin.id() + " jar=" + fileName(origin.jar()));
  }

  private static String fileName(Path jar) {
    return jar == null ? "-" : String.valueOf(jar.getFileName());
  }
}
