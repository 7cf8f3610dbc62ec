package org.barcodeanomaly.gateway.plugin;

import java.time.Instant;

/**
 * A jar that did not load, or a detector that could not be created or did not pass its
 * self-test. Kept in the detector list, logged and counted; it never replaced a working detector.
 *
 * @param subject the jar's file name, or the detector id
 * @param stage   where loading stopped
 * @param reason  what went wrong, naming the jar or detector
 * @param at      when
 */
public record LoadFailure(String subject, LoadStage stage, String reason, Instant at) {
}
