package org.barcodeanomaly.gateway.detector;

import java.time.Instant;

/**
 * A snapshot of one detector id for the detector list and readiness.
 *
 * @param id            the detector id
 * @param provider      the provider name
 * @param state         whether it serves
 * @param serving       where the serving detector came from, or {@code null} when none serves
 * @param version       the serving detector's version, or {@code null} when none serves
 * @param streaming     whether the serving detector also scores arrivals against per-EPC buffers
 *                      ({@code StreamingDetector}); {@code false} when none serves
 * @param inFlight      requests using it right now (old versions still draining not included)
 * @param lastFailure   why the last load or swap failed, or {@code null} when none has failed
 * @param lastFailureAt when that was, or {@code null}
 */
public record DetectorStatus(String id, String provider, DetectorState state, DetectorOrigin serving,
    String version, boolean streaming, int inFlight, String lastFailure, Instant lastFailureAt) {
}
