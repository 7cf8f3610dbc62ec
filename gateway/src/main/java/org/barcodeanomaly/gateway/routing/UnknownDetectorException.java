package org.barcodeanomaly.gateway.routing;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * A streaming request named a detector id the gateway has never heard of: no configured detector
 * and no plugin has it (a typo in the path, most likely). A client error, answered with 404 like
 * an unknown path, so that clients do not retry it and monitors do not count it as an outage; a
 * known detector that is loading or failed is an {@link AttemptFailure} (503) instead. The
 * message names the id and the detectors that do stream.
 */
public final class UnknownDetectorException extends NoSuchElementException {

  private static final long serialVersionUID = 1L;

  /** No detector {@code detectorId} is known; {@code streaming} are the ones that stream. */
  public UnknownDetectorException(String detectorId, List<String> streaming) {
    super("no detector '" + detectorId + "' is configured or provided by a plugin; "
        + NotStreamingException.detectorsThatStream(streaming));
  }
}
