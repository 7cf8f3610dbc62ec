package org.barcodeanomaly.gateway.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A model version uploaded as a zip archive: the files of one detector's model directory, at
 * the archive's root or inside one folder named after the detector's provider.
 */
final class ModelArchive {

  private ModelArchive() {
  }

  /**
   * Extracts {@code zip} into {@code target} (created), within {@code limits}: the bytes are
   * counted as they are written, so an archive whose headers understate its sizes is stopped at
   * the limit, not after filling the disk.
   *
   * @throws IOException when the archive cannot be read or written out
   * @throws IllegalArgumentException when it is not a zip, holds no file, holds two entries of the
   *     same name, holds more entries or expands to more bytes than {@code limits} allow, or an
   *     entry would land outside {@code target}
   */
  static void extract(Path zip, Path target, String provider, ModelLimits limits) throws IOException {
    try (ZipFile archive = new ZipFile(zip.toFile())) {
      if (archive.size() > limits.maxEntries()) {
        throw new IllegalArgumentException("the model archive holds " + archive.size()
            + " entries, more than this server's limit of " + limits.maxEntries() + " (limits.maxModelEntries)");
      }
      List<ZipEntry> files = new ArrayList<>();
      Set<String> names = new HashSet<>();
      for (Enumeration<? extends ZipEntry> entries = archive.entries(); entries.hasMoreElements(); ) {
        ZipEntry entry = entries.nextElement();
        if (!names.add(entry.getName())) {
          throw new IllegalArgumentException("the model archive holds two entries named '" + entry.getName()
              + "': zip the model directory again");
        }
        if (!entry.isDirectory()) {
          files.add(entry);
        }
      }
      if (files.isEmpty()) {
        throw new IllegalArgumentException("the model archive holds no file");
      }
      String prefix = provider + "/";
      boolean nested = files.stream().allMatch(entry -> entry.getName().startsWith(prefix));
      Files.createDirectories(target);
      long[] written = {0};
      for (ZipEntry entry : files) {
        String name = nested ? entry.getName().substring(prefix.length()) : entry.getName();
        Path out = target.resolve(name).normalize();
        if (!out.startsWith(target) || out.equals(target)) {
          throw new IllegalArgumentException("model archive entry '" + entry.getName()
              + "' would be written outside the model directory");
        }
        Files.createDirectories(out.getParent());
        try (InputStream in = archive.getInputStream(entry); OutputStream file = Files.newOutputStream(out, StandardOpenOption.CREATE_NEW)) {
          copyWithin(in, file, written, limits.maxBytes());
        }
      }
    } catch (ZipException e) {
      throw new IllegalArgumentException("the model upload is not a zip archive: " + e.getMessage(), e);
    } catch (FileAlreadyExistsException e) {
      throw new IllegalArgumentException("the model archive holds two entries for the file '"
          + target.relativize(Path.of(e.getFile())) + "': zip the model directory again", e);
    }
  }

  private static void copyWithin(InputStream in, OutputStream out, long[] written, long maxBytes) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
      written[0] += read;
      if (written[0] > maxBytes) {
        throw new IllegalArgumentException("the model archive expands to more than this server's limit of "
            + maxBytes + " bytes (limits.maxModelBytes)");
      }
      out.write(buffer, 0, read);
    }
  }
}
