package org.barcodeanomaly.svm.train;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.barcodeanomaly.api.detector.Thresholds;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.evaluation.data.LabelledEvents;
import org.barcodeanomaly.evaluation.metrics.RankingMetrics;
import org.barcodeanomaly.evaluation.metrics.ThresholdMetrics;
import org.barcodeanomaly.evaluation.split.EpcSplit;
import org.barcodeanomaly.evaluation.split.HashSplit;
import org.barcodeanomaly.evaluation.threshold.BestF1Policy;
import org.barcodeanomaly.evaluation.threshold.ThresholdPolicy;
import org.barcodeanomaly.features.Feature;
import org.barcodeanomaly.features.FeatureExtractor;
import org.barcodeanomaly.modelformat.ModelProvenance;
import org.barcodeanomaly.modelformat.NamedChoice;
import org.barcodeanomaly.modelformat.TrainingData;
import org.barcodeanomaly.svm.model.FeatureScaler;
import org.barcodeanomaly.svm.model.PlattCalibration;
import org.barcodeanomaly.svm.model.RbfDecisionFunction;
import org.barcodeanomaly.svm.model.SvmModel;
import org.barcodeanomaly.svm.model.TypeModel;
import org.tribuo.Tribuo;
import org.tribuo.anomaly.Event;
import org.tribuo.common.libsvm.LibSVMModel;

/**
 * Trains the SVM detector's model from labelled events:
 * <ol>
 *   <li>split the EPCs into train / validation / test (evaluation's {@link HashSplit}, 60/20/20,
 *       seeded);</li>
 *   <li>per type, fit the scaler on a seeded sample of normal events of the training split (events
 *       of trails that carry no label at all) and train one one-class SVM per (ν, γ) of the grid;</li>
 *   <li>keep the SVM with the best ROC AUC on the validation split (ties: average precision);</li>
 *   <li>fit Platt's sigmoid on its validation decision values, and report at the threshold
 *       evaluation's {@link BestF1Policy} chooses on validation.</li>
 * </ol>
 * The test split is left untouched for {@link HeldOutEvaluation}.
 */
public final class SvmTrainer {

  /** Where labels come from, as the provenance records it. */
  public static final String LABEL_SOURCE = "simulator ground truth (labels.csv); never detector output";

  /** The policy that sets each type's reporting threshold on validation. */
  static final ThresholdPolicy THRESHOLD_POLICY = BestF1Policy.standard();

  private final TrainingOptions options;
  private final FeatureExtractor extractor;

  /** A trainer with {@code options}, computing features with {@code extractor}. */
  public SvmTrainer(TrainingOptions options, FeatureExtractor extractor) {
    this.options = options;
    this.extractor = extractor;
  }

  /**
   * What the data was and how the model was asked for, for the provenance.
   *
   * @param data    the training data: source, hash, events and the recipe that made it
   * @param command the train-svm command line with every option
   */
  public record DataDescription(TrainingData data, String command) { }

  /** One point of a type's grid and how it did on validation. */
  public record GridPoint(double nu, double gamma, double validationAuc, double validationAp,
      int supportVectors, double trainSeconds) { }

  /** A type's trained model with the facts of its selection. */
  public record TypeOutcome(TypeModel model, int trainingEvents, GridPoint chosen,
      List<GridPoint> grid, ThresholdMetrics.AtThreshold validationAtThreshold) { }

  /** The trained model, each type's outcome and the prepared data (for evaluation). */
  public record Outcome(SvmModel model, Map<AnomalyType, TypeOutcome> types, PreparedData data) { }

  /** Prepares {@code data} and trains all five types. */
  public Outcome train(LabelledEvents data, DataDescription description) {
    long started = System.nanoTime();
    double keepShare = options.getMaxEvents() == 0 ? 1
        : Math.min(1, (double) options.getMaxEvents() / Math.max(1, data.size()));
    progress("features: %,d events", data.size());
    PreparedData prepared = PreparedData.of(data, extractor, HashSplit.standard(options.getSeed(), keepShare));
    EpcSplit split = prepared.split();
    progress("split by EPC: %,d train, %,d validation, %,d test EPCs (%,d left out by --max-events)",
        split.count(EpcSplit.Part.TRAIN), split.count(EpcSplit.Part.VALIDATION),
        split.count(EpcSplit.Part.TEST), split.count(EpcSplit.Part.UNUSED));
    int[] normalTrainRows = prepared.rows(EpcSplit.Part.TRAIN, true);
    int[] validationRows = prepared.rows(EpcSplit.Part.VALIDATION, false);
    Map<AnomalyType, TypeOutcome> outcomes = new EnumMap<>(AnomalyType.class);
    for (AnomalyType type : AnomalyType.values()) {
      outcomes.put(type, trainType(type, prepared, normalTrainRows, validationRows));
    }
    Map<AnomalyType, TypeModel> models = new EnumMap<>(AnomalyType.class);
    outcomes.forEach((type, outcome) -> models.put(type, outcome.model()));
    ModelProvenance provenance = provenance(description, prepared, normalTrainRows.length,
        validationRows.length, outcomes);
    progress("trained in %.1f s", (System.nanoTime() - started) / 1e9);
    return new Outcome(new SvmModel(models, provenance, extractor), outcomes, prepared);
  }

  private TypeOutcome trainType(AnomalyType type, PreparedData data, int[] normalTrainRows,
      int[] validationRows) {
    Feature[] features = TypeFeatureSets.of(type);
    int[] sample = sample(normalTrainRows, options.getTrainingEventsPerType(),
        options.getSeed() * 31 + type.ordinal());
    double[][] training = DecisionValues.raw(data.matrix(), sample, features);
    FeatureScaler scaler = FeatureScaler.fit(training, features.length);
    for (double[] row : training) {
      scaler.scaleInPlace(row);
    }
    boolean[] labels = data.labels(validationRows, type);
    List<GridPoint> grid = new ArrayList<>();
    LibSVMModel<Event> bestSvm = null;
    GridPoint best = null;
    double[] bestDecisions = null;
    for (double nu : options.getNuGrid()) {
      for (double factor : options.getGammaFactors()) {
        double gamma = factor / features.length;
        long start = System.nanoTime();
        LibSVMModel<Event> svm = OneClassSvmTrainer.train(type, features, training,
            new OneClassSvmTrainer.Hyperparameters(nu, gamma), options.getSeed());
        double seconds = (System.nanoTime() - start) / 1e9;
        RbfDecisionFunction decision = RbfDecisionFunction.of(svm, features);
        double[] decisions = DecisionValues.of(data.matrix(), validationRows, features, scaler, decision);
        float[] anomalyScores = negatedFloats(decisions);
        GridPoint point = new GridPoint(nu, gamma, RankingMetrics.rocAuc(anomalyScores, labels),
            RankingMetrics.averagePrecision(anomalyScores, labels), decision.supportVectorCount(),
            seconds);
        grid.add(point);
        progress("  %-11s nu=%-6s gamma=%-8.4f validation AUC %.4f  AP %.4f  %5d SVs  %.1f s",
            type.contractName(), nu, gamma, point.validationAuc(), point.validationAp(),
            point.supportVectors(), seconds);
        if (best == null || better(point, best)) {
          best = point;
          bestSvm = svm;
          bestDecisions = decisions;
        }
      }
    }
    return calibrate(type, features, scaler, bestSvm, best, grid, bestDecisions, labels, sample.length);
  }

  private TypeOutcome calibrate(AnomalyType type, Feature[] features, FeatureScaler scaler,
      LibSVMModel<Event> svm, GridPoint chosen, List<GridPoint> grid, double[] decisions,
      boolean[] labels, int trainingEvents) {
    PlattCalibration calibration = PlattCalibration.fit(decisions, labels);
    double[] scores = new double[decisions.length];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = calibration.score(decisions[i]);
    }
    double threshold = THRESHOLD_POLICY.threshold(scores, labels);
    ThresholdMetrics.AtThreshold atThreshold = ThresholdMetrics.at(scores, labels, threshold);
    progress("%-11s chose nu=%s gamma=%.4f; calibrated a=%.3f b=%.3f; threshold %.2f "
            + "(validation precision %.3f recall %.3f)", type.contractName(), chosen.nu(),
        chosen.gamma(), calibration.a(), calibration.b(), threshold, atThreshold.precision(),
        atThreshold.recall());
    TypeModel model = new TypeModel(type, features, scaler, svm, calibration, threshold);
    return new TypeOutcome(model, trainingEvents, chosen, grid, atThreshold);
  }

  /** Higher validation AUC wins; then higher AP; then fewer support vectors (faster scoring). */
  private static boolean better(GridPoint candidate, GridPoint best) {
    int byAuc = Double.compare(nanToZero(candidate.validationAuc()), nanToZero(best.validationAuc()));
    if (byAuc != 0) {
      return byAuc > 0;
    }
    int byAp = Double.compare(nanToZero(candidate.validationAp()), nanToZero(best.validationAp()));
    if (byAp != 0) {
      return byAp > 0;
    }
    return candidate.supportVectors() < best.supportVectors();
  }

  private ModelProvenance provenance(DataDescription description, PreparedData data,
      int normalTrainEvents, int validationEvents, Map<AnomalyType, TypeOutcome> outcomes) {
    Instant now = Instant.now();
    String sha256 = description.data().sha256();
    String hex = sha256.substring(sha256.indexOf(':') + 1);
    String version = "svm-" + DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC).format(now)
        + "-" + hex.substring(0, Math.min(8, hex.length()));
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("trainingEventsPerType", options.getTrainingEventsPerType());
    parameters.put("maxEvents", options.getMaxEvents());
    parameters.put("nuGrid", boxed(options.getNuGrid()));
    parameters.put("gammaFactors", boxed(options.getGammaFactors()));
    parameters.put("gammaUnit", "1 / number of the type's features");
    parameters.put("selection", "best validation ROC AUC, then AP, then fewer support vectors");
    parameters.put("calibration", "Platt sigmoid on validation log decision ratios ln(sum alpha K / rho)");
    Map<String, Object> training = new LinkedHashMap<>();
    training.put("eventsUsed", data.size() - data.rows(EpcSplit.Part.UNUSED, false).length);
    training.put("normalTrainingEvents", normalTrainEvents);
    training.put("validationEvents", validationEvents);
    training.put("split", data.split().counts());
    Map<String, Object> chosen = new LinkedHashMap<>();
    outcomes.forEach((type, outcome) -> chosen.put(type.contractName(), Map.of("nu", outcome.chosen().nu(),
        "gamma", outcome.chosen().gamma(), "supportVectors", outcome.chosen().supportVectors())));
    training.put("chosen", chosen);
    Map<String, String> libraries = new LinkedHashMap<>();
    libraries.put("tribuo", Tribuo.VERSION);
    libraries.put("java", System.getProperty("java.version"));
    Map<AnomalyType, Double> thresholds = new EnumMap<>(AnomalyType.class);
    outcomes.forEach((type, outcome) -> thresholds.put(type, outcome.model().threshold()));
    return new ModelProvenance("svm", version, now, LABEL_SOURCE, description.command(),
        options.getSeed(), description.data(), data.split().strategy(),
        new NamedChoice(THRESHOLD_POLICY.name(), THRESHOLD_POLICY.description()),
        Thresholds.of(thresholds), libraries, parameters, training, Map.of());
  }

  private static List<Double> boxed(double[] values) {
    return Arrays.stream(values).boxed().toList();
  }

  private static int[] sample(int[] rows, int count, long seed) {
    if (rows.length <= count) {
      return rows.clone();
    }
    int[] shuffled = rows.clone();
    Random random = new Random(seed);
    for (int i = 0; i < count; i++) {
      int j = i + random.nextInt(shuffled.length - i);
      int swap = shuffled[i];
      shuffled[i] = shuffled[j];
      shuffled[j] = swap;
    }
    int[] chosen = Arrays.copyOf(shuffled, count);
    Arrays.sort(chosen);
    return chosen;
  }

  /** Decision values are high for normal events; anomaly scores must be high for anomalies. */
  private static float[] negatedFloats(double[] values) {
    float[] negated = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      negated[i] = (float) -values[i];
    }
    return negated;
  }

  private static double nanToZero(double value) {
    return Double.isNaN(value) ? 0 : value;
  }

  private void progress(String format, Object... args) {
    options.getProgress().accept(String.format(format, args));
  }
}
