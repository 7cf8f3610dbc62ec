package org.barcodeanomaly.gateway.detector;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;
import org.barcodeanomaly.api.detector.StreamingDetector;

/**
 * The detectors the gateway serves, by id. Each id holds its serving detector in an
 * {@link AtomicReference}: a hot swap installs the new one in a single step, so every request
 * sees either the old or the new detector, never none; the old one is retired and closes once
 * its last lease is closed.
 *
 * <p>Thread-safe: requests lease from any thread while the plugin manager installs.
 */
public final class DetectorRegistry {

  private final ConcurrentMap<String, Slot> slots = new ConcurrentHashMap<>();

  /** A lease on the detector serving {@code id}, or empty when none serves it. */
  public Optional<DetectorLease> lease(String id) {
    Slot slot = slots.get(id);
    if (slot == null) {
      return Optional.empty();
    }
    while (true) {
      ServingDetector serving = slot.current.get();
      if (serving == null) {
        return Optional.empty();
      }
      DetectorLease lease = serving.tryAcquire();
      if (lease != null) {
        return Optional.of(lease);
      }
      // Closed between the read and the acquire: it was swapped out, read again.
    }
  }

  /** Whether a detector serves {@code id}. */
  public boolean isServing(String id) {
    Slot slot = slots.get(id);
    return slot != null && slot.current.get() != null;
  }

  /** Whether a detector serves {@code id} and is a {@link StreamingDetector}. */
  public boolean isStreaming(String id) {
    Slot slot = slots.get(id);
    ServingDetector serving = slot == null ? null : slot.current.get();
    return serving != null && serving.streams();
  }

  /** The ids of the serving detectors that stream, sorted. */
  public List<String> streamingIds() {
    return statuses().stream().filter(DetectorStatus::streaming).map(DetectorStatus::id).toList();
  }

  /**
   * The EPCs buffered by the streaming detector serving {@code id}, as its last streaming request
   * left them ({@link ServingDetector#bufferedEpcs()}); 0 when no detector that streams serves the
   * id (never loaded, removed, or replaced by one that does not stream: nothing is buffered under
   * it). Takes no lease and does not call into the detector: safe on an event loop.
   */
  public long bufferedEpcs(String id) {
    Slot slot = slots.get(id);
    ServingDetector serving = slot == null ? null : slot.current.get();
    return serving != null && serving.streams() ? serving.bufferedEpcs() : 0;
  }

  /** Notes that {@code id} is being loaded for the first time; a serving detector is left as is. */
  public void markLoading(String id, String provider) {
    slots.computeIfAbsent(id, key -> new Slot(key, provider));
  }

  /**
   * Puts {@code detector} in service under its id in one atomic step; the detector it replaces,
   * if any, is retired and closes after its last request.
   *
   * <p>When both the detector replaced and {@code detector} stream, {@code detector} first adopts
   * the replaced one's buffered trails ({@link TrailHandover}), so EPCs in transit keep their
   * history across a hot swap. The snapshot is taken just before the switch, and the replaced
   * detector keeps serving until the switch and finishes its requests in flight after it: events
   * it buffers in that short window are not carried (their EPCs' next events are judged without
   * them). A failed handover is logged and the swap goes on.
   *
   * <p>Called by one thread at a time (the plugin manager's), as it reads the serving detector
   * before replacing it.
   *
   * @return the buffered EPCs carried over to {@code detector}; 0 when nothing streams on either
   *     side or the handover failed
   */
  public int install(ServingDetector detector) {
    Slot slot = slots.computeIfAbsent(detector.origin().id(), key -> new Slot(key, detector.origin().provider()));
    slot.provider = detector.origin().provider();
    int carried = TrailHandover.carry(slot.current.get(), detector);
    ServingDetector previous = slot.current.getAndSet(detector);
    if (previous != null) {
      previous.retire();
    }
    return carried;
  }

  /** Records that loading or swapping {@code id} failed; a detector already serving keeps serving. */
  public void recordFailure(String id, String provider, String reason) {
    Slot slot = slots.computeIfAbsent(id, key -> new Slot(key, provider));
    slot.lastFailure = reason;
    slot.lastFailureAt = Instant.now();
    slot.attempted = true;
  }

  /** Takes {@code id} out of service; its detector closes after its last request. */
  public void remove(String id) {
    Slot slot = slots.remove(id);
    if (slot != null) {
      ServingDetector previous = slot.current.getAndSet(null);
      if (previous != null) {
        previous.retire();
      }
    }
  }

  /** The serving detector's origin for {@code id}, or empty. */
  public Optional<DetectorOrigin> origin(String id) {
    Slot slot = slots.get(id);
    ServingDetector serving = slot == null ? null : slot.current.get();
    return serving == null ? Optional.empty() : Optional.of(serving.origin());
  }

  /** The status of {@code id}, or empty when the gateway has never heard of it. */
  public Optional<DetectorStatus> status(String id) {
    Slot slot = slots.get(id);
    return slot == null ? Optional.empty() : Optional.of(slot.status());
  }

  /** The status of every known detector id, sorted by id. */
  public List<DetectorStatus> statuses() {
    List<DetectorStatus> statuses = new ArrayList<>();
    for (Slot slot : slots.values()) {
      statuses.add(slot.status());
    }
    statuses.sort(Comparator.comparing(DetectorStatus::id));
    return statuses;
  }

  /** Takes every detector out of service; each closes after its last request. */
  public void closeAll() {
    for (String id : List.copyOf(slots.keySet())) {
      remove(id);
    }
  }

  private static final class Slot {
    final String id;
    final AtomicReference<ServingDetector> current = new AtomicReference<>();
    volatile String provider;
    volatile String lastFailure;
    volatile Instant lastFailureAt;
    volatile boolean attempted;

    Slot(String id, String provider) {
      this.id = id;
      this.provider = provider;
    }

    DetectorStatus status() {
      ServingDetector serving = current.get();
      if (serving != null) {
        return new DetectorStatus(id, provider, DetectorState.SERVING, serving.origin(),
            serving.version(), serving.streams(), serving.inFlight(), lastFailure, lastFailureAt);
      }
      DetectorState state = attempted ? DetectorState.FAILED : DetectorState.LOADING;
      return new DetectorStatus(id, provider, state, null, null, false, 0, lastFailure, lastFailureAt);
    }
  }
}
