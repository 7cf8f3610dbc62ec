package org.barcodeanomaly.lstm.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.barcodeanomaly.api.detector.DetectorOptions;
import org.barcodeanomaly.api.detector.ScoreTable;
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
    Path bundled = BundledModel.MODELS_DIR.resolve(LstmDetectorProvider.NAME);
    Path model = Files.createDirectories(copy.resolve(LstmDetectorProvider.NAME));
    for (String file : List.of(LstmDetectorProvider.FP32_FILE, LstmModelSpec.FILE_NAME)) {
      Files.copy(bundled.resolve(file), model.resolve(file));
    }
    try (LstmDetector bare = (LstmDetector) new LstmDetectorProvider().create(
        new DetectorOptions().setModelsDir(copy))) {
      assertThat(bare.coldStartIndex()).isEmpty();
      ScoreTable scores = bare.score(List.of(fake()));
      assertThat(bare.thresholds().reports(AnomalyType.EPC_FAKE, scores.get(0, AnomalyType.EPC_FAKE))).isTrue();
    }
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
