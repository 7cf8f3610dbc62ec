package org.barcodeanomaly.gateway.plugin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;
import org.barcodeanomaly.api.detector.DetectorProvider;

/**
 * The jars of the plugins directory as the gateway holds them: the loaded version of each file
 * (from a private copy), the changed files still settling, and the versions refused. A changed
 * file is loaded once two looks in a row saw it the same; a version that fails to load is not
 * tried again until the file changes, and the version it would have replaced stays.
 *
 * <p>Not thread-safe: owned by the plugin manager's thread, except {@link #snapshot()}.
 */
final class JarDirectory implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(PluginManager.class.getName());

  private final Path pluginsDir;
  private final PluginCatalog catalog;
  private final LoadLog log;
  private final Path snapshotDir;
  private final Map<Path, Fingerprint> settling = new HashMap<>();
  private final Map<Path, Fingerprint> refused = new HashMap<>();
  private long sequence;
  private boolean missingReported;
  private volatile List<JarInfo> snapshot = List.of();

  /**
   * The jars of {@code pluginsDir}, held in {@code catalog}.
   *
   * @throws UncheckedIOException when the directory for private jar copies cannot be created
   */
  JarDirectory(Path pluginsDir, PluginCatalog catalog, LoadLog log) {
    this.pluginsDir = pluginsDir;
    this.catalog = catalog;
    this.log = log;
    try {
      this.snapshotDir = Files.createTempDirectory("anomaly-gateway-plugins-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a directory for private plugin copies", e);
    }
  }

  /** The directory. */
  Path pluginsDir() {
    return pluginsDir;
  }

  /** The place of jar {@code fileName}, checked to be a plain jar file name. */
  Path path(String fileName) {
    return pluginsDir.resolve(PluginManager.checkJarName(fileName));
  }

  /**
   * Loads the jars that are new or changed (with {@code requireStable}, only once they have
   * settled) and forgets the ones that vanished.
   */
  void scan(ChangeLog change, boolean requireStable) {
    Map<Path, Fingerprint> onDisk = list();
    onDisk.forEach((path, fingerprint) -> {
      LoadedJar held = catalog.get(path);
      if ((held != null && held.fingerprint().equals(fingerprint)) || fingerprint.equals(refused.get(path))) {
        settling.remove(path);
        return;
      }
      if (requireStable && !fingerprint.equals(settling.put(path, fingerprint))) {
        return;
      }
      settling.remove(path);
      reload(path, fingerprint, change);
    });
    forgetVanished(onDisk);
  }

  /** Loads every jar of the directory again, changed or not. */
  void reloadAll(ChangeLog change) {
    Map<Path, Fingerprint> onDisk = list();
    onDisk.forEach((path, fingerprint) -> reload(path, fingerprint, change));
    forgetVanished(onDisk);
  }

  /** Loads the jar at {@code path} again; if it fails, the version held stays. */
  void reload(Path path, ChangeLog change) {
    reload(path, Fingerprint.of(path), change);
  }

  private void reload(Path path, Fingerprint fingerprint, ChangeLog change) {
    try {
      place(load(path, path, fingerprint));
    } catch (PluginLoadException e) {
      refused.put(path, fingerprint);
      log.failed(change, path.getFileName().toString(), LoadStage.JAR, e.getMessage());
    }
  }

  /** Loads a private copy of {@code source} as the next version of the jar at {@code path}, without placing it. */
  LoadedJar load(Path path, Path source, Fingerprint fingerprint) throws PluginLoadException {
    PluginJar jar = PluginJar.loadSnapshot(source, snapshotDir);
    return new LoadedJar(path, new RetainedJar(jar, ++sequence), fingerprint, Instant.now());
  }

  /** Makes {@code jar} the version held for its path, releasing the one it replaces. */
  void place(LoadedJar jar) {
    LoadedJar previous = catalog.put(jar);
    if (previous != null) {
      previous.jar().release();
    }
    settling.remove(jar.path());
    refused.remove(jar.path());
    LOG.info(() -> "event=plugin_loaded jar=" + jar.fileName() + " providers=" + providerNames(jar));
    publish();
  }

  /**
   * Deletes the jar at {@code path} and forgets it.
   *
   * @return whether there was a jar there
   */
  boolean delete(Path path) throws IOException {
    LoadedJar held = catalog.remove(path);
    boolean existed = Files.deleteIfExists(path) || held != null;
    if (held != null) {
      held.jar().release();
    }
    settling.remove(path);
    refused.remove(path);
    LOG.info(() -> "event=plugin_removed jar=" + path.getFileName());
    publish();
    return existed;
  }

  /** The jars held, in file-name order; safe to call from any thread. */
  List<JarInfo> snapshot() {
    return snapshot;
  }

  /** Releases every jar and deletes the private copies. */
  @Override
  public void close() {
    for (LoadedJar jar : List.copyOf(catalog.jars())) {
      catalog.remove(jar.path());
      jar.jar().release();
    }
    FileTrees.delete(snapshotDir);
  }

  private void forgetVanished(Map<Path, Fingerprint> onDisk) {
    for (LoadedJar held : List.copyOf(catalog.jars())) {
      if (!onDisk.containsKey(held.path())) {
        catalog.remove(held.path());
        held.jar().release();
        LOG.info(() -> "event=plugin_removed jar=" + held.fileName());
      }
    }
    settling.keySet().retainAll(onDisk.keySet());
    refused.keySet().retainAll(onDisk.keySet());
    publish();
  }

  private Map<Path, Fingerprint> list() {
    Map<Path, Fingerprint> jars = new TreeMap<>();
    if (!Files.isDirectory(pluginsDir)) {
      if (!missingReported) {
        LOG.warning(() -> "event=plugins_dir_missing dir=" + pluginsDir + " hint=\"build the plugins with"
            + " `mvn -B -ntp -DskipTests package` or set pluginsDir in the configuration\"");
        missingReported = true;
      }
      return jars;
    }
    missingReported = false;
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

  private void publish() {
    List<JarInfo> infos = new ArrayList<>();
    for (LoadedJar jar : catalog.jars()) {
      infos.add(new JarInfo(jar.fileName(), providerNames(jar), jar.loadedAt()));
    }
    snapshot = List.copyOf(infos);
  }

  private static List<String> providerNames(LoadedJar jar) {
    return jar.providers().stream().map(DetectorProvider::name).toList();
  }
}
