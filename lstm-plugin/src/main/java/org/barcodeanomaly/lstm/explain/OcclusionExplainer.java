package org.barcodeanomaly.lstm.explain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.barcodeanomaly.api.detector.ScoreTable;
import org.barcodeanomaly.api.detector.Thresholds;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.event.ScanEvent;
import org.barcodeanomaly.api.explain.EventContribution;
import org.barcodeanomaly.api.explain.Explanation;
import org.barcodeanomaly.api.explain.FeatureContribution;
import org.barcodeanomaly.api.explain.TypeEvidence;
import org.barcodeanomaly.features.Feature;
import org.barcodeanomaly.features.FeatureExtractor;
import org.barcodeanomaly.features.FeatureMatrix;
import org.barcodeanomaly.features.Trails;
import org.barcodeanomaly.lstm.model.LstmModelSpec;
import org.barcodeanomaly.lstm.sequence.SequenceBatch;
import org.barcodeanomaly.lstm.sequence.SequenceEncoder;

/**
 * Explains the LSTM's reports by occlusion, with the served network itself: ONNX Runtime gives no
 * gradients, but it runs a batch of altered copies of a sequence as cheaply as one.
 *
 * <p>For a reported event, the window of its trail that scored it is run again with one change per
 * copy: each event of the window replaced by an average scan (every input at its training mean, 0
 * after normalisation), and each input feature set to its training mean at every step. An event's
 * or feature's contribution is how many score points the reported type's score falls when it is
 * replaced ({@code score − occluded score}); the baseline is the score of the window with every
 * input at its mean. Occlusion is not additive (the parts need not sum to {@code value − baseline});
 * offline, Integrated Gradients with the DL4J network are (lstm-training). The cost is
 * {@code steps + features + 1} sequences per reported event, run {@value #SEQUENCES_PER_RUN} at a
 * time. The features are the model spec's, whatever model is bundled. Thread-safe.
 */
public final class OcclusionExplainer {

  /** The method name in every evidence. */
  public static final String METHOD = "occlusion";
  /** Sequences per ONNX Runtime run. */
  static final int SEQUENCES_PER_RUN = 2048;
  /** Events and features named in a sentence. */
  private static final int NAMED = 2;

  private final LstmModelSpec spec;
  private final SequenceEncoder encoder;
  private final FeatureExtractor extractor;
  private final Function<SequenceBatch, float[]> network;
  private final String detectorName;

  /**
   * An explainer of {@code spec}'s model.
   *
   * @param network runs the served network: sequences in, probabilities
   *     {@code [sequence][step][type]} out, as {@code OnnxSequenceScorer#probabilities}
   */
  public OcclusionExplainer(LstmModelSpec spec, FeatureExtractor extractor, Function<SequenceBatch, float[]> network,
      String detectorName) {
    this.spec = spec;
    this.encoder = new SequenceEncoder(spec);
    this.extractor = extractor;
    this.network = network;
    this.detectorName = detectorName;
  }

  /**
   * One explanation per event of {@code events} that {@code scores} reports at {@code thresholds},
   * in batch order.
   */
  public List<Explanation> explain(List<ScanEvent> events, ScoreTable scores, Thresholds thresholds) {
    List<Target> targets = targets(events, scores, thresholds);
    if (targets.isEmpty()) {
      return List.of();
    }
    float[] probabilities = runOcclusions(targets);
    List<Explanation> explanations = new ArrayList<>();
    int copies = copiesPerTarget();
    for (int t = 0; t < targets.size(); t++) {
      Target target = targets.get(t);
      List<TypeEvidence> types = new ArrayList<>();
      for (AnomalyType type : target.reported) {
        types.add(evidence(events, target, type, scores.get(target.event, type), thresholds.get(type),
            probabilities, t * copies));
      }
      ScanEvent event = events.get(target.event);
      explanations.add(new Explanation(target.event, event.eventId(), event.epcCode(), detectorName, spec.version(), types));
    }
    return explanations;
  }

  /** A reported event and the window of its trail that scored it. */
  private record Target(int event, List<AnomalyType> reported, float[] window, int length, int step, int[] eventIndex) { }

  private List<Target> targets(List<ScanEvent> events, ScoreTable scores, Thresholds thresholds) {
    List<Target> targets = new ArrayList<>();
    Trails trails = null;
    FeatureMatrix matrix = null;
    int[] trailOf = null;
    for (int i = 0; i < events.size(); i++) {
      List<AnomalyType> reported = new ArrayList<>();
      for (AnomalyType type : AnomalyType.values()) {
        if (thresholds.reports(type, scores.get(i, type))) {
          reported.add(type);
        }
      }
      if (reported.isEmpty()) {
        continue;
      }
      if (trails == null) {
        trails = Trails.group(events);
        matrix = extractor.extract(trails, 0, trails.count());
        trailOf = trailOf(trails, events.size());
      }
      targets.add(target(trails, matrix, trailOf[i], i, reported));
    }
    targets.sort((a, b) -> Integer.compare(a.event, b.event));
    return targets;
  }

  private static int[] trailOf(Trails trails, int events) {
    int[] trailOf = new int[events];
    for (int trail = 0; trail < trails.count(); trail++) {
      for (int position = trails.start(trail); position < trails.end(trail); position++) {
        trailOf[trails.eventIndex(position)] = trail;
      }
    }
    return trailOf;
  }

  private Target target(Trails trails, FeatureMatrix matrix, int trail, int event, List<AnomalyType> reported) {
    SequenceBatch windows = encoder.encode(trails, matrix, trail, trail + 1);
    int width = spec.featureCount();
    int steps = windows.maxLength();
    for (int s = 0; s < windows.count(); s++) {
      for (int step = 0; step < windows.lengths()[s]; step++) {
        if (windows.eventAt(s, step) == event) {
          float[] window = Arrays.copyOfRange(windows.inputs(), s * steps * width, (s + 1) * steps * width);
          int[] eventIndex = Arrays.copyOfRange(windows.eventIndex(), s * steps, (s + 1) * steps);
          return new Target(event, reported, window, windows.lengths()[s], step, eventIndex);
        }
      }
    }
    throw new IllegalStateException("event " + event + " is in no window of its trail");
  }

  /** Per target: the window itself, one copy per step occluded, one per feature occluded, all occluded. */
  private int copiesPerTarget() {
    return 1 + spec.maxLength() + spec.featureCount() + 1;
  }

  private float[] runOcclusions(List<Target> targets) {
    int copies = copiesPerTarget();
    int width = spec.featureCount();
    int steps = spec.maxLength();
    int stride = steps * width;
    int total = targets.size() * copies;
    float[] out = new float[total * steps * AnomalyType.COUNT];
    for (int from = 0; from < total; from += SEQUENCES_PER_RUN) {
      int count = Math.min(SEQUENCES_PER_RUN, total - from);
      float[] inputs = new float[count * stride];
      int[] lengths = new int[count];
      int[] eventIndex = new int[count * steps];
      Arrays.fill(eventIndex, -1);
      for (int c = 0; c < count; c++) {
        int sequence = from + c;
        Target target = targets.get(sequence / copies);
        int copy = sequence % copies;
        System.arraycopy(target.window, 0, inputs, c * stride, stride);
        lengths[c] = target.length;
        occlude(inputs, c * stride, copy, target.length, width);
      }
      float[] probabilities = network.apply(new SequenceBatch(count, steps, width, inputs, lengths, eventIndex));
      System.arraycopy(probabilities, 0, out, from * steps * AnomalyType.COUNT, probabilities.length);
    }
    return out;
  }

  /** Copy 0 is the window; 1..steps occlude one step; then one feature each; the last occludes all. */
  private void occlude(float[] inputs, int offset, int copy, int length, int width) {
    int steps = spec.maxLength();
    if (copy == 0) {
      return;
    }
    if (copy <= steps) {
      Arrays.fill(inputs, offset + (copy - 1) * width, offset + copy * width, 0f);
    } else if (copy <= steps + width) {
      int feature = copy - steps - 1;
      for (int step = 0; step < length; step++) {
        inputs[offset + step * width + feature] = 0f;
      }
    } else {
      Arrays.fill(inputs, offset, offset + length * width, 0f);
    }
  }

  private TypeEvidence evidence(List<ScanEvent> events, Target target, AnomalyType type, float score,
      float threshold, float[] probabilities, int firstCopy) {
    int steps = spec.maxLength();
    double value = 100.0 * probability(probabilities, firstCopy, target.step, type);
    double baseline = 100.0 * probability(probabilities, firstCopy + 1 + steps + spec.featureCount(), target.step, type);
    List<EventContribution> byEvent = new ArrayList<>();
    for (int step = 0; step < target.length; step++) {
      int event = target.eventIndex[step];
      double occluded = 100.0 * probability(probabilities, firstCopy + 1 + step, target.step, type);
      byEvent.add(new EventContribution(event, events.get(event).eventId(),
          event == target.event ? "reported" : "context", value - occluded));
    }
    List<FeatureContribution> byFeature = new ArrayList<>();
    List<Feature> features = spec.features();
    for (int k = 0; k < features.size(); k++) {
      double occluded = 100.0 * probability(probabilities, firstCopy + 1 + steps + k, target.step, type);
      int column = target.step * spec.featureCount() + k;
      byFeature.add(new FeatureContribution(features.get(k).id(), rawValue(target.window[column], k), value - occluded));
    }
    byEvent.sort(TypeEvidence.BY_EVENT_MAGNITUDE);
    byFeature.sort(TypeEvidence.BY_FEATURE_MAGNITUDE);
    return new TypeEvidence(type, score, threshold, METHOD, sentence(events, type, value, threshold, byEvent, byFeature),
        value, baseline, byEvent, byFeature);
  }

  private double rawValue(float normalised, int column) {
    return normalised * Math.max(LstmModelSpec.MIN_SCALE, spec.scales()[column]) + spec.means()[column];
  }

  /** The probability of {@code type} at {@code step} of occlusion copy {@code sequence}. */
  private float probability(float[] probabilities, int sequence, int step, AnomalyType type) {
    return probabilities[(sequence * spec.maxLength() + step) * AnomalyType.COUNT + type.ordinal()];
  }

  private static String sentence(List<ScanEvent> events, AnomalyType type, double value, float threshold,
      List<EventContribution> byEvent, List<FeatureContribution> byFeature) {
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
        "the LSTM gives %s %.1f (threshold %.1f); it falls most when ", type.contractName(), value, threshold));
    for (int e = 0; e < Math.min(NAMED, byEvent.size()); e++) {
      EventContribution event = byEvent.get(e);
      ScanEvent scan = events.get(event.index());
      out.append(e == 0 ? "" : ", then when ").append(String.format(Locale.ROOT,
          "event %d (%s at location %d) is replaced by an average scan (%+.1f)", scan.eventId(), scan.eventType(),
          scan.locationId(), -event.contribution()));
    }
    out.append("; of its inputs, ");
    for (int f = 0; f < Math.min(NAMED, byFeature.size()); f++) {
      FeatureContribution feature = byFeature.get(f);
      out.append(f == 0 ? "" : " and ").append(String.format(Locale.ROOT, "%s = %.3g (%+.1f when averaged)",
          feature.feature(), feature.value(), -feature.contribution()));
    }
    return out.toString();
  }
}
