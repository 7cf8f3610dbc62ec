package org.barcodeanomaly.simulator.output;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A reusable byte buffer for one output row: the writer appends pre-encoded fields and digits
 * to it without creating a String per row. Not thread-safe.
 */
final class ByteRow {

  private byte[] bytes = new byte[512];
  private int length;

  void clear() {
    length = 0;
  }

  int length() {
    return length;
  }

  ByteRow append(byte[] value) {
    ensure(value.length);
    System.arraycopy(value, 0, bytes, length, value.length);
    length += value.length;
    return this;
  }

  ByteRow append(byte value) {
    ensure(1);
    bytes[length++] = value;
    return this;
  }

  /** Appends a non-negative number in decimal. */
  ByteRow append(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("only non-negative numbers are written, got " + value);
    }
    ensure(20);
    int start = length;
    do {
      bytes[length++] = (byte) ('0' + value % 10);
      value /= 10;
    } while (value > 0);
    for (int i = start, j = length - 1; i < j; i++, j--) {
      byte swap = bytes[i];
      bytes[i] = bytes[j];
      bytes[j] = swap;
    }
    return this;
  }

  /** Appends {@code value} as exactly two digits. */
  ByteRow appendTwoDigits(int value) {
    ensure(2);
    bytes[length++] = (byte) ('0' + value / 10);
    bytes[length++] = (byte) ('0' + value % 10);
    return this;
  }

  /** The bytes from {@code from} to the end, copied. */
  byte[] copyFrom(int from) {
    return Arrays.copyOfRange(bytes, from, length);
  }

  void writeTo(OutputStream out) throws IOException {
    out.write(bytes, 0, length);
  }

  private void ensure(int extra) {
    if (length + extra > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + extra));
    }
  }
}
