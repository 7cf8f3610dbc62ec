package org.barcodeanomaly.gateway.routing;

import java.util.List;
import org.barcodeanomaly.api.explain.Explanation;

/**
 * The answer to an explanation request: which detector explained, with which model, and one
 * explanation per reported event, each with the file it came from.
 *
 * @param detectorId   the id of the detector that explained
 * @param version      its version, the model the evidence is of
 * @param explanations in request order of files, then batch order within a file
 */
public record Explained(String detectorId, String version, List<InFile> explanations) {

  /** One explanation and the {@code file_id} of its event; indices in it count within that file. */
  public record InFile(long fileId, Explanation explanation) {
  }

  /** Copies the list. */
  public Explained {
    explanations = List.copyOf(explanations);
  }
}
