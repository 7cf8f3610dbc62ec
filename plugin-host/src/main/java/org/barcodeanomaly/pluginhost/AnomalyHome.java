package org.barcodeanomaly.pluginhost;

import java.nio.file.Path;

/**
 * Where every host finds its plugins and bundled models: the installation that {@code bin/anomaly}
 * lives in (the {@value #PROPERTY} system property the launcher sets), else the working directory.
 * The one reader of that property: the launcher, the gateway, the trainers and the stream
 * processor all ask here.
 */
public final class AnomalyHome {

  /** The system property naming the home directory. */
  public static final String PROPERTY = "anomaly.home";

  private AnomalyHome() {
  }

  /** The home directory. */
  public static Path home() {
    String home = System.getProperty(PROPERTY);
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
