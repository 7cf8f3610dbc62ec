package org.barcodeanomaly.gateway.plugin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.barcodeanomaly.api.detector.DetectorProvider;
import org.barcodeanomaly.pluginhost.FileTrees;
import org.barcodeanomaly.pluginhost.Fingerprint;
import org.barcodeanomaly.pluginhost.JarDirectoryWatch;
import org.barcodeanomaly.pluginhost.PluginJar;
import org.barcodeanomaly.pluginhost.PluginLoadException;
import org.barcodeanomaly.pluginhost.RetainedJar;

/**
 * The jars of the plugins directory as the gateway holds them: the loaded version of each file
 * (from a private copy). What changed on disk is plugin-host's {@link JarDirectoryWatch}: a
 * changed file is loaded once two looks in a row saw it the same; a version that fails to load is
 * not tried again until the file changes, and the version it would have replaced stays; a
 * directory that cannot be listed changes nothing.
 *
 * <p>Not thread-safe: owned by the plugin manager's thread, except {@link #snapshot()}.
 */
final class JarDirectory implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(PluginManager.class.getName());

  private final Path pluginsDir;
  private final PluginCatalog catalog;
  private final LoadLog log;
  private final Path snapshotDir;
  private final JarDirectoryWatch watch;
  private long sequence;
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
    this.watch = new JarDirectoryWatch(pluginsDir);
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
    watch.look(held(), requireStable).ifPresent(look -> {
      look.changed().forEach((path, fingerprint) -> reload(path, fingerprint, change));
      forgetVanished(look.vanished());
    });
  }

  /** Loads every jar of the directory again, changed or not. */
  void reloadAll(ChangeLog change) {
    watch.list().ifPresent(onDisk -> {
      onDisk.forEach((path, fingerprint) -> reload(path, fingerprint, change));
      Set<Path> vanished = new HashSet<>(held().keySet());
      vanished.removeAll(onDisk.keySet());
      forgetVanished(vanished);
    });
  }

  /** Loads the jar at {@code path} again; if it fails, the version held stays. */
  void reload(Path path, ChangeLog change) {
    reload(path, Fingerprint.of(path), change);
  }

  private void reload(Path path, Fingerprint fingerprint, ChangeLog change) {
    try {
      place(load(path, path, fingerprint));
    } catch (PluginLoadException e) {
      watch.refused(path, fingerprint);
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
    watch.forget(jar.path());
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
    watch.forget(path);
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

  private void forgetVanished(Set<Path> vanished) {
    for (Path path : vanished) {
      LoadedJar held = catalog.remove(path);
      if (held != null) {
        held.jar().release();
        LOG.info(() -> "event=plugin_removed jar=" + held.fileName());
      }
    }
    publish();
  }

  private Map<Path, Fingerprint> held() {
    Map<Path, Fingerprint> held = new HashMap<>();
    for (LoadedJar jar : catalog.jars()) {
      held.put(jar.path(), jar.fingerprint());
    }
    return held;
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
