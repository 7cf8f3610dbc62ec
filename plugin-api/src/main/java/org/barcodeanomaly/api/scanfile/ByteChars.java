package org.barcodeanomaly.api.scanfile;

import java.nio.charset.StandardCharsets;

/**
 * A byte buffer seen as characters, one per byte, so {@link org.barcodeanomaly.api.time.EventTimeFormat}
 * reads an ASCII time in place without a temporary string. Only its fast path reads single
 * characters; what it cuts out ({@link #subSequence}) is decoded as UTF-8, so an error message
 * quotes the value as written.
 */
final class ByteChars implements CharSequence {

  private byte[] bytes = new byte[0];

  /** Views {@code buffer} (not copied). */
  void wrap(byte[] buffer) {
    this.bytes = buffer;
  }

  @Override
  public int length() {
    return bytes.length;
  }

  @Override
  public char charAt(int index) {
    return (char) (bytes[index] & 0xFF);
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return new String(bytes, start, end - start, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
