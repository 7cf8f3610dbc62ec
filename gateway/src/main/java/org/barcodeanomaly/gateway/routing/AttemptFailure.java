package org.barcodeanomaly.gateway.routing;

import java.util.Locale;

/**
 * One detector could not answer one request: it is not serving, it threw, it ran past its
 * time budget, its circuit breaker is open, or its queue is full. The message is meant for a client's {@code warning} or {@code detail}: it names
 * the detector and the reason, never a stack trace.
 */
public final class AttemptFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why a detector could not answer. */
  public enum Kind {
    /** No detector of that id is serving. */
    MISSING,
    /** The detector threw. */
    FAILED,
    /** The detector ran past the route's time budget. */
    TIMEOUT,
    /** The detector's circuit breaker is open (or it is quarantined): it was not asked. */
    CIRCUIT_OPEN,
    /** Too many requests wait for the detector's threads already. */
    BUSY;

    /** The name used in metrics. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Kind kind;
  private final String detectorId;

  /** Detector {@code detectorId} could not answer, for {@code reason}. */
  public AttemptFailure(Kind kind, String detectorId, String reason) {
    super(reason, null, false, false);
    this.kind = kind;
    this.detectorId = detectorId;
  }

  /**
   * {@code failure} of detector {@code detectorId} as an attempt failure: itself when it is one,
   * else a {@link Kind#FAILED} with its message. The reason reaches clients (a fallback's
   * {@code warning}, an error's {@code detail}), so it carries no Java class name; the gateway
   * log has the stack trace.
   */
  public static AttemptFailure of(String detectorId, Throwable failure) {
    if (failure instanceof AttemptFailure attempt) {
      return attempt;
    }
    String message = failure.getMessage();
    return new AttemptFailure(Kind.FAILED, detectorId, "detector '" + detectorId + "' failed: "
        + (message == null || message.isBlank() ? "an internal error without a message (see the gateway log)" : message));
  }

  /** Why. */
  public Kind kind() {
    return kind;
  }

  /** The detector that could not answer. */
  public String detectorId() {
    return detectorId;
  }
}
