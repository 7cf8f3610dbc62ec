package org.barcodeanomaly.lstm.workflow;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.barcodeanomaly.api.detector.Thresholds;
import org.barcodeanomaly.evaluation.data.DataRecipe;
import org.barcodeanomaly.evaluation.data.LabelledDataSet;
import org.barcodeanomaly.evaluation.data.LabelledEvents;
import org.barcodeanomaly.evaluation.split.EpcSplit;
import org.barcodeanomaly.evaluation.split.TimeOrderedSplit;
import org.barcodeanomaly.evaluation.threshold.OperatingPointPolicy;
import org.barcodeanomaly.evaluation.threshold.ThresholdPolicy;
import org.barcodeanomaly.features.Feature;
import org.barcodeanomaly.features.FeatureExtractor;
import org.barcodeanomaly.features.Trails;
import org.barcodeanomaly.features.VariationProofFeatures;
import org.barcodeanomaly.lstm.data.FeatureRedundancy;
import org.barcodeanomaly.lstm.data.SequenceSet;
import org.barcodeanomaly.lstm.data.SequenceSetBuilder;
import org.barcodeanomaly.lstm.eval.EventScores;
import org.barcodeanomaly.lstm.model.LstmModelSpec;
import org.barcodeanomaly.lstm.onnx.OnnxExporter;
import org.barcodeanomaly.lstm.training.EpochRecord;
import org.barcodeanomaly.lstm.training.LstmNetworkFactory;
import org.barcodeanomaly.lstm.training.LstmTrainer;
import org.barcodeanomaly.lstm.training.NetworkSettings;
import org.barcodeanomaly.lstm.training.Predictor;
import org.barcodeanomaly.lstm.training.ProgressBar;
import org.barcodeanomaly.lstm.training.TrainerSettings;
import org.barcodeanomaly.modelformat.JsonTree;
import org.barcodeanomaly.modelformat.ModelManifest;
import org.barcodeanomaly.modelformat.ModelProvenance;
import org.barcodeanomaly.modelformat.NamedChoice;
import org.barcodeanomaly.modelformat.TrainingData;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;

/**
 * One {@code train-lstm} run, from a simulator directory to a complete model directory.
 *
 * <p>Writes into the output directory: {@value #DL4J_FILE} (the DL4J network, without updater
 * state), {@code model.onnx} (exported), {@link LstmModelSpec#FILE_NAME} (features,
 * normalisation, calibrated thresholds), {@value #REDUNDANCY_FILE}, {@value #PROVENANCE_FILE}, {@value #LOG_FILE} (one JSON
 * object per epoch), {@value #CURVES_FILE}, {@value #REPORT_FILE}, {@code report.json} and, last,
 * the cold-start index of the training split's normal events ({@link ColdStartIndexRun}), so a
 * freshly trained directory serves single events exactly as the bundled one does.
 */
public final class TrainingRun {

  /** The DL4J network. */
  public static final String DL4J_FILE = "lstm-dl4j.zip";
  /** The exported network. */
  public static final String ONNX_FILE = "model.onnx";
  /** Provenance: data, seed, settings, features, label source, date, format version. */
  public static final String PROVENANCE_FILE = ModelManifest.PROVENANCE_FILE;
  /** Per-epoch JSON log. */
  public static final String LOG_FILE = "training-log.jsonl";
  /** Learning curves. */
  public static final String CURVES_FILE = "learning-curves.png";
  /** Held-out report. */
  public static final String REPORT_FILE = "report.md";
  /** Which features were kept and why. */
  public static final String REDUNDANCY_FILE = "feature-redundancy.md";
  /** Label source written in the provenance: never a detector's output. */
  public static final String LABEL_SOURCE = "simulator truth";
  /** Events per sequence. */
  public static final int MAX_LENGTH = 10;
  /** The policy that sets each type's reporting threshold on validation. */
  public static final ThresholdPolicy THRESHOLD_POLICY = OperatingPointPolicy.standard();

  private final TrainingRunOptions options;
  private final PrintStream console;

  /** A run of {@code options} printing progress to {@code console}. */
  public TrainingRun(TrainingRunOptions options, PrintStream console) {
    this.options = options;
    this.console = console;
  }

  /** Runs everything; returns the held-out report's Markdown. */
  public String run() throws Exception {
    long started = System.nanoTime();
    LabelledDataSet dataSet = LabelledDataSet.read(options.getData());
    dataSet.problems().stream().limit(20).forEach(problem -> console.println("skipped: " + problem));
    LabelledEvents data = dataSet.data();
    Trails trails = Trails.group(data.events());
    EpcSplit split = splitStrategy().split(trails);
    console.println("data: " + data.events().size() + " events, " + trails.count() + " EPCs; " + split);
    Random random = new Random(options.getSeed());
    SequenceSet allFeatures = new SequenceSetBuilder(FeatureExtractor.standard(),
        List.of(Feature.values()), MAX_LENGTH).build(data, trails, split.trails(EpcSplit.Part.TRAIN), true, random);
    FeatureRedundancy redundancy = FeatureRedundancy.analyse(allFeatures,
        EnumSet.copyOf(VariationProofFeatures.list()), options.getSeed());
    Files.createDirectories(options.getOut());
    Files.writeString(options.getOut().resolve(REDUNDANCY_FILE), redundancy.markdown(), StandardCharsets.UTF_8);
    List<Feature> features = redundancy.kept();
    SequenceSetBuilder builder = new SequenceSetBuilder(FeatureExtractor.standard(), features, MAX_LENGTH);
    random = new Random(options.getSeed());
    SequenceSet trainRaw = builder.build(data, trails, split.trails(EpcSplit.Part.TRAIN), true, random);
    float[][] statistics = trainRaw.columnStatistics();
    LstmModelSpec spec = new LstmModelSpec("lstm-" + LocalDate.now(ZoneOffset.UTC), MAX_LENGTH,
        features, statistics[0], statistics[1], Thresholds.uniform(50));
    SequenceSet train = trainRaw.normalised(spec);
    SequenceSet validation = builder.build(data, trails, split.trails(EpcSplit.Part.VALIDATION), false, random).normalised(spec);
    SequenceSet test = builder.build(data, trails, split.trails(EpcSplit.Part.TEST), false, random).normalised(spec);
    console.println("sequences: train " + train.count() + " (with prefixes), validation "
        + validation.count() + ", test " + test.count());

    NetworkSettings settings = NetworkSettings.standard(features.size(), MAX_LENGTH, options.getSeed());
    TrainerSettings trainer = new TrainerSettings(options.getEpochs(), options.getBatchSize(),
        options.getPatience(), options.getSeed());
    ComputationGraph network = LstmNetworkFactory.create(settings,
        options.getEpochs() * trainer.batchesPerEpoch(train.count()));
    LstmTrainer.Result result = train(network, trainer, train, validation, LOG_FILE);

    EventScores validationScores = Predictor.scores(network, validation);
    Thresholds thresholds = THRESHOLD_POLICY.calibrate(validationScores::doubleScoresOf,
        validationScores::positivesOf, Predictor.anomalyFreeEvents(validation, data));
    spec = spec.withThresholds(thresholds);
    EventScores lstm = Predictor.scores(network, test);
    Optional<EventScores> rule = PeerDetector.score("rule", options.getPluginsDir(),
        options.getOut().getParent(), data, test);
    Optional<EventScores> noisy = noiseRun(settings, trainer, train, validation, test);
    HeldOutReport report = new HeldOutReport(lstm, rule, noisy, options.getLabelNoise(), thresholds);

    writeModel(network, spec);
    String markdown = report.markdown("# LSTM held-out report\n\nTest split: " + lstm.size()
        + " events of " + split.trails(EpcSplit.Part.TEST).length + " EPCs whose trails end after the training and "
        + "validation windows (" + options.getBufferHours() + " h buffers). Best epoch "
        + result.bestEpoch() + " of " + result.history().size() + ".");
    Files.writeString(options.getOut().resolve(REPORT_FILE), markdown, StandardCharsets.UTF_8);
    JsonTree.write(report.asMap(), options.getOut().resolve("report.json"));
    LearningCurveChart.write(result.history(), options.getOut().resolve(CURVES_FILE));
    double seconds = (System.nanoTime() - started) / 1e9;
    ModelProvenance provenance = provenance(dataSet, split, settings, trainer, result, spec, report, seconds)
        .withTrainingFact(ColdStartIndexRun.PROVENANCE_KEY, new ColdStartIndexRun(options.getData(),
            options.getOut(), console).build(spec, data, trails, split, options.getSeed()));
    ModelManifest.write(options.getOut(), provenance);
    return markdown;
  }

  private LstmTrainer.Result train(ComputationGraph network, TrainerSettings trainer,
      SequenceSet train, SequenceSet validation, String logFile) throws IOException {
    try (Writer log = Files.newBufferedWriter(options.getOut().resolve(logFile), StandardCharsets.UTF_8)) {
      return new LstmTrainer(trainer, new ProgressBar(console, trainer.epochs()), record -> {
        try {
          log.write(JsonTree.text(logLine(record), false));
          log.write('\n');
          log.flush();
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).train(network, train, validation);
    }
  }

  private Optional<EventScores> noiseRun(NetworkSettings settings, TrainerSettings trainer,
      SequenceSet train, SequenceSet validation, SequenceSet test) throws IOException {
    if (options.getLabelNoise() <= 0) {
      return Optional.empty();
    }
    console.println("label-noise run: " + options.getLabelNoise() * 100 + " % of training labels flipped");
    SequenceSet noisy = train.withFlippedLabels(options.getLabelNoise(), new Random(options.getSeed() + 1));
    ComputationGraph network = LstmNetworkFactory.create(settings,
        trainer.epochs() * trainer.batchesPerEpoch(noisy.count()));
    train(network, trainer, noisy, validation, "training-log-label-noise.jsonl");
    return Optional.of(Predictor.scores(network, test));
  }

  private void writeModel(ComputationGraph network, LstmModelSpec spec) throws IOException {
    ModelSerializer.writeModel(network, options.getOut().resolve(DL4J_FILE).toFile(), false);
    spec.write(options.getOut());
    new OnnxExporter(network).write(options.getOut().resolve(ONNX_FILE),
        Map.of("modelVersion", spec.version(), "labelSource", LABEL_SOURCE));
  }

  private static Map<String, Object> logLine(EpochRecord record) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("epoch", record.epoch());
    line.put("trainLoss", record.trainLoss());
    line.put("validationLoss", record.validationLoss());
    line.put("validationMacroAuc", record.validationMacroAuc());
    Map<String, Object> auc = new LinkedHashMap<>();
    record.validationAuc().forEach((type, value) -> auc.put(type.contractName(), value));
    line.put("validationAuc", auc);
    line.put("learningRate", record.learningRate());
    line.put("seconds", record.seconds());
    return line;
  }

  /** The model's split: 70 / 15 / 15 by last scan, with the run's buffer, sample size and seed. */
  TimeOrderedSplit splitStrategy() {
    return TimeOrderedSplit.standard(options.getBufferHours() * 3600, options.getMaxEpcs(), options.getSeed());
  }

  private ModelProvenance provenance(LabelledDataSet dataSet, EpcSplit split, NetworkSettings settings,
      TrainerSettings trainer, LstmTrainer.Result result, LstmModelSpec spec, HeldOutReport report,
      double seconds) throws IOException {
    Map<String, Object> parameters = new LinkedHashMap<>(settings.asMap());
    parameters.put("bufferHours", options.getBufferHours());
    parameters.put("maxEpcs", options.getMaxEpcs() == Integer.MAX_VALUE ? "all" : options.getMaxEpcs());
    parameters.put("maxEpochs", trainer.epochs());
    parameters.put("batchSize", trainer.batchSize());
    parameters.put("patience", trainer.patience());
    parameters.put("labelNoise", options.getLabelNoise());
    Map<String, Object> training = new LinkedHashMap<>();
    training.put("split", split.counts());
    training.put("epochsRun", result.history().size());
    training.put("bestEpoch", result.bestEpoch());
    training.put("bestValidationMacroAuc", result.bestValidationMacroAuc());
    training.put("stoppedEarly", result.stoppedEarly());
    training.put("extraSequences", SequenceSetBuilder.EXTRA_SEQUENCES);
    training.put("seconds", seconds);
    List<String> ids = new ArrayList<>();
    spec.features().forEach(feature -> ids.add(feature.id()));
    training.put("features", ids);
    Map<String, String> libraries = new LinkedHashMap<>();
    libraries.put("dl4j", "1.0.0-M2.1, nd4j " + System.getProperty("nd4j.backend", "native"));
    libraries.put("java", System.getProperty("java.version"));
    TrainingData data = new TrainingData(options.getData().toAbsolutePath().normalize().toString(),
        dataSet.sha256(), dataSet.data().size(), DataRecipe.command(options.getData()).orElse(null));
    return new ModelProvenance("lstm", spec.version(), Instant.now(), LABEL_SOURCE, options.command(),
        options.getSeed(), data, split.strategy(),
        new NamedChoice(THRESHOLD_POLICY.name(), THRESHOLD_POLICY.description()), spec.thresholds(),
        libraries, parameters, training, report.asMap());
  }


}
