package org.barcodeanomaly.cli;

import java.nio.file.Path;

/**
 * Where the launcher finds its plugins and bundled models: the checkout that {@code bin/anomaly}
 * lives in ({@code -Danomaly.home}), else the working directory.
 */
public final class LauncherHome {

  private LauncherHome() {
  }

  /** The home directory. */
  public static Path home() {
    String home = System.getProperty("anomaly.home");
    return Path.of(home == null ? "." : home).toAbsolutePath().normalize();
  }

  /** {@code home/plugins}: the detector jars {@code mvn package} drops. */
  public static Path pluginsDir() {
    return home().resolve("plugins");
  }

  /** {@code home/models}: the bundled models. */
  public static Path modelsDir() {
    return home().resolve("models");
  }
}
