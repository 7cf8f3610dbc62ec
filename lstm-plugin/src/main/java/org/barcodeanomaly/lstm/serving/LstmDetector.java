package org.barcodeanomaly.lstm.serving;

import ai.onnxruntime.OrtException;
import com.github.benmanes.caffeine.cache.Ticker;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.barcodeanomaly.api.detector.ExplainingDetector;
import org.barcodeanomaly.api.detector.ScoreTable;
import org.barcodeanomaly.api.detector.StreamingDetector;
import org.barcodeanomaly.api.detector.Thresholds;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.event.ScanEvent;
import org.barcodeanomaly.api.explain.Explanation;
import org.barcodeanomaly.features.FeatureExtractor;
import org.barcodeanomaly.features.FeatureMatrix;
import org.barcodeanomaly.features.Trails;
import org.barcodeanomaly.lstm.coldstart.ColdStartIndex;
import org.barcodeanomaly.lstm.coldstart.SingleEventVectors;
import org.barcodeanomaly.lstm.explain.OcclusionExplainer;
import org.barcodeanomaly.lstm.model.LstmModelSpec;
import org.barcodeanomaly.lstm.runtime.OnnxRuntimeOptions;
import org.barcodeanomaly.lstm.runtime.OnnxSequenceScorer;
import org.barcodeanomaly.lstm.sequence.SequenceBatch;
import org.barcodeanomaly.lstm.sequence.SequenceEncoder;

/**
 * The LSTM detector: groups a batch into EPC trails, computes the shared features, and scores
 * every event of every trail with one forward pass of the exported network per trail, many
 * trails per ONNX Runtime run.
 *
 * <p>An event's score for a type is 100 × the network's probability; it is reported when it
 * passes the threshold calibrated on the validation split (stored with the model).
 *
 * <p>Cold start: an EPC with a single event in the request goes through the same network (trained
 * on one-event prefixes too) and is then compared with the model's {@link ColdStartIndex} of
 * normal single events. When it lies within the index's radius of a normal one, its scores are
 * capped {@value #CAP_MARGIN} below each threshold: a first event that looks like normal ones is
 * never reported. Farther away, the network's scores stand, so a malformed EPC is still reported.
 * Capping only lowers scores: nothing is reported without passing the calibrated threshold, and
 * no fixed score is ever given. Without an index (older model directories) the network's scores
 * stand, as before, with a logged note.
 *
 * <p>Streaming ({@link #scoreArrivals}): a {@link TrailBuffer} keeps each EPC's recent events
 * between calls, within {@link StreamingOptions}; each arriving event is scored as the newest
 * event of its buffered prefix, with the score batch mode gives that prefix alone (one-event
 * prefixes go through the cold-start check above). All arrivals of a call share the ONNX Runtime
 * runs, {@value #TRAILS_PER_RUN} prefixes per run.
 *
 * <p>Explaining ({@link #explain}): occlusion over the events of the reported event's window and
 * the model's input features, with the served network ({@link OcclusionExplainer}).
 *
 * <p>Thread-safe: concurrent calls share the one ONNX Runtime session (which allows concurrent
 * runs) and keep their working data on their own stacks; the streaming buffer is updated
 * atomically per EPC.
 */
public final class LstmDetector implements StreamingDetector, ExplainingDetector {

  /** Trails per ONNX Runtime run: large enough to amortise the call, small enough for memory. */
  static final int TRAILS_PER_RUN = 2048;
  /** How far below a threshold a capped cold-start score is set, in score points. */
  static final double CAP_MARGIN = 0.01;

  private static final System.Logger LOG = System.getLogger(LstmDetector.class.getName());

  private final LstmModelSpec spec;
  private final SequenceEncoder encoder;
  private final FeatureExtractor extractor = FeatureExtractor.standard();
  private final OnnxSequenceScorer scorer;
  /** Normal single events of the training split; null when the model directory has none. */
  private final ColdStartIndex coldStart;
  private final SingleEventVectors singleEvents;
  private final TrailBuffer arrivals;
  private final OcclusionExplainer explainer;

  /**
   * Loads {@code model} and the {@link ColdStartIndex} beside it (if any), and warms the model up
   * with one short sequence. The streaming buffer starts empty.
   *
   * @param streaming bounds of the streaming buffer
   * @throws OrtException when ONNX Runtime cannot load or run the model
   */
  public LstmDetector(LstmModelSpec spec, Path model, OnnxRuntimeOptions options,
      StreamingOptions streaming) throws OrtException {
    this(spec, model, options, streaming, Ticker.systemTicker());
  }

  /**
   * As the public constructor, with a streaming buffer that counts idle time and the after-sale
   * window by {@code ticker}: tests cross a 60-day timeout by moving a clock, not by waiting.
   */
  LstmDetector(LstmModelSpec spec, Path model, OnnxRuntimeOptions options, StreamingOptions streaming,
      Ticker ticker) throws OrtException {
    this.spec = spec;
    this.arrivals = new TrailBuffer(streaming, ticker);
    this.encoder = new SequenceEncoder(spec);
    this.scorer = new OnnxSequenceScorer(model, options);
    this.singleEvents = new SingleEventVectors(spec);
    this.coldStart = loadColdStart(model.toAbsolutePath().getParent(), singleEvents.dimensions());
    this.explainer = new OcclusionExplainer(spec, extractor, this::run, LstmDetectorProvider.NAME);
    warmUp();
  }

  @Override
  public String name() {
    return LstmDetectorProvider.NAME;
  }

  @Override
  public String version() {
    return spec.version();
  }

  @Override
  public Thresholds thresholds() {
    return spec.thresholds();
  }

  /** The cold-start index in use, if the model directory has a valid one. */
  public Optional<ColdStartIndex> coldStartIndex() {
    return Optional.ofNullable(coldStart);
  }

  /** The model description this detector serves. */
  public LstmModelSpec spec() {
    return spec;
  }

  @Override
  public ScoreTable score(List<ScanEvent> events) {
    ScoreTable table = new ScoreTable(events.size());
    Trails trails = Trails.group(events);
    boolean[] alone = singleEventEpcs(trails, events.size());
    for (int from = 0; from < trails.count(); from += TRAILS_PER_RUN) {
      int to = Math.min(trails.count(), from + TRAILS_PER_RUN);
      FeatureMatrix matrix = extractor.extract(trails, from, to);
      fill(table, encoder.encode(trails, matrix, from, to), alone);
    }
    return table;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Method {@value OcclusionExplainer#METHOD}: see {@link OcclusionExplainer}.
   */
  @Override
  public List<Explanation> explain(List<ScanEvent> events) {
    return explainer.explain(events, score(events), spec.thresholds());
  }

  /**
   * {@inheritDoc}
   *
   * <p>Each event is scored as the last event of its prefix (buffered events, then itself) with
   * the score {@link #score} gives that prefix; a sold EPC is kept for the after-sale window only
   * ({@link TrailBuffer}).
   */
  @Override
  public ScoreTable scoreArrivals(List<ScanEvent> events) {
    return scoreNewest(new PrefixBatch(arrivals.admit(events)));
  }

  @Override
  public long bufferedEpcs() {
    return arrivals.bufferedEpcs();
  }

  @Override
  public Map<String, List<ScanEvent>> bufferedTrails() {
    return arrivals.snapshot();
  }

  /**
   * {@inheritDoc}
   *
   * <p>Within this instance's {@link StreamingOptions}: each EPC keeps its last
   * {@code maxEventsPerEpc} events, {@code maxEpcs} applies, and an adopted EPC's idle timeout
   * (or after-sale window) counts from the adoption ({@link TrailBuffer#adopt}).
   */
  @Override
  public void adoptTrails(Map<String, List<ScanEvent>> trails) {
    arrivals.adopt(trails);
  }

  /** Events buffered for {@code epcCode} by streaming: 0 once evicted, idle or sold too long ago. */
  int bufferedEvents(String epcCode) {
    return arrivals.bufferedEvents(epcCode);
  }

  /** Scores the newest event of each prefix of {@code prefixes}: row {@code p} is prefix {@code p}'s. */
  private ScoreTable scoreNewest(PrefixBatch prefixes) {
    ScoreTable rows = new ScoreTable(prefixes.rowCount());
    boolean[] alone = prefixes.coldStartRows();
    for (int from = 0; from < prefixes.count(); from += TRAILS_PER_RUN) {
      int to = Math.min(prefixes.count(), from + TRAILS_PER_RUN);
      fill(rows, prefixes.encode(extractor, encoder, from, to), alone);
    }
    ScoreTable newest = new ScoreTable(prefixes.count());
    for (int p = 0; p < prefixes.count(); p++) {
      for (AnomalyType type : AnomalyType.values()) {
        newest.set(p, type, rows.get(prefixes.newestRow(p), type));
      }
    }
    return newest;
  }

  private static boolean[] singleEventEpcs(Trails trails, int events) {
    boolean[] alone = new boolean[events];
    for (int trail = 0; trail < trails.count(); trail++) {
      if (trails.length(trail) == 1) {
        alone[trails.eventIndex(trails.start(trail))] = true;
      }
    }
    return alone;
  }

  private void fill(ScoreTable table, SequenceBatch batch, boolean[] alone) {
    float[] probabilities = run(batch);
    int types = AnomalyType.COUNT;
    for (int s = 0; s < batch.count(); s++) {
      for (int t = 0; t < batch.lengths()[s]; t++) {
        int event = batch.eventAt(s, t);
        int offset = (s * batch.maxLength() + t) * types;
        for (AnomalyType type : AnomalyType.values()) {
          table.set(event, type, 100.0 * probabilities[offset + type.ordinal()]);
        }
        if (alone[event]) {
          capNormalLooking(table, event, singleEvents.ofStep(batch, s, t));
        }
      }
    }
  }

  /** Caps the scores of a single-event EPC whose vector lies in the normal neighbourhood. */
  private void capNormalLooking(ScoreTable table, int event, float[] vector) {
    if (coldStart == null || !coldStart.isNormalNeighbour(vector)) {
      return;
    }
    for (AnomalyType type : AnomalyType.values()) {
      double cap = spec.thresholds().get(type) - CAP_MARGIN;
      if (table.get(event, type) > cap) {
        table.set(event, type, cap);
      }
    }
  }

  private static ColdStartIndex loadColdStart(Path directory, int dimensions) {
    try {
      ColdStartIndex index = ColdStartIndex.read(directory);
      if (index.dimensions() == dimensions) {
        return index;
      }
      LOG.log(System.Logger.Level.WARNING, directory.resolve(ColdStartIndex.FILE_NAME) + " has "
          + index.dimensions() + " features, the model's single-event vectors " + dimensions
          + "; single events are scored by the network alone until the index is rebuilt with "
          + "`anomaly build-cold-start-index`");
    } catch (NoSuchFileException e) {
      LOG.log(System.Logger.Level.INFO, "no " + ColdStartIndex.FILE_NAME + " in " + directory
          + ": single events are scored by the network alone; build one with "
          + "`anomaly build-cold-start-index`");
    } catch (IOException | RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "cold-start index in " + directory + " is unreadable ("
          + e.getMessage() + "); single events are scored by the network alone");
    }
    return null;
  }

  private float[] run(SequenceBatch batch) {
    try {
      return scorer.probabilities(batch);
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime failed to score " + batch.count()
          + " sequences: " + e.getMessage(), e);
    }
  }

  private void warmUp() throws OrtException {
    int width = spec.featureCount();
    int steps = spec.maxLength();
    int[] events = new int[steps];
    java.util.Arrays.fill(events, -1);
    events[0] = 0;
    scorer.probabilities(new SequenceBatch(1, steps, width, new float[steps * width], new int[] {1}, events));
  }

  @Override
  public void close() {
    arrivals.clear();
    scorer.close();
  }
}
