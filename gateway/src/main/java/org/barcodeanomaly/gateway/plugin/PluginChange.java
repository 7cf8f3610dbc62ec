package org.barcodeanomaly.gateway.plugin;

import java.util.List;

/**
 * What one plugin operation did: the detector ids it put in service (new or swapped), the ones
 * it took out of service, and what failed. Whatever failed left the previous detector serving.
 *
 * @param installed detector ids now served by a new detector
 * @param removed   detector ids no longer served
 * @param failures  jars or detectors that failed to load or to pass their self-test
 */
public record PluginChange(List<String> installed, List<String> removed, List<LoadFailure> failures) {

  /** Takes read-only copies. */
  public PluginChange {
    installed = List.copyOf(installed);
    removed = List.copyOf(removed);
    failures = List.copyOf(failures);
  }

  /** Whether nothing failed. */
  public boolean succeeded() {
    return failures.isEmpty();
  }
}
