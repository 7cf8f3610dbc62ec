package org.barcodeanomaly.rule;

import java.util.List;
import java.util.Objects;
import org.barcodeanomaly.api.detector.Detector;
import org.barcodeanomaly.api.detector.ScoreTable;
import org.barcodeanomaly.api.detector.Thresholds;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.event.ScanEvent;
import org.barcodeanomaly.api.network.FastestTrips;
import org.barcodeanomaly.features.Trails;
import org.barcodeanomaly.rule.rules.EpcDupRule;
import org.barcodeanomaly.rule.rules.EpcFakeRule;
import org.barcodeanomaly.rule.rules.EventOrderRule;
import org.barcodeanomaly.rule.rules.JumpRule;
import org.barcodeanomaly.rule.rules.LocationRule;
import org.barcodeanomaly.rule.rules.TrailRule;
import org.barcodeanomaly.rule.trail.PreparedTrail;
import org.barcodeanomaly.rule.trail.ScanColumns;

/**
 * The rule-based detector: the five domain rules of docs/spec/ANOMALIES.md, exact and fast, with no model.
 *
 * <p>It groups the batch into trails once (one counting sort by EPC, one small sort per trail),
 * prepares each trail once (re-reads, main line, departures, see {@link PreparedTrail}) and runs the five
 * rules over it: work is linear in the number of events. Scores are 0–100 per type; see each rule
 * for its scale and {@link RuleDetectorOptions#DEFAULT_THRESHOLDS} for the reporting thresholds.
 * An exact re-read (same location, type and second) gets the scores of its first read.
 *
 * <p>Thread-safe: it holds only immutable configuration; every call works on its own buffers.
 */
public final class RuleDetector implements Detector {

  /** The name on endpoints and in configuration. */
  public static final String NAME = "rule";
  /** Version of the rules; changes whenever a score changes. */
  public static final String VERSION = "rule-1.0";

  private static final AnomalyType[] SEQUENCE_TYPES = {
      AnomalyType.LOC_ERR, AnomalyType.EVT_ORDER_ERR, AnomalyType.JUMP};

  private final RuleDetectorOptions options;
  private final FastestTrips travelTimes;
  private final List<TrailRule> rules;

  /** A detector with the default options and the bundled reference tables. */
  public RuleDetector() {
    this(new RuleDetectorOptions());
  }

  /** A detector set up by {@code options} (copied: later changes to them have no effect). */
  public RuleDetector(RuleDetectorOptions options) {
    this.options = new RuleDetectorOptions(Objects.requireNonNull(options, "options"));
    this.travelTimes = new FastestTrips(this.options.getNetwork());
    this.rules = List.of(
        new EpcFakeRule(this.options.getRegistry()),
        new EpcDupRule(),
        new LocationRule(this.options.getNetwork(), this.options.getMissedReadGapHours()),
        new EventOrderRule(this.options.getNetwork()),
        new JumpRule(this.options.getNetwork(), travelTimes, this.options.getClockSkewMinutes()));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String version() {
    return VERSION;
  }

  @Override
  public Thresholds thresholds() {
    return options.getThresholds();
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException naming the index of a null element of {@code events}
   */
  @Override
  public ScoreTable score(List<ScanEvent> events) {
    Trails trails = Trails.group(Objects.requireNonNull(events, "events"));
    ScanColumns columns = ScanColumns.of(events);
    ScoreTable scores = new ScoreTable(columns.size());
    PreparedTrail trail = new PreparedTrail(columns, options.getNetwork(), travelTimes,
        2 * options.getClockSkewMinutes() / 60.0);
    for (int t = 0; t < trails.count(); t++) {
      trail.load(trails, t);
      for (TrailRule rule : rules) {
        rule.score(trail, scores);
      }
      shareWithReReads(trail, scores);
    }
    return scores;
  }

  /** Gives each exact re-read the sequence scores of its first read: it is the same event. */
  private static void shareWithReReads(PreparedTrail trail, ScoreTable scores) {
    for (int k = 0; k < trail.size(); k++) {
      if (trail.isReRead(k)) {
        int first = trail.firstReadOf(k);
        for (AnomalyType type : SEQUENCE_TYPES) {
          scores.set(trail.event(k), type, scores.get(first, type));
        }
      }
    }
  }
}
