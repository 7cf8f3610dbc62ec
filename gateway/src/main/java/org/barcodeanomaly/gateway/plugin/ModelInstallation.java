package org.barcodeanomaly.gateway.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.NoSuchElementException;
import java.util.logging.Logger;
import org.barcodeanomaly.gateway.config.DetectorSpec;
import org.barcodeanomaly.pluginhost.FileTrees;

/**
 * Installs an uploaded model version of one detector: extracted beside the current model
 * directory, tried with the detector's jar, and only if that passes put in place of the current
 * directory (which is kept as {@code .<provider>.previous}) and swapped in. If the detector then
 * fails to start from the new place, the previous directory is put back.
 */
final class ModelInstallation {

  private static final Logger LOG = Logger.getLogger(PluginManager.class.getName());

  private final DetectorSpec spec;
  private final PluginCatalog catalog;
  private final DetectorFactory factory;
  private final DetectorReconciler reconciler;
  private final LoadLog log;
  private final ModelLimits limits;
  private final Path modelDir;
  private final Path staging;
  private final Path previous;

  ModelInstallation(DetectorSpec spec, PluginCatalog catalog, DetectorFactory factory,
      DetectorReconciler reconciler, LoadLog log, ModelLimits limits) {
    this.spec = spec;
    this.limits = limits;
    this.catalog = catalog;
    this.factory = factory;
    this.reconciler = reconciler;
    this.log = log;
    this.modelDir = factory.modelDir(spec);
    this.staging = modelDir.resolveSibling("." + spec.provider() + ".incoming-" + System.nanoTime());
    this.previous = modelDir.resolveSibling("." + spec.provider() + ".previous");
  }

  /**
   * Installs the model in {@code archive}.
   *
   * @throws NoSuchElementException when no plugin provides the detector
   * @throws IllegalArgumentException when the archive is not a usable zip
   */
  void install(Path archive, ChangeLog change) throws IOException {
    LoadedJar jar = catalog.resolve(spec);
    if (jar == null) {
      throw new NoSuchElementException("no plugin provides detector '" + spec.provider() + "'");
    }
    try {
      ModelArchive.extract(archive, staging.resolve(spec.provider()), spec.provider(), limits);
      if (tryStaged(jar, change)) {
        promote();
        if (!reconciler.reconcile(spec, change, false, true)) {
          rollBack();
        }
      }
    } finally {
      FileTrees.delete(staging);
    }
  }

  private boolean tryStaged(LoadedJar jar, ChangeLog change) {
    try {
      factory.create(spec, jar, staging).retire();
      return true;
    } catch (DetectorLoadFailure e) {
      log.failed(change, spec.id(), e.stage(), "uploaded model rejected: " + e.getMessage());
      return false;
    }
  }

  private void promote() throws IOException {
    FileTrees.delete(previous);
    if (Files.exists(modelDir)) {
      Files.move(modelDir, previous);
    }
    Files.move(staging.resolve(spec.provider()), modelDir);
    LOG.info(() -> "event=model_installed detector=" + spec.id() + " dir=" + modelDir + " previous=" + previous);
  }

  private void rollBack() throws IOException {
    FileTrees.delete(modelDir);
    if (Files.exists(previous)) {
      Files.move(previous, modelDir);
    }
    LOG.warning(() -> "event=model_rolled_back detector=" + spec.id() + " dir=" + modelDir);
  }
}
