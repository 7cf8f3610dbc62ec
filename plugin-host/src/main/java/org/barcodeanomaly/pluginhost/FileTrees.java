package org.barcodeanomaly.pluginhost;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.logging.Logger;
import java.util.stream.Stream;

/** Deleting the directories a plugin host makes (private jar copies, staged models). */
public final class FileTrees {

  private static final Logger LOG = Logger.getLogger(FileTrees.class.getName());

  private FileTrees() {
  }

  /** Deletes {@code root} and everything under it, as far as possible; leftovers are only logged. */
  public static void delete(Path root) {
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
}
