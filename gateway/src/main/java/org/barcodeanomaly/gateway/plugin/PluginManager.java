package org.barcodeanomaly.gateway.plugin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.barcodeanomaly.gateway.detector.DetectorRegistry;
import org.barcodeanomaly.gateway.detector.SelfTest;

/**
 * Keeps the detector registry in step with the plugins and models directories: loads every jar
 * in a class loader of its own, creates and self-tests each detector, and swaps in new jars and
 * model versions as they appear — dropped into the directories (seen by polling) or uploaded
 * through the admin API.
 *
 * <p>Guarantees: a detector enters service only after passing its self-test, in one atomic step
 * (see {@link DetectorRegistry}); a jar that does not load or a detector that fails its
 * self-test never replaces a serving one, and the failure is logged, reported to the
 * {@link PluginLoadListener} and listed by {@link #failures()}. A changed file is acted on only
 * once two looks in a row saw it the same, so a jar still being copied is not loaded.
 *
 * <p>All work runs on one thread of its own, one operation at a time; the public methods hand
 * work to it and return futures.
 */
public final class PluginManager implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(PluginManager.class.getName());

  /** The longest jar file name accepted. */
  public static final int MAX_JAR_NAME_CHARS = 200;

  private final long watchIntervalMs;
  private final ModelLimits modelLimits;
  private final DetectorRegistry registry;
  private final PluginCatalog catalog;
  private final DetectorFactory factory;
  private final LoadLog log;
  private final JarDirectory directory;
  private final DetectorReconciler reconciler;
  private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "plugin-manager");
    thread.setDaemon(true);
    return thread;
  });
  private volatile boolean started;

  /**
   * A manager for {@code options}; nothing is loaded before {@link #start()}.
   *
   * @throws java.io.UncheckedIOException when the directory for private jar copies cannot be created
   */
  public PluginManager(PluginManagerOptions options, DetectorRegistry registry, SelfTest selfTest,
      PluginLoadListener listener) {
    this.watchIntervalMs = options.watchIntervalMs();
    this.modelLimits = options.modelLimits();
    this.registry = registry;
    this.catalog = new PluginCatalog(options.detectors(), options.referencedDetectors());
    this.factory = new DetectorFactory(options.modelsDir(), selfTest);
    this.log = new LoadLog(listener);
    this.directory = new JarDirectory(options.pluginsDir(), catalog, log);
    this.reconciler = new DetectorReconciler(catalog, registry, factory, log, options.pluginsDir());
  }

  /**
   * Loads every jar and detector, then starts watching the directories (unless the watch
   * interval is 0). The future completes when the first load is done, failures included.
   */
  public CompletableFuture<PluginChange> start() {
    CompletableFuture<PluginChange> first = submit(change -> {
      directory.scan(change, false);
      reconciler.reconcileAll(change, false);
      started = true;
    });
    if (watchIntervalMs > 0) {
      worker.scheduleWithFixedDelay(this::poll, watchIntervalMs, watchIntervalMs, TimeUnit.MILLISECONDS);
    }
    return first;
  }

  /** Whether the first load has finished. */
  public boolean started() {
    return started;
  }

  /** The directory watched for jars. */
  public Path pluginsDir() {
    return directory.pluginsDir();
  }

  /** The jars held now, in file-name order. */
  public List<JarInfo> jars() {
    return directory.snapshot();
  }

  /** The most recent load failures, newest first (at most 50). */
  public List<LoadFailure> failures() {
    return log.recent();
  }

  /** Loads every jar of the directory again, changed or not, and recreates every detector. */
  public CompletableFuture<PluginChange> reloadAll() {
    return submit(change -> {
      directory.reloadAll(change);
      reconciler.reconcileAll(change, false);
    });
  }

  /**
   * Loads jar {@code fileName} again and recreates the detectors it serves.
   *
   * @return a future failing with {@link NoSuchElementException} when there is no such jar
   */
  public CompletableFuture<PluginChange> reloadJar(String fileName) {
    return submit(change -> {
      Path path = directory.path(fileName);
      if (!Files.isRegularFile(path)) {
        throw new NoSuchElementException("no plugin jar " + fileName + " in " + pluginsDir());
      }
      directory.reload(path, change);
      reconciler.reconcileAll(change, false);
    });
  }

  /**
   * Installs an uploaded jar as {@code fileName}, all or nothing (see {@link JarInstallation});
   * the upload file is consumed either way.
   */
  public CompletableFuture<PluginChange> installJar(String fileName, Path upload) {
    return submit(change -> {
      try {
        new JarInstallation(directory, catalog, factory, reconciler, log).install(directory.path(fileName), upload, change);
      } finally {
        Files.deleteIfExists(upload);
      }
    });
  }

  /**
   * Removes jar {@code fileName} from the directory; its detectors leave service after their
   * last request (another jar providing them takes over if there is one).
   *
   * @return a future failing with {@link NoSuchElementException} when there is no such jar
   */
  public CompletableFuture<PluginChange> removeJar(String fileName) {
    return submit(change -> {
      if (!directory.delete(directory.path(fileName))) {
        throw new NoSuchElementException("no plugin jar " + fileName + " in " + pluginsDir());
      }
      reconciler.reconcileAll(change, false);
    });
  }

  /**
   * Creates detector {@code id} again from its jar and models, self-tests it and swaps it in.
   *
   * @return a future failing with {@link NoSuchElementException} when no such detector is known
   */
  public CompletableFuture<PluginChange> reloadDetector(String id) {
    return submit(change -> reconciler.reconcile(reconciler.spec(id), change, false, true));
  }

  /**
   * Installs a model version of detector {@code id} from a zip archive (see
   * {@link ModelInstallation}); the archive file is consumed either way.
   *
   * @return a future failing with {@link NoSuchElementException} when no such detector is known,
   *     or {@link IllegalArgumentException} when the archive is unusable
   */
  public CompletableFuture<PluginChange> installModel(String id, Path archive) {
    return submit(change -> {
      try {
        new ModelInstallation(reconciler.spec(id), catalog, factory, reconciler, log, modelLimits).install(archive, change);
      } finally {
        Files.deleteIfExists(archive);
      }
    });
  }

  /**
   * Checks that {@code fileName} can name a jar of the plugins directory.
   *
   * @return {@code fileName}
   * @throws IllegalArgumentException when it is not a plain file name ending in {@code .jar}, or
   *     longer than {@value #MAX_JAR_NAME_CHARS} characters
   */
  public static String checkJarName(String fileName) {
    if (fileName.length() > MAX_JAR_NAME_CHARS) {
      throw new IllegalArgumentException("plugin file name of " + fileName.length() + " characters is longer"
          + " than the limit of " + MAX_JAR_NAME_CHARS + " (file systems refuse names over 255 bytes)");
    }
    if (!fileName.matches("[A-Za-z0-9][A-Za-z0-9._-]*\\.jar")) {
      throw new IllegalArgumentException("plugin file name '" + fileName + "' must be a plain"
          + " file name ending in .jar (letters, digits, '.', '_' and '-')");
    }
    return fileName;
  }

  /** Stops watching, takes every detector out of service and releases the jars. */
  @Override
  public void close() {
    worker.shutdownNow();
    try {
      worker.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    registry.closeAll();
    directory.close();
  }

  private void poll() {
    try {
      ChangeLog change = new ChangeLog();
      directory.scan(change, true);
      reconciler.reconcileAll(change, true);
    } catch (RuntimeException | LinkageError e) {
      // Keep watching: an exception would cancel the schedule.
      LOG.log(Level.WARNING, "event=plugin_watch_failed reason=\"" + e + "\"", e);
    }
  }

  /** An operation on the manager's thread, recording what it changes. */
  private interface Operation {
    void run(ChangeLog change) throws Exception;
  }

  private CompletableFuture<PluginChange> submit(Operation operation) {
    CompletableFuture<PluginChange> result = new CompletableFuture<>();
    worker.execute(() -> {
      try {
        ChangeLog change = new ChangeLog();
        operation.run(change);
        result.complete(change.result());
      } catch (Exception | LinkageError e) {
        result.completeExceptionally(e);
      }
    });
    return result;
  }
}
