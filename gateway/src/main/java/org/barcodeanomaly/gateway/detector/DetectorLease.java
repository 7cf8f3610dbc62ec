package org.barcodeanomaly.gateway.detector;

import java.util.concurrent.atomic.AtomicBoolean;
import org.barcodeanomaly.api.detector.Detector;

/**
 * The right to use one serving detector for one request. While any lease is open the detector
 * stays open, even if a hot swap has already replaced it; closing the lease (once) gives it back.
 */
public final class DetectorLease implements AutoCloseable {

  private final ServingDetector serving;
  private final Detector detector;
  private final AtomicBoolean closed = new AtomicBoolean();

  DetectorLease(ServingDetector serving, Detector detector) {
    this.serving = serving;
    this.detector = detector;
  }

  /** The detector; valid until the lease is closed. */
  public Detector detector() {
    return detector;
  }

  /** Where the detector came from. */
  public DetectorOrigin origin() {
    return serving.origin();
  }

  /** The class loader of the detector's plugin, to make the context class loader while scoring. */
  public ClassLoader classLoader() {
    return serving.classLoader();
  }

  /**
   * Keeps {@code epcs}, the count of EPCs the streaming detector buffers, read on the caller's
   * thread just after it scored arrivals under this lease, as the count metrics report for it
   * (see {@link ServingDetector#bufferedEpcs()}).
   */
  public void recordBufferedEpcs(long epcs) {
    serving.recordBufferedEpcs(epcs);
  }

  /** Gives the detector back; later calls do nothing. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      serving.release();
    }
  }
}
