package org.barcodeanomaly.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.barcodeanomaly.api.detector.ExplainingDetector;
import org.barcodeanomaly.api.detector.ScoreTable;
import org.barcodeanomaly.api.detector.Thresholds;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.event.ScanEvent;
import org.barcodeanomaly.api.network.FastestTrips;
import org.barcodeanomaly.api.explain.EventContribution;
import org.barcodeanomaly.api.explain.Explanation;
import org.barcodeanomaly.api.explain.FeatureContribution;
import org.barcodeanomaly.api.explain.TypeEvidence;
import org.barcodeanomaly.features.Trails;
import org.barcodeanomaly.rule.rules.EpcDupRule;
import org.barcodeanomaly.rule.rules.EpcFakeRule;
import org.barcodeanomaly.rule.rules.EventOrderRule;
import org.barcodeanomaly.rule.rules.JumpRule;
import org.barcodeanomaly.rule.rules.LocationRule;
import org.barcodeanomaly.rule.explain.Findings;
import org.barcodeanomaly.rule.explain.RuleFinding;
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
 * <p>Explaining ({@link #explain}) runs the same rules once more, recording for every score the
 * finding of the rule whose score stands: its name, the events it compared (the departure of a
 * too-fast arrival, the sale before a later scan), its numbers and a sentence. The explained event
 * carries the rule's score as its contribution; the events it was compared with carry 0.
 *
 * <p>Thread-safe: it holds only immutable configuration; every call works on its own buffers.
 */
public final class RuleDetector implements ExplainingDetector {

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
        new EpcDupRule(this.options.getNetwork()),
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
    return run(events, false).scores();
  }

  /**
   * {@inheritDoc}
   *
   * <p>Method {@code rule}: the explained value is the score, with baseline 0.
   *
   * @throws IllegalArgumentException naming the index of a null element of {@code events}
   */
  @Override
  public List<Explanation> explain(List<ScanEvent> events) {
    Findings findings = run(events, true);
    ScoreTable scores = findings.scores();
    Thresholds thresholds = thresholds();
    List<Explanation> explanations = new ArrayList<>();
    for (int i = 0; i < scores.size(); i++) {
      List<TypeEvidence> types = new ArrayList<>();
      for (AnomalyType type : AnomalyType.values()) {
        float score = scores.get(i, type);
        if (thresholds.reports(type, score)) {
          types.add(evidence(events, i, type, score, findings.finding(i, type)));
        }
      }
      if (!types.isEmpty()) {
        ScanEvent event = events.get(i);
        explanations.add(new Explanation(i, event.eventId(), event.epcCode(), NAME, VERSION, types));
      }
    }
    return explanations;
  }

  private TypeEvidence evidence(List<ScanEvent> events, int index, AnomalyType type, float score, RuleFinding finding) {
    if (finding == null) {
      throw new IllegalStateException("no rule recorded why event " + events.get(index).eventId() + " scores "
          + score + " for " + type.contractName() + ": every rule must describe the scores it raises");
    }
    List<EventContribution> scene = new ArrayList<>();
    scene.add(new EventContribution(index, events.get(index).eventId(), finding.role(), score));
    for (RuleFinding.Scene other : finding.scene()) {
      if (other.event() != index) {
        scene.add(new EventContribution(other.event(), events.get(other.event()).eventId(), other.role(), 0));
      }
    }
    List<FeatureContribution> numbers = new ArrayList<>();
    int causes = (int) finding.numbers().stream().filter(RuleFinding.Quantity::cause).count();
    for (RuleFinding.Quantity number : finding.numbers()) {
      numbers.add(new FeatureContribution(number.name(), number.value(),
          number.cause() ? causeShare(finding, number, score, causes) : 0));
    }
    return new TypeEvidence(type, score, thresholds().get(type), "rule", finding.sentence(), score, 0, scene, numbers);
  }

  /**
   * A cause's share of the score: an EPC's faults add points, so each gets its points (scaled to the
   * capped score); a rule with one cause gives it the whole score.
   */
  private static double causeShare(RuleFinding finding, RuleFinding.Quantity cause, float score, int causes) {
    if (causes == 1 || !finding.rule().startsWith("epcFake")) {
      return score / (double) causes;
    }
    double points = finding.numbers().stream().filter(RuleFinding.Quantity::cause).mapToDouble(RuleFinding.Quantity::value).sum();
    return score * cause.value() / points;
  }

  private Findings run(List<ScanEvent> events, boolean recording) {
    Trails trails = Trails.group(Objects.requireNonNull(events, "events"));
    ScanColumns columns = ScanColumns.of(events);
    ScoreTable scores = new ScoreTable(columns.size());
    Findings findings = recording ? Findings.recording(scores) : Findings.scoring(scores);
    PreparedTrail trail = new PreparedTrail(columns, options.getNetwork(), travelTimes,
        2 * options.getClockSkewMinutes() / 60.0);
    for (int t = 0; t < trails.count(); t++) {
      trail.load(trails, t);
      for (TrailRule rule : rules) {
        rule.score(trail, findings);
      }
      shareWithReReads(trail, findings);
    }
    return findings;
  }

  /** Gives each exact re-read the sequence scores (and findings) of its first read: it is the same event. */
  private static void shareWithReReads(PreparedTrail trail, Findings findings) {
    for (int k = 0; k < trail.size(); k++) {
      if (trail.isReRead(k)) {
        int first = trail.firstReadOf(k);
        for (AnomalyType type : SEQUENCE_TYPES) {
          findings.share(first, trail.event(k), type);
        }
      }
    }
  }
}
