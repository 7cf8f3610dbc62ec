package org.barcodeanomaly.api.scanfile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.barcodeanomaly.api.event.ScanEvent;
import org.barcodeanomaly.api.time.EventTimeFormat;

/**
 * Streams one raw scan file into {@link ScanEvent}s: TAB-separated, UTF-8, a header row naming the
 * columns of {@link ScanFileColumns} (found by name, in any order; extra columns tolerated).
 *
 * <p>What it guarantees:
 * <ul>
 *   <li>every data row becomes either one event or one {@link ScanFileProblem} (wrong number of
 *       values, a non-numeric id, an unreadable time, a needed value that is not UTF-8), in file
 *       order; nothing is dropped. Columns an event does not need (location names, product
 *       names, ...) are skipped without being decoded;</li>
 *   <li>ids come from the {@code event_id} column when there is one, else they are the 1-based
 *       data row numbers (the line number minus the header), so they are stable for a file;</li>
 *   <li>{@code event_time} and {@code manufacture_date} are read as {@link EventTimeFormat} reads
 *       them, zone-less times in {@link ScanFileOptions#getTimeZone()} (UTC by default);
 *       {@code manufacture_date} is optional and becomes {@link ScanEvent#manufactureTime()};</li>
 *   <li>a file that cannot be read at all (no header, a required column missing or repeated, a
 *       header that is not UTF-8) fails with {@link ScanFileFormatException} naming the file and the column.</li>
 * </ul>
 * Events are handed over as they are read, so a file larger than memory can be streamed.
 *
 * <p>Thread-safe: it holds only its options; each call reads with its own state.
 */
public final class ScanFileReader {

  private final EventTimeFormat times;

  /** A reader with the default options (zone-less times read as UTC). */
  public ScanFileReader() {
    this(new ScanFileOptions());
  }

  /** A reader with {@code options}; later changes to {@code options} do not affect it. */
  public ScanFileReader(ScanFileOptions options) {
    this.times = new EventTimeFormat(options.getTimeZone());
  }

  /**
   * Reads {@code file}, giving each event to {@code events} and each unreadable row to
   * {@code problems}, in file order.
   *
   * @param fileId the file id every event carries (the caller's numbering, e.g. argument order)
   * @return counts of what was read
   * @throws ScanFileFormatException when the file has no usable header
   * @throws IOException when the file cannot be opened or read
   */
  public ScanFileSummary read(Path file, long fileId, Consumer<ScanEvent> events,
      Consumer<ScanFileProblem> problems) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      ScanLines lines = new ScanLines(in);
      ScanFileHeader header = ScanFileHeader.parse(file, lines.next() ? headerText(file, lines) : null);
      ScanRowParser rows = new ScanRowParser(file, fileId, header, times);
      long line = 1;
      long eventCount = 0;
      while (lines.next()) {
        line++;
        ScanEvent event = rows.parse(lines.buffer(), lines.start(), lines.end(), line - 1);
        if (event != null) {
          events.accept(event);
          eventCount++;
        } else {
          problems.accept(rows.problem(line));
        }
      }
      long dataRows = line - 1;
      return new ScanFileSummary(file, fileId, dataRows, eventCount, dataRows - eventCount,
          header.hasEventIds(), header.unknownColumns);
    }
  }

  private static String headerText(Path file, ScanLines lines) throws ScanFileFormatException {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .decode(ByteBuffer.wrap(lines.buffer(), lines.start(), lines.end() - lines.start())).toString();
    } catch (CharacterCodingException e) {
      throw new ScanFileFormatException(file, "the header row holds bytes that are not UTF-8: "
          + "scan files must be saved as UTF-8");
    }
  }
}
