package org.barcodeanomaly.gateway.plugin;

/**
 * How much an uploaded model archive may expand to: a 2 MB zip once expanded to 2 GiB on disk
 * before it was refused. The bytes are counted as they are written, not read from the archive's
 * headers, which the uploader controls.
 *
 * @param maxBytes   the most bytes all files of the archive may hold once extracted
 * @param maxEntries the most entries (files and folders) the archive may hold
 */
public record ModelLimits(long maxBytes, int maxEntries) {

  /** Checks the limits. */
  public ModelLimits {
    if (maxBytes < 1 || maxEntries < 1) {
      throw new IllegalArgumentException("model limits must be at least 1, were maxBytes=" + maxBytes
          + " maxEntries=" + maxEntries);
    }
  }
}
