package org.barcodeanomaly.gateway.plugin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.barcodeanomaly.api.detector.DetectorProvider;
import org.barcodeanomaly.gateway.config.DetectorSpec;
import org.barcodeanomaly.gateway.detector.DetectorRegistry;
import org.barcodeanomaly.gateway.detector.SelfTest;
import org.barcodeanomaly.gateway.detector.ServingDetector;

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
  private static final int KEPT_FAILURES = 50;

  private final Path pluginsDir;
  private final long watchIntervalMs;
  private final DetectorRegistry registry;
  private final DetectorFactory factory;
  private final PluginLoadListener listener;
  private final Path snapshotDir;
  private final PluginCatalog catalog;
  private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "plugin-manager");
    thread.setDaemon(true);
    return thread;
  });

  private final Map<Path, Fingerprint> pendingJars = new HashMap<>();
  private final Map<Path, Fingerprint> rejectedJars = new HashMap<>();
  private final Map<String, Binding> bindings = new HashMap<>();
  private final Deque<LoadFailure> failures = new ArrayDeque<>();
  private long jarSequence;
  private boolean missingDirectoryLogged;

  private volatile List<JarInfo> jarSnapshot = List.of();
  private volatile List<LoadFailure> failureSnapshot = List.of();
  private volatile boolean started;

  /** What a detector id was last served from and last tried with. */
  private static final class Binding {
    Attempt served;
    Attempt tried;
    Fingerprint seenModels;
  }

  /** A jar version and a model version: the pair a detector is created from. */
  private record Attempt(LoadedJar jar, Fingerprint models) {
  }

  /**
   * A manager for {@code options}; nothing is loaded before {@link #start()}.
   *
   * @throws UncheckedIOException when the directory for private jar copies cannot be created
   */
  public PluginManager(PluginManagerOptions options, DetectorRegistry registry, SelfTest selfTest,
      PluginLoadListener listener) {
    this.pluginsDir = options.pluginsDir();
    this.watchIntervalMs = options.watchIntervalMs();
    this.registry = registry;
    this.factory = new DetectorFactory(options.modelsDir(), selfTest);
    this.listener = listener;
    this.catalog = new PluginCatalog(options.detectors(), options.referencedDetectors());
    try {
      this.snapshotDir = Files.createTempDirectory("anomaly-gateway-plugins-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a directory for private plugin copies", e);
    }
  }

  /**
   * Loads every jar and detector, then starts watching the directories (unless the watch
   * interval is 0). The future completes when the first load is done, failures included.
   */
  public CompletableFuture<PluginChange> start() {
    CompletableFuture<PluginChange> first = submit(() -> {
      ChangeLog change = new ChangeLog();
      scanJars(change, false);
      reconcile(change, false);
      started = true;
      return change.result();
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
    return pluginsDir;
  }

  /** The jars held now, in file-name order. */
  public List<JarInfo> jars() {
    return jarSnapshot;
  }

  /** The most recent load failures, newest first (at most 50). */
  public List<LoadFailure> failures() {
    return failureSnapshot;
  }

  /** Looks at the directories once now, as the watcher does. */
  public CompletableFuture<PluginChange> pollNow() {
    return submit(() -> {
      ChangeLog change = new ChangeLog();
      scanJars(change, true);
      reconcile(change, true);
      return change.result();
    });
  }

  /** Loads every jar of the directory again, changed or not, and recreates every detector. */
  public CompletableFuture<PluginChange> reloadAll() {
    return submit(() -> {
      ChangeLog change = new ChangeLog();
      Map<Path, Fingerprint> onDisk = listJars();
      onDisk.forEach((path, fingerprint) -> loadIntoCatalog(path, path, fingerprint, change));
      dropVanished(onDisk, change);
      reconcile(change, false);
      return change.result();
    });
  }

  /**
   * Loads jar {@code fileName} again and recreates the detectors it serves.
   *
   * @return a future failing with {@link NoSuchElementException} when there is no such jar
   */
  public CompletableFuture<PluginChange> reloadJar(String fileName) {
    return submit(() -> {
      Path path = jarPath(fileName);
      if (!Files.isRegularFile(path)) {
        throw new NoSuchElementException("no plugin jar " + fileName + " in " + pluginsDir);
      }
      ChangeLog change = new ChangeLog();
      loadIntoCatalog(path, path, Fingerprint.of(path), change);
      reconcile(change, false);
      return change.result();
    });
  }

  /**
   * Installs an uploaded jar as {@code fileName}, all or nothing: it is loaded beside the jar it
   * replaces and every detector it would serve is self-tested first; only if all pass is the
   * file moved into the plugins directory and are the detectors swapped in. Otherwise nothing
   * changes and the upload is deleted.
   */
  public CompletableFuture<PluginChange> installJar(String fileName, Path upload) {
    return submit(() -> {
      Path path = jarPath(fileName);
      ChangeLog change = new ChangeLog();
      try {
        installUploadedJar(path, upload, change);
      } finally {
        Files.deleteIfExists(upload);
      }
      publish();
      return change.result();
    });
  }

  /**
   * Removes jar {@code fileName} from the directory; its detectors leave service after their
   * last request (another jar providing them takes over if there is one).
   *
   * @return a future failing with {@link NoSuchElementException} when there is no such jar
   */
  public CompletableFuture<PluginChange> removeJar(String fileName) {
    return submit(() -> {
      Path path = jarPath(fileName);
      LoadedJar held = catalog.remove(path);
      if (held == null && !Files.exists(path)) {
        throw new NoSuchElementException("no plugin jar " + fileName + " in " + pluginsDir);
      }
      Files.deleteIfExists(path);
      if (held != null) {
        held.jar().release();
      }
      pendingJars.remove(path);
      rejectedJars.remove(path);
      LOG.info(() -> "event=plugin_removed jar=" + fileName);
      ChangeLog change = new ChangeLog();
      reconcile(change, false);
      return change.result();
    });
  }

  /**
   * Creates detector {@code id} again from its jar and models, self-tests it and swaps it in.
   *
   * @return a future failing with {@link NoSuchElementException} when no such detector is known
   */
  public CompletableFuture<PluginChange> reloadDetector(String id) {
    return submit(() -> {
      ChangeLog change = new ChangeLog();
      reconcile(spec(id), change, false, true);
      publish();
      return change.result();
    });
  }

  /**
   * Installs a model version of detector {@code id} from a zip archive: extracted beside the
   * current model, tried with the detector's jar, and only if it passes the self-test put in
   * place of the current model directory (kept as {@code .<provider>.previous}) and swapped in.
   *
   * @return a future failing with {@link NoSuchElementException} when no such detector is known,
   *     or {@link IllegalArgumentException} when the archive is unusable
   */
  public CompletableFuture<PluginChange> installModel(String id, Path archive) {
    return submit(() -> {
      ChangeLog change = new ChangeLog();
      try {
        new ModelInstallation(spec(id), change).run(archive);
      } finally {
        Files.deleteIfExists(archive);
      }
      publish();
      return change.result();
    });
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
    for (LoadedJar jar : List.copyOf(catalog.jars())) {
      catalog.remove(jar.path());
      jar.jar().release();
    }
    deleteTree(snapshotDir);
  }

  private void poll() {
    try {
      ChangeLog change = new ChangeLog();
      scanJars(change, true);
      reconcile(change, true);
    } catch (RuntimeException | LinkageError e) {
      // Keep watching: an exception would cancel the schedule.
      LOG.log(Level.WARNING, "event=plugin_watch_failed reason=" + e, e);
    }
  }

  private void scanJars(ChangeLog change, boolean requireStable) {
    Map<Path, Fingerprint> onDisk = listJars();
    onDisk.forEach((path, fingerprint) -> {
      LoadedJar held = catalog.get(path);
      boolean unchanged = held != null && held.fingerprint().equals(fingerprint);
      if (unchanged || fingerprint.equals(rejectedJars.get(path))) {
        pendingJars.remove(path);
        return;
      }
      if (requireStable && !fingerprint.equals(pendingJars.put(path, fingerprint))) {
        return;
      }
      pendingJars.remove(path);
      loadIntoCatalog(path, path, fingerprint, change);
    });
    dropVanished(onDisk, change);
  }

  private void dropVanished(Map<Path, Fingerprint> onDisk, ChangeLog change) {
    for (LoadedJar held : List.copyOf(catalog.jars())) {
      if (!onDisk.containsKey(held.path())) {
        catalog.remove(held.path());
        held.jar().release();
        LOG.info(() -> "event=plugin_removed jar=" + held.fileName());
      }
    }
    pendingJars.keySet().retainAll(onDisk.keySet());
    rejectedJars.keySet().retainAll(onDisk.keySet());
    publish();
  }

  private Map<Path, Fingerprint> listJars() {
    Map<Path, Fingerprint> jars = new TreeMap<>();
    if (!Files.isDirectory(pluginsDir)) {
      if (!missingDirectoryLogged) {
        LOG.warning(() -> "event=plugins_dir_missing dir=" + pluginsDir + " hint=\"build the plugins with"
            + " `mvn -B -ntp -DskipTests package` or set pluginsDir in the configuration\"");
        missingDirectoryLogged = true;
      }
      return jars;
    }
    missingDirectoryLogged = false;
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(pluginsDir, "*.jar")) {
      for (Path path : stream) {
        if (Files.isRegularFile(path)) {
          jars.put(path, Fingerprint.of(path));
        }
      }
    } catch (IOException e) {
      LOG.warning(() -> "event=plugins_dir_unreadable dir=" + pluginsDir + " reason=\"" + e.getMessage() + "\"");
    }
    return jars;
  }

  private void loadIntoCatalog(Path path, Path source, Fingerprint fingerprint, ChangeLog change) {
    try {
      LoadedJar loaded = loadJar(path, source, fingerprint);
      LoadedJar previous = catalog.put(loaded);
      if (previous != null) {
        previous.jar().release();
      }
      rejectedJars.remove(path);
      LOG.info(() -> "event=plugin_loaded jar=" + loaded.fileName() + " providers=" + providerNames(loaded));
    } catch (PluginLoadException e) {
      rejectedJars.put(path, fingerprint);
      fail(change, path.getFileName().toString(), LoadStage.JAR, e.getMessage());
    }
  }

  private LoadedJar loadJar(Path path, Path source, Fingerprint fingerprint) throws PluginLoadException {
    PluginJar jar = PluginJar.loadSnapshot(source, snapshotDir);
    return new LoadedJar(path, new RetainedJar(jar, ++jarSequence), fingerprint, Instant.now());
  }

  private void installUploadedJar(Path path, Path upload, ChangeLog change) throws IOException {
    String fileName = path.getFileName().toString();
    LoadedJar loaded;
    try {
      loaded = loadJar(path, upload, Fingerprint.of(upload));
    } catch (PluginLoadException e) {
      fail(change, fileName, LoadStage.JAR, "uploaded " + fileName + " is not a usable plugin: " + e.getMessage());
      return;
    }
    PluginCatalog trial = catalog.with(loaded);
    Map<DetectorSpec, ServingDetector> candidates = new HashMap<>();
    for (DetectorSpec spec : trial.specs()) {
      if (trial.resolve(spec) == loaded) {
        try {
          candidates.put(spec, factory.create(spec, loaded, factory.modelsDir(spec)));
        } catch (DetectorLoadFailure e) {
          fail(change, spec.id(), e.stage(), e.getMessage());
        }
      }
    }
    if (!change.failures.isEmpty()) {
      candidates.values().forEach(ServingDetector::retire);
      loaded.jar().release();
      return;
    }
    Files.move(upload, path, StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
    LoadedJar placed = new LoadedJar(path, loaded.jar(), Fingerprint.of(path), loaded.loadedAt());
    LoadedJar previous = catalog.put(placed);
    if (previous != null) {
      previous.jar().release();
    }
    pendingJars.remove(path);
    rejectedJars.remove(path);
    LOG.info(() -> "event=plugin_uploaded jar=" + fileName + " providers=" + providerNames(placed));
    candidates.forEach((spec, detector) -> {
      Fingerprint models = Fingerprint.of(factory.modelDir(spec));
      Binding binding = bindings.computeIfAbsent(spec.id(), id -> new Binding());
      binding.served = new Attempt(placed, models);
      binding.tried = binding.served;
      binding.seenModels = models;
      putInService(detector, change);
    });
    reconcile(change, false);
  }

  private void reconcile(ChangeLog change, boolean requireStable) {
    List<DetectorSpec> specs = catalog.specs();
    Set<String> ids = new LinkedHashSet<>();
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
    publish();
  }

  /**
   * Brings one detector id up to date with its jar and models, unless that was already tried.
   *
   * @return whether a new detector was put in service
   */
  private boolean reconcile(DetectorSpec spec, ChangeLog change, boolean requireStable, boolean force) {
    Binding binding = bindings.computeIfAbsent(spec.id(), id -> new Binding());
    Fingerprint models = Fingerprint.of(factory.modelDir(spec));
    boolean modelsSettling = requireStable && binding.seenModels != null && !models.equals(binding.seenModels);
    binding.seenModels = models;
    if (modelsSettling) {
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
      putInService(detector, change);
      return true;
    } catch (DetectorLoadFailure e) {
      registry.recordFailure(spec.id(), spec.provider(), e.getMessage());
      fail(change, spec.id(), e.stage(), e.getMessage());
      return false;
    }
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

  private void putInService(ServingDetector detector, ChangeLog change) {
    registry.install(detector);
    String id = detector.origin().id();
    change.installed.add(id);
    listener.loaded(id);
    LOG.info(() -> "event=detector_in_service detector=" + id + " version=" + detector.version()
        + " jar=" + detector.origin().jar().getFileName() + " selfTestMs=" + detector.origin().selfTestMillis());
  }

  private void fail(ChangeLog change, String subject, LoadStage stage, String reason) {
    LoadFailure failure = new LoadFailure(subject, stage, reason, Instant.now());
    LOG.warning(() -> "event=plugin_load_failed subject=" + subject + " stage=" + stage.label()
        + " reason=\"" + reason + "\"");
    failures.addFirst(failure);
    while (failures.size() > KEPT_FAILURES) {
      failures.removeLast();
    }
    failureSnapshot = List.copyOf(failures);
    change.failures.add(failure);
    listener.failed(subject, stage);
  }

  private void publish() {
    List<JarInfo> infos = new ArrayList<>();
    for (LoadedJar jar : catalog.jars()) {
      infos.add(new JarInfo(jar.fileName(), providerNames(jar), jar.loadedAt()));
    }
    jarSnapshot = List.copyOf(infos);
  }

  private DetectorSpec spec(String id) {
    return catalog.specs().stream().filter(spec -> spec.id().equals(id)).findFirst()
        .orElseThrow(() -> new NoSuchElementException("no detector '" + id + "' is configured or provided by a plugin"));
  }

  private Path jarPath(String fileName) {
    return pluginsDir.resolve(checkJarName(fileName));
  }

  /**
   * Checks that {@code fileName} can name a jar of the plugins directory.
   *
   * @return {@code fileName}
   * @throws IllegalArgumentException when it is not a plain file name ending in {@code .jar}
   */
  public static String checkJarName(String fileName) {
    if (!fileName.matches("[A-Za-z0-9][A-Za-z0-9._-]*\\.jar")) {
      throw new IllegalArgumentException("plugin file name '" + fileName + "' must be a plain"
          + " file name ending in .jar (letters, digits, '.', '_' and '-')");
    }
    return fileName;
  }

  private static List<String> providerNames(LoadedJar jar) {
    return jar.providers().stream().map(DetectorProvider::name).toList();
  }

  private <T> CompletableFuture<T> submit(Callable<T> task) {
    CompletableFuture<T> result = new CompletableFuture<>();
    worker.execute(() -> {
      try {
        result.complete(task.call());
      } catch (Exception | LinkageError e) {
        result.completeExceptionally(e);
      }
    });
    return result;
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException | UncheckedIOException e) {
      LOG.fine(() -> "leftover directory " + root + ": " + e.getMessage());
    }
  }

  /** Installs one uploaded model version: extract, try, promote, swap; roll back on failure. */
  private final class ModelInstallation {
    private final DetectorSpec spec;
    private final ChangeLog change;
    private final Path modelDir;
    private final Path staging;
    private final Path previous;

    ModelInstallation(DetectorSpec spec, ChangeLog change) {
      this.spec = spec;
      this.change = change;
      this.modelDir = factory.modelDir(spec);
      this.staging = modelDir.resolveSibling("." + spec.provider() + ".incoming-" + System.nanoTime());
      this.previous = modelDir.resolveSibling("." + spec.provider() + ".previous");
    }

    void run(Path archive) throws IOException {
      LoadedJar jar = catalog.resolve(spec);
      if (jar == null) {
        throw new NoSuchElementException("no plugin provides detector '" + spec.provider() + "'");
      }
      try {
        ModelArchive.extract(archive, staging.resolve(spec.provider()), spec.provider());
        if (tryStaged(jar)) {
          promote();
          if (!reconcile(spec, change, false, true)) {
            rollBack();
          }
        }
      } finally {
        deleteTree(staging);
      }
    }

    private boolean tryStaged(LoadedJar jar) {
      try {
        factory.create(spec, jar, staging).retire();
        return true;
      } catch (DetectorLoadFailure e) {
        fail(change, spec.id(), e.stage(), "uploaded model rejected: " + e.getMessage());
        return false;
      }
    }

    private void promote() throws IOException {
      deleteTree(previous);
      if (Files.exists(modelDir)) {
        Files.move(modelDir, previous);
      }
      Files.move(staging.resolve(spec.provider()), modelDir);
      LOG.info(() -> "event=model_installed detector=" + spec.id() + " dir=" + modelDir + " previous=" + previous);
    }

    private void rollBack() throws IOException {
      deleteTree(modelDir);
      if (Files.exists(previous)) {
        Files.move(previous, modelDir);
      }
      LOG.warning(() -> "event=model_rolled_back detector=" + spec.id() + " dir=" + modelDir);
    }
  }

  /** What one operation changed, filled as it goes. */
  private static final class ChangeLog {
    final List<String> installed = new ArrayList<>();
    final List<String> removed = new ArrayList<>();
    final List<LoadFailure> failures = new ArrayList<>();

    PluginChange result() {
      return new PluginChange(installed, removed, failures);
    }
  }
}
