package org.barcodeanomaly.gateway.routing;

import java.util.List;
import java.util.Map;

/**
 * The same request answered by every serving detector, side by side.
 *
 * @param answers   the answers, in detector id order
 * @param failures  detectors that could not answer, with the reason
 * @param agreement per-type agreement of the answers
 */
public record Comparison(List<Scored> answers, Map<String, String> failures, Agreement agreement) {

  /** Takes read-only copies. */
  public Comparison {
    answers = List.copyOf(answers);
    failures = Map.copyOf(failures);
  }
}
