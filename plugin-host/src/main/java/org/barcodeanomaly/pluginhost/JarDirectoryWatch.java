package org.barcodeanomaly.pluginhost;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * Watches a directory of plugin jars by polling, for a host that keeps detectors loaded (the
 * gateway, the stream processor): which jars are new or changed since the versions the host
 * holds, once they have settled, and which have vanished.
 *
 * <p>A changed file is reported once two looks in a row saw it the same, so a jar still being
 * copied is not loaded half-written; a version the host refused is not reported again until the
 * file changes. A directory that cannot be listed — missing, unreadable, or the process out of
 * file descriptors — is "not known", never "empty": the look reports nothing and the host keeps
 * every jar it holds, so a transient failure never takes a serving detector out of service.
 *
 * <p>Not thread-safe: owned by the host's plugin thread.
 */
public final class JarDirectoryWatch {

  private static final Logger LOG = Logger.getLogger(JarDirectoryWatch.class.getName());

  private final Path directory;
  private final Map<Path, Fingerprint> settling = new HashMap<>();
  private final Map<Path, Fingerprint> refused = new HashMap<>();
  private String lastProblem;

  /**
   * What one look found.
   *
   * @param onDisk   every jar listed, with its fingerprint
   * @param changed  the jars to load: new or changed against what the host holds, settled (or all
   *     changes, when the look did not require stability), not refused in this version
   * @param vanished jars the host holds that are no longer listed
   */
  public record Look(Map<Path, Fingerprint> onDisk, Map<Path, Fingerprint> changed, Set<Path> vanished) { }

  /** A watch of {@code directory}. */
  public JarDirectoryWatch(Path directory) {
    this.directory = directory;
  }

  /** The directory watched. */
  public Path directory() {
    return directory;
  }

  /**
   * Lists the jars of the directory with their fingerprints, in path order; empty when the
   * directory cannot be listed (the reason is logged once per distinct problem).
   */
  public Optional<Map<Path, Fingerprint>> list() {
    if (!Files.isDirectory(directory)) {
      problem("event=plugins_dir_missing dir=" + directory + " hint=\"build the plugins with"
          + " `mvn -B -ntp -DskipTests package` or set pluginsDir in the configuration; the"
          + " detectors already loaded keep serving\"");
      return Optional.empty();
    }
    Map<Path, Fingerprint> jars = new TreeMap<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "*.jar")) {
      for (Path path : stream) {
        if (Files.isRegularFile(path)) {
          jars.put(path, Fingerprint.of(path));
        }
      }
    } catch (IOException | RuntimeException e) {
      problem("event=plugins_dir_unreadable dir=" + directory + " reason=\"" + e.getMessage()
          + "\" hint=\"the detectors already loaded keep serving; the directory is looked at again"
          + " on the next poll\"");
      return Optional.empty();
    }
    if (lastProblem != null) {
      LOG.info(() -> "event=plugins_dir_readable_again dir=" + directory);
      lastProblem = null;
    }
    return Optional.of(jars);
  }

  /**
   * Looks at the directory once.
   *
   * @param held          the jars the host holds, with the fingerprint of the version it holds
   * @param requireStable whether a change must be seen twice in a row before it is reported
   * @return what changed; empty when the directory could not be listed
   */
  public Optional<Look> look(Map<Path, Fingerprint> held, boolean requireStable) {
    Optional<Map<Path, Fingerprint>> listed = list();
    if (listed.isEmpty()) {
      return Optional.empty();
    }
    Map<Path, Fingerprint> onDisk = listed.get();
    Map<Path, Fingerprint> changed = new TreeMap<>();
    onDisk.forEach((path, fingerprint) -> {
      if (fingerprint.equals(held.get(path)) || fingerprint.equals(refused.get(path))) {
        settling.remove(path);
        return;
      }
      if (requireStable && !fingerprint.equals(settling.put(path, fingerprint))) {
        return;
      }
      settling.remove(path);
      changed.put(path, fingerprint);
    });
    Set<Path> vanished = new HashSet<>(held.keySet());
    vanished.removeAll(onDisk.keySet());
    settling.keySet().retainAll(onDisk.keySet());
    refused.keySet().retainAll(onDisk.keySet());
    return Optional.of(new Look(onDisk, changed, vanished));
  }

  /** The host could not load this version of {@code path}: it is not reported again until it changes. */
  public void refused(Path path, Fingerprint fingerprint) {
    refused.put(path, fingerprint);
  }

  /** The host now holds a version of {@code path}, or removed it: forget what was settling or refused. */
  public void forget(Path path) {
    settling.remove(path);
    refused.remove(path);
  }

  private void problem(String message) {
    if (!message.equals(lastProblem)) {
      LOG.warning(message);
      lastProblem = message;
    }
  }
}
