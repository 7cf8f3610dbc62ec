package org.barcodeanomaly.gateway.routing;

/**
 * No detector of a route could answer: the one chosen and every fallback were missing, failed or
 * ran out of time (or the route has no fallback). Answered with 503; the message names each
 * detector tried and why it could not answer.
 */
public final class RouteUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** With the message naming the detectors and reasons. */
  public RouteUnavailableException(String message) {
    super(message, null, false, false);
  }
}
