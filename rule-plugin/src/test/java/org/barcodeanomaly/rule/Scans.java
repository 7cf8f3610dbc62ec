package org.barcodeanomaly.rule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.barcodeanomaly.api.detector.ScoreTable;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.event.EventType;
import org.barcodeanomaly.api.event.ScanEvent;

/**
 * Builds hand-made trails for rule tests, one scan per call, times written as in the scan files
 * (read as UTC), and scores them with a default {@link RuleDetector}.
 */
public final class Scans {

  /** A genuine EPC of the reference data (Product 4, Incheon lot 0004). */
  public static final String GENUINE_EPC = "001.8804823.1293291.010004.20250701.000004002";

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final RuleDetector DETECTOR = new RuleDetector();

  private final List<ScanEvent> events = new ArrayList<>();
  private String epc = GENUINE_EPC;
  private Instant manufactureTime;

  private Scans() {
  }

  /** An empty trail of the genuine EPC. */
  public static Scans trail() {
    return new Scans();
  }

  /** The first seven events of the reference trail (Aggregation to W_Stock_Outbound). */
  public static Scans referenceToWholesaler() {
    return trail()
        .scan(1, "Aggregation", "2025-07-01 10:34:17")
        .scan(5, "WMS_Inbound", "2025-07-01 11:02:38")
        .scan(5, "WMS_Outbound", "2025-07-29 16:57:38")
        .scan(13, "HUB_Inbound", "2025-07-30 02:09:38")
        .scan(13, "HUB_Outbound", "2025-08-14 13:20:38")
        .scan(23, "W_Stock_Inbound", "2025-08-14 21:03:38")
        .scan(23, "W_Stock_Outbound", "2025-09-17 21:38:38");
  }

  /** Parses a scan-file time as UTC. */
  public static Instant time(String text) {
    return LocalDateTime.parse(text, TIME).toInstant(ZoneOffset.UTC);
  }

  /** Scans of this EPC from now on. */
  public Scans epc(String code) {
    this.epc = code;
    return this;
  }

  /** The raw file's manufacture time on the scans added from now on. */
  public Scans manufactured(String text) {
    this.manufactureTime = time(text);
    return this;
  }

  /** A scan whose business step is the one its (known) event type belongs to. */
  public Scans scan(int location, String eventType, String time) {
    return scan(location, EventType.fromName(eventType).step().dataName(), eventType, time);
  }

  /** A scan with every name given as is. */
  public Scans scan(int location, String businessStep, String eventType, String time) {
    events.add(new ScanEvent(events.size() + 1L, 1, epc, location, businessStep, eventType,
        time(time), manufactureTime));
    return this;
  }

  /** The scans so far, in the order they were added. */
  public List<ScanEvent> events() {
    return List.copyOf(events);
  }

  /** Scores the scans with the default rule detector. */
  public ScoreTable score() {
    return DETECTOR.score(events());
  }

  /** The scores of one type, one per scan in the order added. */
  public float[] scores(AnomalyType type) {
    ScoreTable table = score();
    float[] column = new float[table.size()];
    for (int i = 0; i < column.length; i++) {
      column[i] = table.get(i, type);
    }
    return column;
  }
}
