package org.barcodeanomaly.gateway.plugin;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.logging.Logger;
import org.barcodeanomaly.gateway.config.DetectorSpec;
import org.barcodeanomaly.gateway.detector.DetectorRegistry;
import org.barcodeanomaly.gateway.detector.ServingDetector;
import org.barcodeanomaly.pluginhost.Fingerprint;

/**
 * Keeps every detector id served from the jar and model version its spec resolves to: when
 * either changes, a new detector is created beside the serving one, self-tested and swapped in;
 * when that fails, the serving one stays and the same pair is not tried again until something
 * changes. A model directory is acted on once two looks in a row saw it the same.
 *
 * <p>Not thread-safe: owned by the plugin manager's thread.
 */
final class DetectorReconciler {

  private static final Logger LOG = Logger.getLogger(PluginManager.class.getName());

  private final PluginCatalog catalog;
  private final DetectorRegistry registry;
  private final DetectorFactory factory;
  private final LoadLog log;
  private final Path pluginsDir;
  private final Map<String, Binding> bindings = new HashMap<>();

  /** What a detector id was last served from and last tried with. */
  private static final class Binding {
    Attempt served;
    Attempt tried;
    Fingerprint seenModels;
  }

  /** A jar version (null: none provides it) and a model version: what a detector is created from. */
  private record Attempt(LoadedJar jar, Fingerprint models) {
  }

  DetectorReconciler(PluginCatalog catalog, DetectorRegistry registry, DetectorFactory factory,
      LoadLog log, Path pluginsDir) {
    this.catalog = catalog;
    this.registry = registry;
    this.factory = factory;
    this.log = log;
    this.pluginsDir = pluginsDir;
  }

  /** Brings every detector id up to date, and takes out of service the ids no jar provides any more. */
  void reconcileAll(ChangeLog change, boolean requireStable) {
    List<DetectorSpec> specs = catalog.specs();
    Set<String> ids = new HashSet<>();
    specs.forEach(spec -> ids.add(spec.id()));
    for (String id : List.copyOf(bindings.keySet())) {
      if (!ids.contains(id)) {
        bindings.remove(id);
        registry.remove(id);
        change.removed.add(id);
        LOG.info(() -> "event=detector_removed detector=" + id + " reason=\"no plugin provides it any more\"");
      }
    }
    for (DetectorSpec spec : specs) {
      reconcile(spec, change, requireStable, false);
    }
  }

  /**
   * Brings one detector id up to date with its jar and models, unless that pair was already
   * served or tried ({@code force} tries again).
   *
   * @return whether a new detector was put in service
   */
  boolean reconcile(DetectorSpec spec, ChangeLog change, boolean requireStable, boolean force) {
    Binding binding = bindings.computeIfAbsent(spec.id(), id -> new Binding());
    Fingerprint models = Fingerprint.of(factory.modelDir(spec));
    boolean settling = requireStable && binding.seenModels != null && !models.equals(binding.seenModels);
    binding.seenModels = models;
    if (settling) {
      return false;
    }
    Attempt attempt = new Attempt(catalog.resolve(spec), models);
    if (!force && (attempt.equals(binding.served) || attempt.equals(binding.tried))) {
      return false;
    }
    binding.tried = attempt;
    if (attempt.jar() == null) {
      noProvider(spec, binding, change);
      return false;
    }
    registry.markLoading(spec.id(), spec.provider());
    try {
      ServingDetector detector = factory.create(spec, attempt.jar(), factory.modelsDir(spec));
      binding.served = attempt;
      int carried = registry.install(detector);
      log.inService(detector, carried, change);
      return true;
    } catch (DetectorLoadFailure e) {
      registry.recordFailure(spec.id(), spec.provider(), e.getMessage());
      log.failed(change, spec.id(), e.stage(), e.getMessage());
      return false;
    }
  }

  /** Puts in service a detector already created and self-tested from {@code jar} (an upload). */
  void serve(DetectorSpec spec, LoadedJar jar, ServingDetector detector, ChangeLog change) {
    Fingerprint models = Fingerprint.of(factory.modelDir(spec));
    Binding binding = bindings.computeIfAbsent(spec.id(), id -> new Binding());
    binding.served = new Attempt(jar, models);
    binding.tried = binding.served;
    binding.seenModels = models;
    int carried = registry.install(detector);
    log.inService(detector, carried, change);
  }

  /**
   * The spec of detector {@code id}.
   *
   * @throws NoSuchElementException when no detector of that id is configured or provided
   */
  DetectorSpec spec(String id) {
    return catalog.specs().stream().filter(spec -> spec.id().equals(id)).findFirst()
        .orElseThrow(() -> new NoSuchElementException("no detector '" + id + "' is configured or provided by a plugin"));
  }

  private void noProvider(DetectorSpec spec, Binding binding, ChangeLog change) {
    if (binding.served != null) {
      registry.remove(spec.id());
      change.removed.add(spec.id());
      binding.served = null;
    }
    String reason = "no plugin in " + pluginsDir + " provides detector '" + spec.provider() + "'"
        + (spec.jar() == null ? "" : " in " + spec.jar())
        + ": build the plugins (`mvn -B -ntp -DskipTests package`) or drop its jar there";
    registry.recordFailure(spec.id(), spec.provider(), reason);
    LOG.info(() -> "event=detector_unavailable detector=" + spec.id() + " reason=\"" + reason + "\"");
  }
}
