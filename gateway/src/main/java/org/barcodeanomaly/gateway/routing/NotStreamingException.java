package org.barcodeanomaly.gateway.routing;

import java.util.List;

/**
 * A streaming request named a detector that serves but does not stream (it is not a
 * {@code StreamingDetector}: it has no per-EPC buffers to score arrivals against). A client
 * error, answered with 400: the message names the detector and the detectors that do stream.
 */
public final class NotStreamingException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** Detector {@code detectorId} does not stream; {@code streaming} are the ones that do. */
  public NotStreamingException(String detectorId, List<String> streaming) {
    super("detector '" + detectorId + "' does not stream: it scores each request on its own and"
        + " keeps no per-EPC buffers; detectors that stream: "
        + (streaming.isEmpty() ? "none is loaded" : String.join(", ", streaming))
        + " (POST /api/manager/stream/<detector>)");
  }
}
