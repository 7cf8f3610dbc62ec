package org.barcodeanomaly.gateway.plugin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.barcodeanomaly.api.detector.DetectorProvider;
import org.barcodeanomaly.gateway.config.DetectorSpec;

/**
 * Which detectors the gateway should serve and from which jar: the configured specs, one
 * implicit spec per provider found (and per detector id a route or readiness names), and for
 * each spec the jar to take its provider from — the jar it is pinned to, else the newest
 * unpinned jar that provides it. A newer jar providing a detector therefore replaces the older
 * one, while a jar pinned by a variant (a canary) serves only that variant.
 *
 * <p>Not thread-safe: owned by the plugin manager's thread.
 */
final class PluginCatalog {

  private final Map<String, DetectorSpec> configured;
  private final Set<String> referencedIds;
  private final Set<String> pinnedJars = new HashSet<>();
  private final Map<Path, LoadedJar> jars;

  PluginCatalog(Map<String, DetectorSpec> configured, Set<String> referencedIds) {
    this(configured, referencedIds, new TreeMap<>());
  }

  private PluginCatalog(Map<String, DetectorSpec> configured, Set<String> referencedIds,
      Map<Path, LoadedJar> jars) {
    this.configured = configured;
    this.referencedIds = referencedIds;
    this.jars = jars;
    configured.values().forEach(spec -> {
      if (spec.jar() != null) {
        pinnedJars.add(spec.jar());
      }
    });
  }

  /** A copy of this catalog with {@code jar} as the current version of its path. */
  PluginCatalog with(LoadedJar jar) {
    PluginCatalog copy = new PluginCatalog(configured, referencedIds, new TreeMap<>(jars));
    copy.jars.put(jar.path(), jar);
    return copy;
  }

  /** Makes {@code jar} the current version of its path; returns the version it replaces, or null. */
  LoadedJar put(LoadedJar jar) {
    return jars.put(jar.path(), jar);
  }

  /** Forgets the jar at {@code path}; returns it, or null. */
  LoadedJar remove(Path path) {
    return jars.remove(path);
  }

  /** The current version of the jar at {@code path}, or null. */
  LoadedJar get(Path path) {
    return jars.get(path);
  }

  /** Every current jar, in path order. */
  Collection<LoadedJar> jars() {
    return jars.values();
  }

  /** The specs to serve: configured ones, then one per other provider name or referenced id. */
  List<DetectorSpec> specs() {
    Map<String, DetectorSpec> specs = new LinkedHashMap<>(configured);
    for (LoadedJar jar : jars.values()) {
      if (pinnedJars.contains(jar.fileName())) {
        continue;
      }
      for (DetectorProvider provider : jar.providers()) {
        specs.putIfAbsent(provider.name(), DetectorSpec.implicit(provider.name()));
      }
    }
    for (String id : referencedIds) {
      specs.putIfAbsent(id, DetectorSpec.implicit(id));
    }
    return new ArrayList<>(specs.values());
  }

  /** The jar {@code spec} is served from, or null when no jar provides it. */
  LoadedJar resolve(DetectorSpec spec) {
    LoadedJar newest = null;
    for (LoadedJar jar : jars.values()) {
      boolean eligible = spec.jar() == null ? !pinnedJars.contains(jar.fileName())
          : spec.jar().equals(jar.fileName());
      if (eligible && jar.provides(spec.provider())
          && (newest == null || jar.jar().sequence() > newest.jar().sequence())) {
        newest = jar;
      }
    }
    return newest;
  }
}
