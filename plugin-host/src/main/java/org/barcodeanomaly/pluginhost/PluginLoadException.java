package org.barcodeanomaly.pluginhost;

import java.nio.file.Path;

/**
 * A plugin jar could not be loaded: not a jar, no provider declared, or classes that fail to
 * link. The message names the jar and the reason; a working plugin is never replaced by it.
 */
public class PluginLoadException extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient Path jar;

  /** For {@code jar}, with the reason it cannot be loaded. */
  public PluginLoadException(Path jar, String reason) {
    super("plugin " + jar + ": " + reason);
    this.jar = jar;
  }

  /** For {@code jar}, with the reason and its cause. */
  public PluginLoadException(Path jar, String reason, Throwable cause) {
    super("plugin " + jar + ": " + reason, cause);
    this.jar = jar;
  }

  /** The jar that failed. */
  public Path jar() {
    return jar;
  }
}
