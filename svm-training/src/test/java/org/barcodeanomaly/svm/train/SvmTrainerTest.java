package org.barcodeanomaly.svm.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.barcodeanomaly.api.detector.ScoreTable;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.event.ScanEvent;
import org.barcodeanomaly.evaluation.reference.ReferenceTrails;
import org.barcodeanomaly.evaluation.split.EpcSplit;
import org.barcodeanomaly.features.FeatureExtractor;
import org.barcodeanomaly.modelformat.ModelProvenance;
import org.barcodeanomaly.svm.model.SvmModel;
import org.barcodeanomaly.svm.model.SvmModelStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SvmTrainerTest {

  private SvmTrainer.Outcome outcome;

  @BeforeAll
  void train() {
    outcome = SmallModel.train();
  }

  @Test
  @DisplayName("trains one SVM per type on the chosen features, each with a threshold in (0, 100]")
  void trainsEveryType() {
    for (AnomalyType type : AnomalyType.values()) {
      SvmTrainer.TypeOutcome typeOutcome = outcome.types().get(type);
      assertThat(typeOutcome.model().features()).containsExactly(TypeFeatureSets.of(type));
      assertThat(typeOutcome.model().threshold()).isGreaterThan(0).isLessThanOrEqualTo(100);
      assertThat(typeOutcome.grid()).hasSize(2);
      assertThat(typeOutcome.trainingEvents()).isEqualTo(2_000);
    }
  }

  @Test
  @DisplayName("the provenance says how the model was made")
  void provenance() {
    ModelProvenance provenance = outcome.model().provenance();
    assertThat(provenance.modelVersion()).matches("svm-\\d{8}-01234567");
    assertThat(provenance.labelSource()).isEqualTo("simulator ground truth (labels.csv); never detector output");
    assertThat(provenance.parameters()).containsEntry("trainingEventsPerType", 2000L);
    assertThat(provenance.split().name()).isEqualTo("epc-hash-60-20-20");
    assertThat(provenance.thresholdPolicy().name()).isEqualTo("best-f1");
    assertThat(provenance.thresholds().get(AnomalyType.JUMP))
        .isEqualTo(outcome.model().thresholds().get(AnomalyType.JUMP));
  }

  @Test
  @DisplayName("a saved model loads back with the same scores, thresholds and provenance")
  void roundTrip(@TempDir Path dir) throws IOException {
    SvmModelStore.save(outcome.model(), dir);
    SvmModel loaded = SvmModelStore.load(dir, FeatureExtractor.standard());
    List<ScanEvent> events = new ReferenceTrails(99).generate(300, 0.5).events();

    ScoreTable expected = outcome.model().score(events);
    ScoreTable actual = loaded.score(events);
    for (int i = 0; i < events.size(); i++) {
      for (AnomalyType type : AnomalyType.values()) {
        assertThat(actual.get(i, type)).isEqualTo(expected.get(i, type));
      }
    }
    assertThat(loaded.thresholds().toMap()).isEqualTo(outcome.model().thresholds().toMap());
    assertThat(loaded.provenance()).isEqualTo(outcome.model().provenance());
  }

  /** Saves the model into {@code dir}, then replaces {@code from} by {@code to} in its manifest. */
  private void saveEdited(Path dir, String from, String to) throws IOException {
    SvmModelStore.save(outcome.model(), dir);
    Path manifest = dir.resolve(SvmModelStore.MANIFEST);
    Files.writeString(manifest, Files.readString(manifest).replace(from, to));
  }

  @Test
  @DisplayName("a manifest field gone missing is named in the error")
  void missingField(@TempDir Path dir) throws IOException {
    saveEdited(dir, "\"threshold\"", "\"thresh\"");

    assertThatThrownBy(() -> SvmModelStore.load(dir, FeatureExtractor.standard()))
        .isInstanceOf(IOException.class).hasMessageContaining("types.epcFake.threshold is missing");
  }

  @Test
  @DisplayName("a feature this version does not compute is named in the error")
  void unknownFeature(@TempDir Path dir) throws IOException {
    saveEdited(dir, "\"epcHeaderValid\"", "\"epcColour\"");

    assertThatThrownBy(() -> SvmModelStore.load(dir, FeatureExtractor.standard()))
        .isInstanceOf(IOException.class).hasMessageContaining("epcColour");
  }

  @Test
  @DisplayName("the held-out evaluation scores only test EPCs, beside a peer when one is given")
  void heldOutEvaluation() {
    HeldOutEvaluation.Comparison comparison = HeldOutEvaluation.evaluate(outcome.model(), null, outcome.data());

    assertThat(comparison.events()).isEqualTo(outcome.data().rows(EpcSplit.Part.TEST, false).length);
    assertThat(comparison.peer()).isNull();
    assertThat(comparison.svm().macroAuc()).isGreaterThan(0.8);
  }
}
