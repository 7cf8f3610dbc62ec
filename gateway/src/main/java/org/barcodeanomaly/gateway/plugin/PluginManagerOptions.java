package org.barcodeanomaly.gateway.plugin;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.barcodeanomaly.gateway.config.DetectorSpec;
import org.barcodeanomaly.gateway.config.GatewayConfig;
import org.barcodeanomaly.gateway.config.RouteConfig;

/**
 * What the plugin manager watches and serves.
 *
 * @param pluginsDir          the directory of plugin jars
 * @param modelsDir           the default models directory
 * @param watchIntervalMs     milliseconds between two looks at the directories; 0 for never
 * @param detectors           configured detector variants by id
 * @param referencedDetectors detector ids that routes or readiness name: listed (as failed,
 *                            with the reason) even when no plugin provides them
 * @param modelLimits         how much an uploaded model archive may expand to
 */
public record PluginManagerOptions(Path pluginsDir, Path modelsDir, long watchIntervalMs,
    Map<String, DetectorSpec> detectors, Set<String> referencedDetectors, ModelLimits modelLimits) {

  /** Copies the collections, keeping their order. */
  public PluginManagerOptions {
    detectors = Collections.unmodifiableMap(new LinkedHashMap<>(detectors));
    referencedDetectors = Collections.unmodifiableSet(new LinkedHashSet<>(referencedDetectors));
  }

  /** The options of a gateway configuration. */
  public static PluginManagerOptions of(GatewayConfig config) {
    Set<String> referenced = new LinkedHashSet<>(config.getRequiredDetectors());
    for (RouteConfig route : config.getRoutes().values()) {
      referenced.addAll(route.getTargets().keySet());
      referenced.addAll(route.getFallback());
      if (route.getShadow() != null) {
        referenced.add(route.getShadow());
      }
    }
    return new PluginManagerOptions(config.getPluginsDir(), config.getModelsDir(),
        config.getWatchIntervalMs(), config.getDetectors(), referenced,
        new ModelLimits(config.getLimits().getMaxModelBytes(), config.getLimits().getMaxModelEntries()));
  }
}
