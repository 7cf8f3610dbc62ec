package org.barcodeanomaly.gateway.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
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
   * Extracts {@code zip} into {@code target} (created).
   *
   * @throws IOException when the archive cannot be read or written out
   * @throws IllegalArgumentException when it is not a zip, holds no file, or an entry would land
   *     outside {@code target}
   */
  static void extract(Path zip, Path target, String provider) throws IOException {
    try (ZipFile archive = new ZipFile(zip.toFile())) {
      List<ZipEntry> files = new ArrayList<>();
      for (Enumeration<? extends ZipEntry> entries = archive.entries(); entries.hasMoreElements(); ) {
        ZipEntry entry = entries.nextElement();
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
      for (ZipEntry entry : files) {
        String name = nested ? entry.getName().substring(prefix.length()) : entry.getName();
        Path out = target.resolve(name).normalize();
        if (!out.startsWith(target) || out.equals(target)) {
          throw new IllegalArgumentException("model archive entry '" + entry.getName()
              + "' would be written outside the model directory");
        }
        Files.createDirectories(out.getParent());
        try (InputStream in = archive.getInputStream(entry)) {
          Files.copy(in, out);
        }
      }
    } catch (ZipException e) {
      throw new IllegalArgumentException("the model upload is not a zip archive: " + e.getMessage(), e);
    }
  }
}
