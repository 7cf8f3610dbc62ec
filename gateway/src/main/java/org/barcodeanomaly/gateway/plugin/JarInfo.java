package org.barcodeanomaly.gateway.plugin;

import java.time.Instant;
import java.util.List;

/**
 * A jar of the plugins directory as the gateway holds it, for the admin plugin list.
 *
 * @param file      the jar's file name
 * @param providers the detector providers it declares
 * @param loadedAt  when the version held was loaded
 */
public record JarInfo(String file, List<String> providers, Instant loadedAt) {

  /** Takes a read-only copy of the providers. */
  public JarInfo {
    providers = List.copyOf(providers);
  }
}
