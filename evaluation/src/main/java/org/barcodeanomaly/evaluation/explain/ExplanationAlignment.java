package org.barcodeanomaly.evaluation.explain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntConsumer;
import java.util.function.LongFunction;
import org.barcodeanomaly.api.detector.ExplainingDetector;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.event.ScanEvent;
import org.barcodeanomaly.api.explain.Explanation;
import org.barcodeanomaly.api.explain.TypeEvidence;
import org.barcodeanomaly.evaluation.data.GroundTruth;
import org.barcodeanomaly.evaluation.data.LabelledEvents;

/**
 * How often a detector's explanations point at the cause the simulator injected.
 *
 * <p>Which reports count: every event reported for a type on an EPC that carries an injected anomaly
 * labelled with that type (the labelled events themselves and any neighbour the detector also
 * reports). For each, two questions: is the top attributed event ({@link TypeEvidence#topEvent()})
 * one labelled with the type (the injected event: the arrival of a jump, the clone and its genuine
 * read, every event of a fake EPC), and is the top feature one of the injected cause's
 * ({@link InjectedCause})? Counted per type and per variant. Explaining runs file by file, as the
 * contract scores. Not thread-safe while measuring; one per run.
 */
public final class ExplanationAlignment {

  /** Counts of one row of the table. */
  public static final class Tally {
    private long reports;
    private long eventAligned;
    private long featureAligned;

    /** Reports of injected anomalies explained. */
    public long reports() {
      return reports;
    }

    /** Of them, whose top event is a labelled (injected) one. */
    public long eventAligned() {
      return eventAligned;
    }

    /** Of them, whose top feature belongs to the injected cause. */
    public long featureAligned() {
      return featureAligned;
    }

    void add(boolean event, boolean feature) {
      reports++;
      eventAligned += event ? 1 : 0;
      featureAligned += feature ? 1 : 0;
    }
  }

  private final Map<AnomalyType, Tally> byType = new EnumMap<>(AnomalyType.class);
  private final Map<String, Tally> byVariant = new TreeMap<>();
  private final String detector;

  private ExplanationAlignment(String detector) {
    this.detector = detector;
  }

  /**
   * Explains every reported event of {@code data} with {@code detector}, file by file, and compares
   * each explanation of an injected anomaly with its cause.
   *
   * @param variantOf the variant injected into an event's EPC, by event id (null for none), as
   *     {@link GroundTruth#variant} tells it
   * @param progress  told the number of events done after each file
   */
  public static ExplanationAlignment measure(ExplainingDetector detector, LabelledEvents data,
      LongFunction<String> variantOf, IntConsumer progress) {
    ExplanationAlignment alignment = new ExplanationAlignment(detector.name());
    Map<Long, List<Integer>> files = new LinkedHashMap<>();
    List<ScanEvent> events = data.events();
    for (int i = 0; i < events.size(); i++) {
      files.computeIfAbsent(events.get(i).fileId(), id -> new ArrayList<>()).add(i);
    }
    Set<String>[] labelledEpcs = labelledEpcs(data);
    int done = 0;
    for (List<Integer> file : files.values()) {
      List<ScanEvent> batch = new ArrayList<>(file.size());
      file.forEach(i -> batch.add(events.get(i)));
      for (Explanation explanation : detector.explain(batch)) {
        for (TypeEvidence evidence : explanation.types()) {
          if (labelledEpcs[evidence.type().ordinal()].contains(explanation.epcCode())) {
            alignment.count(evidence, data, variantOf, file, events.get(file.get(explanation.index())));
          }
        }
      }
      done += file.size();
      progress.accept(done);
    }
    return alignment;
  }

  @SuppressWarnings("unchecked")
  private static Set<String>[] labelledEpcs(LabelledEvents data) {
    Set<String>[] epcs = new Set[AnomalyType.COUNT];
    for (AnomalyType type : AnomalyType.values()) {
      epcs[type.ordinal()] = new HashSet<>();
    }
    for (int i = 0; i < data.size(); i++) {
      for (AnomalyType type : AnomalyType.values()) {
        if (data.anomalous(i, type)) {
          epcs[type.ordinal()].add(data.events().get(i).epcCode());
        }
      }
    }
    return epcs;
  }

  private void count(TypeEvidence evidence, LabelledEvents data, LongFunction<String> variantOf, List<Integer> file,
      ScanEvent explained) {
    boolean event = data.anomalous(file.get(evidence.topEvent().index()), evidence.type());
    String variant = variantOf.apply(explained.eventId());
    boolean feature = variant != null && !evidence.features().isEmpty()
        && InjectedCause.features(variant).contains(evidence.features().get(0).feature());
    byType.computeIfAbsent(evidence.type(), t -> new Tally()).add(event, feature);
    byVariant.computeIfAbsent(variant == null ? "(no variant)" : variant, v -> new Tally()).add(event, feature);
  }

  /** The detector measured. */
  public String detector() {
    return detector;
  }

  /** Counts per type, for the types with explained reports. */
  public Map<AnomalyType, Tally> byType() {
    return byType;
  }

  /** Counts per injected variant. */
  public Map<String, Tally> byVariant() {
    return byVariant;
  }

  /** Counts over every type. */
  public Tally overall() {
    Tally all = new Tally();
    for (Tally tally : byType.values()) {
      all.reports += tally.reports;
      all.eventAligned += tally.eventAligned;
      all.featureAligned += tally.featureAligned;
    }
    return all;
  }

  /**
   * The per-type table of several detectors' alignments, in Markdown: per cell the share of
   * explained reports whose top event is the injected one, then whose top feature is of the cause,
   * then the number of reports.
   */
  public static String markdown(List<ExplanationAlignment> runs) {
    StringBuilder out = new StringBuilder("| type |");
    StringBuilder rule = new StringBuilder("|---|");
    for (ExplanationAlignment run : runs) {
      out.append(' ').append(run.detector).append(" |");
      rule.append("---|");
    }
    out.append('\n').append(rule).append('\n');
    for (AnomalyType type : AnomalyType.values()) {
      out.append("| ").append(type.contractName()).append(" |");
      for (ExplanationAlignment run : runs) {
        out.append(' ').append(cell(run.byType.get(type))).append(" |");
      }
      out.append('\n');
    }
    out.append("| all |");
    for (ExplanationAlignment run : runs) {
      out.append(' ').append(cell(run.overall())).append(" |");
    }
    return out.append('\n').toString();
  }

  /** The per-variant table of several detectors, in Markdown, cells as {@link #markdown}'s. */
  public static String variantMarkdown(List<ExplanationAlignment> runs) {
    Set<String> variants = new java.util.TreeSet<>();
    runs.forEach(run -> variants.addAll(run.byVariant.keySet()));
    StringBuilder out = new StringBuilder("| variant |");
    StringBuilder rule = new StringBuilder("|---|");
    for (ExplanationAlignment run : runs) {
      out.append(' ').append(run.detector).append(" |");
      rule.append("---|");
    }
    out.append('\n').append(rule).append('\n');
    for (String variant : variants) {
      out.append("| ").append(variant).append(" |");
      for (ExplanationAlignment run : runs) {
        out.append(' ').append(cell(run.byVariant.get(variant))).append(" |");
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static String cell(Tally tally) {
    if (tally == null || tally.reports == 0) {
      return "–";
    }
    return String.format(Locale.ROOT, "%.1f %% / %.1f %% (%d)", 100.0 * tally.eventAligned / tally.reports,
        100.0 * tally.featureAligned / tally.reports, tally.reports);
  }
}
