package org.barcodeanomaly.gateway.detector;

import java.nio.file.Path;
import java.time.Instant;

/**
 * Where a serving detector came from, for the detector list and the logs.
 *
 * @param id            the detector id routes use
 * @param provider      the provider name that created it
 * @param jar           the plugin jar it was loaded from, or {@code null} for one on the class path
 * @param modelsDir     the models directory it was created with
 * @param loadedAt      when it passed its self-test and started serving
 * @param selfTestMillis how long its self-test and warm-up took
 */
public record DetectorOrigin(String id, String provider, Path jar, Path modelsDir, Instant loadedAt,
    long selfTestMillis) {
}
