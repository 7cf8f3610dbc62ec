package org.barcodeanomaly.rule;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.barcodeanomaly.api.event.ScanEvent;

/**
 * The 13 real rows of {@code raw_sample.tsv} (one complete 10-event trail and the start of a
 * second), as scan events with their manufacture time; times read as UTC.
 */
public final class ReferenceSample {

  private static final int LOCATION_ID = 1;
  private static final int BUSINESS_STEP = 3;
  private static final int EVENT_TYPE = 4;
  private static final int EPC_CODE = 7;
  private static final int EVENT_TIME = 15;
  private static final int MANUFACTURE_DATE = 16;

  private ReferenceSample() {
  }

  /** The rows in file order, event ids 1 to 13. */
  public static List<ScanEvent> events() {
    InputStream in = Objects.requireNonNull(
        ReferenceSample.class.getResourceAsStream("raw_sample.tsv"), "raw_sample.tsv fixture");
    List<ScanEvent> events = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      reader.readLine();
      String line;
      while ((line = reader.readLine()) != null) {
        String[] row = line.split("\t", -1);
        events.add(new ScanEvent(events.size() + 1L, 1, row[EPC_CODE],
            Integer.parseInt(row[LOCATION_ID]), row[BUSINESS_STEP], row[EVENT_TYPE],
            Scans.time(row[EVENT_TIME]), Scans.time(row[MANUFACTURE_DATE])));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return events;
  }
}
