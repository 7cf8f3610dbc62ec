package org.barcodeanomaly.pluginhost;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a jar or a model directory looked like when last seen: names, sizes, modification times
 * and file keys. Two equal fingerprints mean "nothing changed"; the watcher acts on a change only once
 * the same fingerprint has been seen twice in a row, so a file still being copied is not loaded
 * half-written.
 *
 * @param value an opaque summary; equal values mean the same files, sizes and times
 */
public record Fingerprint(String value) {

  /** The fingerprint of a path that does not exist. */
  public static final Fingerprint ABSENT = new Fingerprint("absent");

  /** The fingerprint of a file, or of every file under a directory; {@link #ABSENT} if neither. */
  public static Fingerprint of(Path path) {
    try {
      if (Files.isRegularFile(path)) {
        return new Fingerprint(describe(Files.readAttributes(path, BasicFileAttributes.class)));
      }
      if (Files.isDirectory(path)) {
        return ofDirectory(path);
      }
      return ABSENT;
    } catch (IOException e) {
      // Deleted while being read: it will be seen again, settled, on the next look.
      return new Fingerprint("unreadable:" + e.getMessage());
    }
  }

  private static Fingerprint ofDirectory(Path directory) throws IOException {
    StringBuilder summary = new StringBuilder("dir");
    try (Stream<Path> files = Files.walk(directory)) {
      List<Path> sorted = files.filter(Files::isRegularFile).sorted().toList();
      for (Path file : sorted) {
        summary.append('|').append(directory.relativize(file))
            .append(describe(Files.readAttributes(file, BasicFileAttributes.class)));
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return new Fingerprint(summary.toString());
  }

  /**
   * Size, modification time and file key (device and inode where the OS has them), so that a
   * replacement moved into place is seen even with the same size within the same millisecond.
   */
  private static String describe(BasicFileAttributes attributes) {
    return ":" + attributes.size() + "@" + attributes.lastModifiedTime().toMillis() + "#" + attributes.fileKey();
  }
}
