package org.barcodeanomaly.gateway.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.barcodeanomaly.gateway.config.DetectorSpec;
import org.barcodeanomaly.gateway.detector.ServingDetector;
import org.barcodeanomaly.pluginhost.Fingerprint;
import org.barcodeanomaly.pluginhost.PluginLoadException;

/**
 * Installs an uploaded jar, all or nothing: it is loaded beside the version it replaces and every
 * detector it would serve is created and self-tested; only when all pass is the file moved into
 * the plugins directory (atomically) and are the detectors swapped in. Otherwise nothing in the
 * directory or in service changes.
 */
final class JarInstallation {

  private final JarDirectory directory;
  private final PluginCatalog catalog;
  private final DetectorFactory factory;
  private final DetectorReconciler reconciler;
  private final LoadLog log;

  JarInstallation(JarDirectory directory, PluginCatalog catalog, DetectorFactory factory,
      DetectorReconciler reconciler, LoadLog log) {
    this.directory = directory;
    this.catalog = catalog;
    this.factory = factory;
    this.reconciler = reconciler;
    this.log = log;
  }

  /** Installs {@code upload} as the jar at {@code path}; the upload file is moved or left to the caller to delete. */
  void install(Path path, Path upload, ChangeLog change) throws IOException {
    String fileName = path.getFileName().toString();
    LoadedJar loaded;
    try {
      loaded = directory.load(path, upload, Fingerprint.of(upload));
    } catch (PluginLoadException e) {
      log.failed(change, fileName, LoadStage.JAR, "uploaded " + fileName + " is not a usable plugin: " + e.getMessage());
      return;
    }
    Map<DetectorSpec, ServingDetector> candidates = tryDetectors(loaded, change);
    if (!change.failures.isEmpty()) {
      candidates.values().forEach(ServingDetector::retire);
      loaded.jar().release();
      return;
    }
    Files.move(upload, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    LoadedJar placed = new LoadedJar(path, loaded.jar(), Fingerprint.of(path), loaded.loadedAt());
    directory.place(placed);
    candidates.forEach((spec, detector) -> reconciler.serve(spec, placed, detector, change));
    reconciler.reconcileAll(change, false);
  }

  /** Creates and self-tests every detector {@code loaded} would serve, keeping those that pass. */
  private Map<DetectorSpec, ServingDetector> tryDetectors(LoadedJar loaded, ChangeLog change) {
    PluginCatalog trial = catalog.with(loaded);
    Map<DetectorSpec, ServingDetector> candidates = new LinkedHashMap<>();
    for (DetectorSpec spec : trial.specs()) {
      if (trial.resolve(spec) == loaded) {
        try {
          candidates.put(spec, factory.create(spec, loaded, factory.modelsDir(spec)));
        } catch (DetectorLoadFailure e) {
          log.failed(change, spec.id(), e.stage(), e.getMessage());
        }
      }
    }
    return candidates;
  }
}
