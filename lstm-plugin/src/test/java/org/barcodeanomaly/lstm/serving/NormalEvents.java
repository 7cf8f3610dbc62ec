package org.barcodeanomaly.lstm.serving;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.barcodeanomaly.api.event.ScanEvent;

/** Hand-made normal events: valid EPCs of the registry at their own factory. */
final class NormalEvents {

  /** Company and a product it owns (docs/spec/DATA.md), per factory lot prefix and factory location. */
  private static final String[][] PRODUCTS = {
      {"8805843", "2932031"}, {"8809437", "1203199"}, {"8804823", "1293291"}, {"8805843", "0102313"}};
  private static final String[] LOT_PREFIXES = {"01", "05", "10", "15"};
  private static final int[] FACTORIES = {1, 2, 3, 4};

  private NormalEvents() {
  }

  /** {@code count} first scans (Aggregation) of distinct, well-formed EPCs, one event each. */
  static List<ScanEvent> singleAggregations(int count) {
    List<ScanEvent> events = new ArrayList<>();
    Instant day = Instant.parse("2025-07-01T10:23:38Z");
    for (int i = 0; i < count; i++) {
      int factory = i % 4;
      String[] product = PRODUCTS[(i / 4) % PRODUCTS.length];
      String epc = "001." + product[0] + "." + product[1] + "." + LOT_PREFIXES[factory]
          + String.format("%04d", 1 + i % 50) + ".20250701." + String.format("%09d", 100_000 + i);
      Instant time = day.plusSeconds(60L * (i % 600));
      events.add(new ScanEvent(i, 1, epc, FACTORIES[factory], "Factory", "Aggregation", time, day));
    }
    return events;
  }
}
