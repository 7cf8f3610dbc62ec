package org.barcodeanomaly.lstm.workflow;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.event.ScanEvent;
import org.barcodeanomaly.evaluation.data.LabelledDataSet;
import org.barcodeanomaly.evaluation.data.LabelledEvents;
import org.barcodeanomaly.evaluation.split.EpcSplit;
import org.barcodeanomaly.evaluation.split.TimeOrderedSplit;
import org.barcodeanomaly.features.Trails;
import org.barcodeanomaly.lstm.coldstart.ColdStartIndex;
import org.barcodeanomaly.lstm.coldstart.SingleEventVectors;
import org.barcodeanomaly.lstm.model.LstmModelSpec;
import org.barcodeanomaly.modelformat.ModelManifest;
import org.barcodeanomaly.modelformat.ModelProvenance;

/**
 * Builds a model directory's {@link ColdStartIndex} from the simulator set it was trained on,
 * without retraining: the split is redone with the settings the model's provenance
 * records (sample size, seed, buffer), so the index holds events of
 * the model's own training split only, never of its validation or test trails.
 *
 * <p>Indexed: every event of every anomaly-free training trail, each taken alone (as serving sees
 * a first event), subsampled to {@link ColdStartIndex#MAX_VECTORS}. The provenance gets a
 * {@value #PROVENANCE_KEY} entry; the console gets the radius, how many validation single events
 * (normal and anomalous) fall inside it, and the lookup time beside a linear scan of the same
 * vectors.
 */
public final class ColdStartIndexRun {

  /** Key of the index's entry in the model's provenance. */
  public static final String PROVENANCE_KEY = "coldStartIndex";

  private final Path data;
  private final Path model;
  private final PrintStream console;

  /** A run reading {@code data} (a simulator output) and writing into {@code model}. */
  public ColdStartIndexRun(Path data, Path model, PrintStream console) {
    this.data = data;
    this.model = model;
    this.console = console;
  }

  /**
   * Reads the data and the model's provenance, redoes the model's split, builds, writes and
   * measures the index and records it in the provenance ({@code build-cold-start-index}).
   */
  public void run() throws IOException {
    ModelProvenance provenance = ModelManifest.read(model);
    LabelledDataSet dataSet = LabelledDataSet.read(data);
    if (!dataSet.sha256().equals(provenance.data().sha256())) {
      console.println("warning: " + data + " is not the data the model's provenance names ("
          + provenance.data().sha256() + ", this is " + dataSet.sha256() + "); its split is not the "
          + "model's, so the index may hold trails the model never trained on");
    }
    LabelledEvents events = dataSet.data();
    Trails trails = Trails.group(events.events());
    EpcSplit split = TimeOrderedSplit.standard(bufferHours(provenance) * 3600, maxEpcs(provenance),
        provenance.seed()).split(trails);
    console.println("split (the model's settings): " + split);
    ModelManifest.write(model, provenance.withTrainingFact(PROVENANCE_KEY,
        build(LstmModelSpec.read(model), events, trails, split, provenance.seed())));
  }

  /**
   * Builds, writes and measures the index of {@code spec}'s model from data already in memory,
   * with the model's own {@code split} ({@code train-lstm} right after training).
   *
   * @return the provenance entry describing the index, for the caller's {@value #PROVENANCE_KEY}
   */
  public Map<String, Object> build(LstmModelSpec spec, LabelledEvents events, Trails trails, EpcSplit split,
      long seed) throws IOException {
    SingleEventVectors vectors = new SingleEventVectors(spec);
    List<ScanEvent> normal = normalEvents(events, trails, split.trails(EpcSplit.Part.TRAIN));
    ColdStartIndex index = ColdStartIndex.build(vectors.of(normal), seed);
    index.write(model);
    console.printf(Locale.ROOT, "wrote %s: %d vectors of %d features, radius %.4f%n",
        model.resolve(ColdStartIndex.FILE_NAME), index.size(), index.dimensions(), index.radius());
    measure(index, vectors, events, trails, split.trails(EpcSplit.Part.VALIDATION));
    return entry(index, split, normal.size());
  }

  private static List<ScanEvent> normalEvents(LabelledEvents events, Trails trails, int[] chosen) {
    List<ScanEvent> normal = new ArrayList<>();
    for (int trail : chosen) {
      if (!anyLabel(events, trails, trail)) {
        for (int p = trails.start(trail); p < trails.end(trail); p++) {
          normal.add(trails.eventAt(p));
        }
      }
    }
    return normal;
  }

  private static boolean anyLabel(LabelledEvents events, Trails trails, int trail) {
    for (int p = trails.start(trail); p < trails.end(trail); p++) {
      if (anyLabel(events, trails.eventIndex(p))) {
        return true;
      }
    }
    return false;
  }

  private static boolean anyLabel(LabelledEvents events, int event) {
    for (AnomalyType type : AnomalyType.values()) {
      if (events.anomalous(event, type)) {
        return true;
      }
    }
    return false;
  }

  /** Validation events alone: share inside the radius, and lookup time beside a linear scan. */
  private void measure(ColdStartIndex index, SingleEventVectors vectors, LabelledEvents events,
      Trails trails, int[] validation) {
    List<ScanEvent> queries = new ArrayList<>();
    List<Integer> eventIds = new ArrayList<>();
    for (int trail : validation) {
      for (int p = trails.start(trail); p < trails.end(trail); p++) {
        queries.add(trails.eventAt(p));
        eventIds.add(trails.eventIndex(p));
      }
    }
    List<float[]> query = vectors.of(queries);
    boolean[] inside = new boolean[query.size()];
    long started = System.nanoTime();
    for (int i = 0; i < query.size(); i++) {
      inside[i] = index.isNormalNeighbour(query.get(i));
    }
    double treeMicros = (System.nanoTime() - started) / 1e3 / query.size();
    double linearMicros = linearScanMicros(index, query);
    StringBuilder line = new StringBuilder("validation events alone inside the radius:");
    line.append(share(" normal", inside, i -> !anyLabel(events, eventIds.get(i))));
    for (AnomalyType type : AnomalyType.values()) {
      line.append(share(", " + type.contractName(), inside, i -> events.anomalous(eventIds.get(i), type)));
    }
    console.println(line);
    console.printf(Locale.ROOT, "lookup per event: k-d tree %.1f µs, linear scan %.1f µs "
        + "(%d queries)%n", treeMicros, linearMicros, query.size());
  }

  private static String share(String label, boolean[] inside, java.util.function.IntPredicate kind) {
    int in = 0;
    int total = 0;
    for (int i = 0; i < inside.length; i++) {
      if (kind.test(i)) {
        total++;
        in += inside[i] ? 1 : 0;
      }
    }
    return label + " " + in + " of " + total;
  }

  private static double linearScanMicros(ColdStartIndex index, List<float[]> queries) {
    float[][] points = index.vectors();
    long started = System.nanoTime();
    double sink = 0;
    for (float[] query : queries) {
      double best = Double.POSITIVE_INFINITY;
      for (float[] point : points) {
        double sum = 0;
        for (int k = 0; k < point.length; k++) {
          double difference = point[k] - query[k];
          sum += difference * difference;
        }
        best = Math.min(best, sum);
      }
      sink += best;
    }
    double micros = (System.nanoTime() - started) / 1e3 / queries.size();
    return sink < 0 ? -1 : micros;
  }

  private Map<String, Object> entry(ColdStartIndex index, EpcSplit split, int normalEvents) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("file", ColdStartIndex.FILE_NAME);
    entry.put("formatVersion", ColdStartIndex.FORMAT_VERSION);
    entry.put("normalEvents", normalEvents);
    entry.put("sampled", Math.min(normalEvents, ColdStartIndex.MAX_VECTORS));
    entry.put("distinctVectorsStored", index.size());
    entry.put("features", index.dimensions());
    entry.put("radius", index.radius());
    entry.put("radiusRule", ColdStartIndex.RADIUS_PERCENTILE * 100 + "th percentile of "
        + "each sampled normal vector's distance to its nearest other sampled vector (repeats included)");
    entry.put("source", "every event, taken alone, of the anomaly-free trails of the training split ("
        + split.count(EpcSplit.Part.TRAIN) + " training EPCs), at most " + ColdStartIndex.MAX_VECTORS
        + " drawn with the model's seed");
    entry.put("command", "build-cold-start-index --data " + data + " --model " + model);
    return entry;
  }

  private static long bufferHours(ModelProvenance provenance) {
    return provenance.parameters().get("bufferHours") instanceof Number hours ? hours.longValue()
        : TrainingRunOptions.DEFAULT_BUFFER_HOURS;
  }

  private static int maxEpcs(ModelProvenance provenance) {
    return provenance.parameters().get("maxEpcs") instanceof Number number ? number.intValue() : Integer.MAX_VALUE;
  }
}
