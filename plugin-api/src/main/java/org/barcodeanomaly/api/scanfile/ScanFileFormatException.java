package org.barcodeanomaly.api.scanfile;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A scan file that cannot be read at all: empty, a header that lacks a required column or names
 * one twice, or a header that is not UTF-8. The message names the file and tells what to fix. A bad
 * data row is not thrown: it becomes a {@link ScanFileProblem}.
 */
public class ScanFileFormatException extends IOException {

  private static final long serialVersionUID = 1L;

  private final transient Path file;

  /** For {@code file}, with a message saying what is wrong and what to do. */
  public ScanFileFormatException(Path file, String message) {
    super(file + ": " + message);
    this.file = file;
  }

  /** The file that cannot be read. */
  public Path file() {
    return file;
  }
}
