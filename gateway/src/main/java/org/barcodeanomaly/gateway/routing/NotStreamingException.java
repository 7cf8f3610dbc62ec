package org.barcodeanomaly.gateway.routing;

import java.util.List;

/**
 * A streaming request named a detector that serves but does not stream (it is not a
 * {@code StreamingDetector}: it has no per-EPC buffers to score arrivals against), whether it was
 * found so before the request was queued or under the lease, after a hot swap put such a detector
 * under the id. A client error, answered with 400: the message names the detector and the
 * detectors that do stream.
 */
public final class NotStreamingException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** Detector {@code detectorId} does not stream; {@code streaming} are the ones that do. */
  public NotStreamingException(String detectorId, List<String> streaming) {
    super("detector '" + detectorId + "' does not stream: it scores each request on its own and"
        + " keeps no per-EPC buffers; " + detectorsThatStream(streaming));
  }

  /** The sentence that tells a client of the streaming endpoint which detectors it can name. */
  static String detectorsThatStream(List<String> streaming) {
    return "detectors that stream: " + (streaming.isEmpty() ? "none is loaded" : String.join(", ", streaming))
        + " (POST /api/manager/stream/<detector>)";
  }
}
