package org.barcodeanomaly.gateway.plugin;

import java.util.ArrayList;
import java.util.List;

/** What one plugin operation changed, filled as it goes; owned by the plugin manager's thread. */
final class ChangeLog {

  final List<String> installed = new ArrayList<>();
  final List<String> removed = new ArrayList<>();
  final List<LoadFailure> failures = new ArrayList<>();

  /** The changes as an immutable result. */
  PluginChange result() {
    return new PluginChange(installed, removed, failures);
  }
}
