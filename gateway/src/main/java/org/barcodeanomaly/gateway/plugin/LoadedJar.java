package org.barcodeanomaly.gateway.plugin;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.barcodeanomaly.api.detector.DetectorProvider;
import org.barcodeanomaly.pluginhost.Fingerprint;
import org.barcodeanomaly.pluginhost.RetainedJar;

/**
 * The version of a plugins-directory jar that the gateway currently holds.
 *
 * @param path        the jar's place in the plugins directory
 * @param jar         the loaded copy, held once by the directory while this version is current
 * @param fingerprint what the file looked like when it was loaded
 * @param loadedAt    when it was loaded
 */
public record LoadedJar(Path path, RetainedJar jar, Fingerprint fingerprint, Instant loadedAt) {

  /** The jar's file name, the name configuration and the admin API use. */
  public String fileName() {
    return path.getFileName().toString();
  }

  /** The providers the jar declares. */
  public List<DetectorProvider> providers() {
    return jar.jar().providers();
  }

  /** Whether the jar declares a provider called {@code name}. */
  public boolean provides(String name) {
    return providers().stream().anyMatch(provider -> provider.name().equals(name));
  }
}
