package org.barcodeanomaly.api.scanfile;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The lines of a file as byte ranges of one reused buffer, not decoded: decoding a whole scan file
 * to characters costs more than reading it, and the reader needs only a few ASCII columns of
 * each row. Splitting UTF-8 on {@code \n} and {@code \t} bytes is safe: neither byte occurs inside
 * a multi-byte character. A {@code \r} before the {@code \n} is left out; a last line without
 * {@code \n} is still a line. Not thread-safe.
 */
final class ScanLines {

  private static final int INITIAL_BUFFER = 1 << 16;

  private final InputStream in;
  private byte[] buffer = new byte[INITIAL_BUFFER];
  private int position;
  private int limit;
  private boolean endOfInput;
  private int start;
  private int end;

  ScanLines(InputStream in) {
    this.in = in;
  }

  /** Moves to the next line; false at the end of the input. */
  boolean next() throws IOException {
    int scan = position;
    while (true) {
      for (int i = scan; i < limit; i++) {
        if (buffer[i] == '\n') {
          take(i, i + 1);
          return true;
        }
      }
      if (endOfInput) {
        if (position < limit) {
          take(limit, limit);
          return true;
        }
        return false;
      }
      scan = limit - position;
      fill();
    }
  }

  /** The buffer holding the current line; it may be replaced by the next call to {@link #next()}. */
  byte[] buffer() {
    return buffer;
  }

  /** Offset of the current line's first byte in {@link #buffer()}. */
  int start() {
    return start;
  }

  /** Offset just past the current line's last byte (without {@code \r\n}). */
  int end() {
    return end;
  }

  private void take(int lineEnd, int next) {
    start = position;
    end = lineEnd > position && buffer[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
    position = next;
  }

  /** Moves the unread bytes to the front, grows the buffer for a line longer than it, reads more. */
  private void fill() throws IOException {
    if (position > 0) {
      System.arraycopy(buffer, position, buffer, 0, limit - position);
      limit -= position;
      position = 0;
    }
    if (limit == buffer.length) {
      buffer = Arrays.copyOf(buffer, buffer.length * 2);
    }
    int read = in.read(buffer, limit, buffer.length - limit);
    if (read < 0) {
      endOfInput = true;
    } else {
      limit += read;
    }
  }
}
