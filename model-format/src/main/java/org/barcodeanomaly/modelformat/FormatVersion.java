package org.barcodeanomaly.modelformat;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The one policy for the format versions of the product's model files: a reader accepts every
 * version from 1 up to the newest it was built for, so a model trained by an earlier release keeps
 * loading; a newer version than it knows is refused with what to do, never guessed at.
 */
public final class FormatVersion {

  private FormatVersion() {
  }

  /**
   * Checks {@code found}, read from {@code file}, against {@code 1..newest}.
   *
   * @param remedy what the operator should do when the file is too new or damaged, e.g.
   *     "update the svm plugin or retrain with `bin/anomaly train-svm`"
   * @return {@code found}, as an int
   * @throws IOException naming the file, the version found and the accepted range
   */
  public static int check(Path file, long found, int newest, String remedy) throws IOException {
    if (newest < 1) {
      throw new IllegalArgumentException("newest format version must be >= 1, was " + newest);
    }
    if (found < 1 || found > newest) {
      throw new IOException(file + ": formatVersion " + found + " is not one this version reads (1.."
          + newest + "); " + remedy);
    }
    return (int) found;
  }
}
