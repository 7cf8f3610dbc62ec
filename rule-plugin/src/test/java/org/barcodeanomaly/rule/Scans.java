package org.barcodeanomaly.rule;

import java.time.Instant;
import java.util.List;
import org.barcodeanomaly.api.detector.ScoreTable;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.event.EventType;
import org.barcodeanomaly.api.event.ScanEvent;
import org.barcodeanomaly.features.TrailBuilder;

/**
 * Hand-made trails for rule tests, one scan per call, times written as in the scan files (read as
 * UTC), scored with a default {@link RuleDetector}. The events come from the features test-jar's
 * {@link TrailBuilder}, the tests' one scan-event builder.
 */
public final class Scans {

  /** A genuine EPC of the reference data (Product 4, Incheon lot 0004). */
  public static final String GENUINE_EPC = "001.8804823.1293291.010004.20250701.000004002";

  private static final RuleDetector DETECTOR = new RuleDetector();

  private final TrailBuilder trail = new TrailBuilder().epc(GENUINE_EPC);

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
    return TrailBuilder.fileTime(text);
  }

  /** Scans of this EPC from now on. */
  public Scans epc(String code) {
    trail.epc(code);
    return this;
  }

  /** The raw file's manufacture time on the scans added from now on. */
  public Scans manufactured(String text) {
    trail.manufactured(time(text));
    return this;
  }

  /** A scan whose business step is the one its (known) event type belongs to. */
  public Scans scan(int location, String eventType, String time) {
    return scan(location, EventType.fromName(eventType).step().dataName(), eventType, time);
  }

  /** A scan with every name given as is. */
  public Scans scan(int location, String businessStep, String eventType, String time) {
    trail.raw(time(time), location, businessStep, eventType);
    return this;
  }

  /** The scans so far, in the order they were added. */
  public List<ScanEvent> events() {
    return List.copyOf(trail.events());
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
