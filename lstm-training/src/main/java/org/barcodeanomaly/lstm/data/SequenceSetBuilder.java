package org.barcodeanomaly.lstm.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.barcodeanomaly.api.detector.Thresholds;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.event.ScanEvent;
import org.barcodeanomaly.api.network.Location;
import org.barcodeanomaly.api.network.LocationNetwork;
import org.barcodeanomaly.api.network.Tier;
import org.barcodeanomaly.evaluation.data.LabelledEvents;
import org.barcodeanomaly.features.Feature;
import org.barcodeanomaly.features.FeatureExtractor;
import org.barcodeanomaly.features.FeatureMatrix;
import org.barcodeanomaly.features.Trails;
import org.barcodeanomaly.lstm.model.LstmModelSpec;
import org.barcodeanomaly.lstm.sequence.SequenceBatch;
import org.barcodeanomaly.lstm.sequence.SequenceEncoder;

/**
 * Builds {@link SequenceSet}s from labelled trails: each trail as a whole and, for training, one
 * random proper prefix of it, so the network also learns to score a trail that is still growing
 * (streaming). Features of a prefix are computed from the prefix alone, exactly as serving sees
 * a partial trail. Values are raw (unnormalised) until {@link SequenceSet#normalised}.
 *
 * <p>Training also gets blind-zone copies: of an anomaly-free trail that passes a factory
 * warehouse, a hub or a wholesaler, with probability {@value #BLIND_ZONE_SHARE}, a copy without
 * one such whole visit, still labelled normal. A missed visit skips a tier but spans two legs of time, and
 * docs/spec/ANOMALIES.md wants it told apart from a skipped-tier fraud (one leg); the simulator's field
 * profile misses only 2 % of such visits, too few for the network to learn the difference (the
 * first bundled model flagged 173 blind-zone events of the reference trails as locErr). Half of
 * the eligible trails get a copy: few simulated trails reach a wholesaler, so that is still only
 * a few hundred sequences (332 in the bundled model's training set). Warehouse visits were left
 * out at first, and the model trained that way flagged exactly the factory → hub trails whose
 * warehouse visit was missed (3 events of the reference trails, scores 44–95); every middle tier
 * is eligible now.
 *
 * <p>And unknown-location copies: of {@value #UNKNOWN_LOCATION_SHARE} of the anomaly-free
 * trails of three or more events, a copy with one later event moved to a location id the network
 * does not have, that event labelled locErr (docs/spec/ANOMALIES.md: an unknown location id is wrong). The
 * simulator puts unknown locations only at the end of a trail ("the trail ends there"), so the
 * network had never seen one followed by more scans and scored the compatibility kit's case 0.5.
 *
 * <p>And suffix copies: of every training trail of two or more events whose labels are epcFake
 * only (or none), a copy starting at a random later arrival (an inbound), labels unchanged —
 * epcFake belongs to every event of the EPC, so it holds for any part of the trail. Requests often
 * hold only the later scans of an EPC; the simulator's fakes all start at a factory, and a
 * malformed EPC seen only at a wholesaler scored epcFake 43–46 against a threshold of 60 (99 at a
 * factory).
 */
public final class SequenceSetBuilder {

  /** Share of anomaly-free training trails that also appear with one middle visit missed. */
  public static final double BLIND_ZONE_SHARE = 0.5;

  /** Share of anomaly-free training trails that also appear with one event at an unknown id. */
  public static final double UNKNOWN_LOCATION_SHARE = 0.05;

  /**
   * What {@link #build} adds to a training set besides the trails, as a model's provenance records
   * it; built from the shares above and kept beside the code that does it, so the two change together.
   */
  public static final String EXTRA_SEQUENCES = "one random proper prefix per training trail; a blind-zone "
      + "copy (labelled normal) of " + percent(BLIND_ZONE_SHARE) + " of the anomaly-free trails passing a "
      + "warehouse, hub or wholesaler, without one such visit; an unknown-location copy (that event labelled "
      + "locErr) of " + percent(UNKNOWN_LOCATION_SHARE) + " of anomaly-free trails; a suffix copy from a later "
      + "inbound of trails labelled epcFake only or not at all";

  /** Location ids used for injected unknown locations: none is in the network. */
  private static final int UNKNOWN_LOCATION_BASE = 900_000;

  private final LocationNetwork network = LocationNetwork.standard();

  private final FeatureExtractor extractor;
  private final SequenceEncoder rawEncoder;

  private static String percent(double share) {
    return Math.round(share * 100) + " %";
  }

  /** A builder computing {@code features} into sequences of at most {@code maxLength}. */
  public SequenceSetBuilder(FeatureExtractor extractor, List<Feature> features, int maxLength) {
    this.extractor = extractor;
    float[] zeros = new float[features.size()];
    float[] ones = new float[features.size()];
    Arrays.fill(ones, 1f);
    this.rawEncoder = new SequenceEncoder(new LstmModelSpec("raw", maxLength, features, zeros, ones,
        Thresholds.uniform(50)));
  }

  /**
   * Sequences of the trails {@code trailIds} of {@code trails} (grouped from {@code data.events()}).
   *
   * @param prefixes whether to add one random prefix per trail of two or more events
   * @param random   draws the prefix lengths; seeded by the caller
   */
  public SequenceSet build(LabelledEvents data, Trails trails, int[] trailIds, boolean prefixes,
      Random random) {
    Accumulator out = new Accumulator(rawEncoder.spec().maxLength(), rawEncoder.spec().featureCount());
    for (int trail : trailIds) {
      List<ScanEvent> events = new ArrayList<>(trails.length(trail));
      int[] source = new int[trails.length(trail)];
      for (int p = trails.start(trail); p < trails.end(trail); p++) {
        source[p - trails.start(trail)] = trails.eventIndex(p);
        events.add(trails.eventAt(p));
      }
      add(out, data, events, source, false, -1);
      if (prefixes && events.size() >= 2) {
        int length = 1 + random.nextInt(events.size() - 1);
        add(out, data, events.subList(0, length), source, true, -1);
      }
      if (prefixes && anomalyFree(data, source)) {
        if (random.nextDouble() < BLIND_ZONE_SHARE) {
          addBlindZoneCopy(out, data, events, source, random);
        }
        if (events.size() >= 3 && random.nextDouble() < UNKNOWN_LOCATION_SHARE) {
          addUnknownLocationCopy(out, data, events, source, random);
        }
      }
      if (prefixes && events.size() >= 2 && onlyEpcLevelLabels(data, source)) {
        addSuffixCopy(out, data, events, source, random);
      }
    }
    return out.toSet();
  }

  private static boolean anomalyFree(LabelledEvents data, int[] source) {
    for (int index : source) {
      if (data.anyLabel(index)) {
        return false;
      }
    }
    return true;
  }

  private static boolean onlyEpcLevelLabels(LabelledEvents data, int[] source) {
    for (int index : source) {
      for (AnomalyType type : AnomalyType.values()) {
        if (type != AnomalyType.EPC_FAKE && data.anomalous(index, type)) {
          return false;
        }
      }
    }
    return true;
  }

  /** The trail from a random later inbound on, labels unchanged. */
  private void addSuffixCopy(Accumulator out, LabelledEvents data, List<ScanEvent> events,
      int[] source, Random random) {
    List<Integer> arrivals = new ArrayList<>();
    for (int i = 1; i < events.size(); i++) {
      if (events.get(i).eventType().endsWith("_Inbound")) {
        arrivals.add(i);
      }
    }
    if (arrivals.isEmpty()) {
      return;
    }
    int start = arrivals.get(random.nextInt(arrivals.size()));
    add(out, data, events.subList(start, events.size()),
        java.util.Arrays.copyOfRange(source, start, source.length), true, -1);
  }

  /** The trail without one whole middle-tier visit (warehouse, hub, wholesaler) followed by another visit. */
  private void addBlindZoneCopy(Accumulator out, LabelledEvents data, List<ScanEvent> events,
      int[] source, Random random) {
    List<int[]> visits = new ArrayList<>();
    int start = 0;
    for (int i = 1; i <= events.size(); i++) {
      if (i == events.size() || events.get(i).locationId() != events.get(start).locationId()) {
        Location location = network.location(events.get(start).locationId());
        boolean middleTier = location != null
            && location.tier() != Tier.FACTORY && location.tier() != Tier.RETAILER;
        if (middleTier && i < events.size()) {
          visits.add(new int[] {start, i});
        }
        start = i;
      }
    }
    if (visits.isEmpty()) {
      return;
    }
    int[] missed = visits.get(random.nextInt(visits.size()));
    List<ScanEvent> kept = new ArrayList<>(events.subList(0, missed[0]));
    kept.addAll(events.subList(missed[1], events.size()));
    int[] keptSource = new int[kept.size()];
    for (int i = 0, k = 0; i < events.size(); i++) {
      if (i < missed[0] || i >= missed[1]) {
        keptSource[k++] = source[i];
      }
    }
    add(out, data, kept, keptSource, true, -1);
  }

  /** The trail with event {@code moved} (not the first) at an unknown location, labelled locErr. */
  private void addUnknownLocationCopy(Accumulator out, LabelledEvents data, List<ScanEvent> events,
      int[] source, Random random) {
    int moved = 1 + random.nextInt(events.size() - 1);
    ScanEvent original = events.get(moved);
    List<ScanEvent> copy = new ArrayList<>(events);
    copy.set(moved, new ScanEvent(original.eventId(), original.fileId(), original.epcCode(),
        UNKNOWN_LOCATION_BASE + random.nextInt(100_000), original.businessStep(),
        original.eventType(), original.eventTime(), original.manufactureTime()));
    add(out, data, copy, source, true, moved);
  }

  /** Adds the sequences of {@code events}; {@code locationError} (or -1) is labelled locErr. */
  private void add(Accumulator out, LabelledEvents data, List<ScanEvent> events, int[] source,
      boolean prefix, int locationError) {
    Trails own = Trails.group(events);
    FeatureMatrix matrix = extractor.extract(own, 0, own.count());
    SequenceBatch batch = rawEncoder.encode(own, matrix, 0, own.count());
    for (int s = 0; s < batch.count(); s++) {
      out.add(batch, s, source, data, prefix, locationError);
    }
  }

  /** Growable arrays of sequences. */
  private static final class Accumulator {
    private final int steps;
    private final int width;
    private int count;
    private float[] inputs = new float[0];
    private float[] labels = new float[0];
    private int[] lengths = new int[0];
    private int[] eventIndex = new int[0];
    private int[] sourceEvent = new int[0];
    private boolean[] prefix = new boolean[0];

    Accumulator(int steps, int width) {
      this.steps = steps;
      this.width = width;
    }

    void add(SequenceBatch batch, int s, int[] source, LabelledEvents data, boolean isPrefix,
        int locationError) {
      ensureCapacity(count + 1);
      System.arraycopy(batch.inputs(), s * steps * width, inputs, count * steps * width, steps * width);
      lengths[count] = batch.lengths()[s];
      prefix[count] = isPrefix;
      for (int t = 0; t < steps; t++) {
        int local = batch.eventAt(s, t);
        int global = local < 0 ? -1 : source[local];
        eventIndex[count * steps + t] = global;
        sourceEvent[count * steps + t] = global;
        if (global >= 0) {
          data.copyLabels(global, labels, (count * steps + t) * AnomalyType.COUNT);
        }
        if (local >= 0 && local == locationError) {
          labels[(count * steps + t) * AnomalyType.COUNT + AnomalyType.LOC_ERR.ordinal()] = 1f;
        }
      }
      count++;
    }

    private void ensureCapacity(int needed) {
      if (needed <= lengths.length) {
        return;
      }
      int capacity = Math.max(64, lengths.length * 2);
      inputs = Arrays.copyOf(inputs, capacity * steps * width);
      labels = Arrays.copyOf(labels, capacity * steps * AnomalyType.COUNT);
      lengths = Arrays.copyOf(lengths, capacity);
      eventIndex = Arrays.copyOf(eventIndex, capacity * steps);
      sourceEvent = Arrays.copyOf(sourceEvent, capacity * steps);
      prefix = Arrays.copyOf(prefix, capacity);
    }

    SequenceSet toSet() {
      SequenceBatch batch = new SequenceBatch(count, steps, width,
          Arrays.copyOf(inputs, count * steps * width), Arrays.copyOf(lengths, count),
          Arrays.copyOf(eventIndex, count * steps));
      return new SequenceSet(batch, Arrays.copyOf(labels, count * steps * AnomalyType.COUNT),
          Arrays.copyOf(sourceEvent, count * steps), Arrays.copyOf(prefix, count));
    }
  }
}
