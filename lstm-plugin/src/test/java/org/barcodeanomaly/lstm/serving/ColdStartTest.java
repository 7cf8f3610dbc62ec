package org.barcodeanomaly.lstm.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.barcodeanomaly.api.detector.DetectorOptions;
import org.barcodeanomaly.api.detector.ScoreTable;
import org.barcodeanomaly.api.detector.Thresholds;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.event.ScanEvent;
import org.barcodeanomaly.lstm.coldstart.ColdStartIndex;
import org.barcodeanomaly.lstm.coldstart.SingleEventVectors;
import org.barcodeanomaly.lstm.model.LstmModelSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * EPCs with a single event (no history in the request) are scored by the network and compared
 * with the cold-start index of normal single events: normal first scans are never reported (the
 * first generation gave every short trail a fixed "jump 20"), while a single event whose own
 * content is impossible lies outside the normal neighbourhood and still is.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ColdStartTest {

  private LstmDetector detector;

  @BeforeAll
  void load() {
    detector = BundledModel.detector();
  }

  @AfterAll
  void close() {
    detector.close();
  }

  @Test
  @DisplayName("400 normal single-event EPCs: zero reports for every type")
  void normalSingleEventsAreNotReported() {
    List<ScanEvent> events = NormalEvents.singleAggregations(400);
    ScoreTable scores = detector.score(events);
    for (AnomalyType type : AnomalyType.values()) {
      int reported = 0;
      for (int i = 0; i < events.size(); i++) {
        reported += detector.thresholds().reports(type, scores.get(i, type)) ? 1 : 0;
      }
      assertThat(reported).as(type.contractName()).isZero();
    }
  }

  @Test
  @DisplayName("the bundled model's cold-start index is loaded and every hand-made normal first scan lies in its neighbourhood")
  void normalSingleEventsAreNormalNeighbours() {
    ColdStartIndex index = detector.coldStartIndex().orElseThrow();
    List<float[]> vectors = new SingleEventVectors(detector.spec()).of(NormalEvents.singleAggregations(400));
    assertThat(vectors).allSatisfy(vector -> assertThat(index.isNormalNeighbour(vector)).isTrue());
  }

  @Test
  @DisplayName("a malformed EPC's single event lies outside the normal neighbourhood, so its network score stands")
  void malformedSingleEventIsFarFromNormal() {
    ColdStartIndex index = detector.coldStartIndex().orElseThrow();
    float[] vector = new SingleEventVectors(detector.spec()).of(List.of(fake())).get(0);
    assertThat(index.nearestDistance(vector)).isGreaterThan(index.radius());
  }

  @Test
  @DisplayName("a model directory without an index still loads and scores single events with the network alone")
  void missingIndexFallsBackToTheNetwork(@TempDir Path copy) throws Exception {
    try (LstmDetector bare = load(copy, false, null)) {
      assertThat(bare.coldStartIndex()).isEmpty();
      ScoreTable scores = bare.score(List.of(fake()));
      assertThat(bare.thresholds().reports(AnomalyType.EPC_FAKE, scores.get(0, AnomalyType.EPC_FAKE))).isTrue();
    }
  }

  @Test
  @DisplayName("with thresholds low enough that the network alone reports a normal first scan, the index caps it below every threshold; a malformed EPC's scores stand")
  void indexCapsWhatTheNetworkAloneWouldReport(@TempDir Path copy) throws Exception {
    ScanEvent normal = NormalEvents.singleAggregations(1).get(0);
    ScoreTable alone;
    try (LstmDetector bare = load(copy.resolve("bare"), false, null)) {
      alone = bare.score(List.of(normal, fake()));
    }
    float highest = 0;
    for (AnomalyType type : AnomalyType.values()) {
      highest = Math.max(highest, alone.get(0, type));
    }
    Thresholds low = Thresholds.uniform(highest / 2);

    try (LstmDetector networkOnly = load(copy.resolve("networkOnly"), false, low);
        LstmDetector indexed = load(copy.resolve("indexed"), true, low)) {
      ScoreTable uncapped = networkOnly.score(List.of(normal, fake()));
      ScoreTable capped = indexed.score(List.of(normal, fake()));

      assertThat(reportedTypes(networkOnly, uncapped, 0)).isPositive();
      assertThat(reportedTypes(indexed, capped, 0)).isZero();
      for (AnomalyType type : AnomalyType.values()) {
        assertThat(capped.get(1, type)).as(type.contractName()).isEqualTo(uncapped.get(1, type));
      }
    }
  }

  private static int reportedTypes(LstmDetector detector, ScoreTable scores, int event) {
    int reported = 0;
    for (AnomalyType type : AnomalyType.values()) {
      reported += detector.thresholds().reports(type, scores.get(event, type)) ? 1 : 0;
    }
    return reported;
  }

  /** The bundled model copied under {@code root}, with or without its index, thresholds replaced unless null. */
  private static LstmDetector load(Path root, boolean withIndex, Thresholds thresholds) throws Exception {
    Path bundled = BundledModel.MODELS_DIR.resolve(LstmDetectorProvider.NAME);
    Path model = Files.createDirectories(root.resolve(LstmDetectorProvider.NAME));
    Files.copy(bundled.resolve(LstmDetectorProvider.FP32_FILE), model.resolve(LstmDetectorProvider.FP32_FILE));
    if (withIndex) {
      Files.copy(bundled.resolve(ColdStartIndex.FILE_NAME), model.resolve(ColdStartIndex.FILE_NAME));
    }
    LstmModelSpec spec = LstmModelSpec.read(bundled);
    (thresholds == null ? spec : spec.withThresholds(thresholds)).write(model);
    return (LstmDetector) new LstmDetectorProvider().create(new DetectorOptions().setModelsDir(root));
  }

  @Test
  @DisplayName("a single event of a malformed EPC passes the epcFake threshold on its own evidence")
  void singleFakeIsReported() {
    ScoreTable scores = detector.score(List.of(fake()));
    assertThat(detector.thresholds().reports(AnomalyType.EPC_FAKE, scores.get(0, AnomalyType.EPC_FAKE)))
        .isTrue();
  }

  private static ScanEvent fake() {
    ScanEvent normal = NormalEvents.singleAggregations(1).get(0);
    return new ScanEvent(1, 1, "001.8805843.2932031.X", normal.locationId(),
        normal.businessStep(), normal.eventType(), normal.eventTime(), normal.manufactureTime());
  }
}
