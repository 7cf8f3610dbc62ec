package org.barcodeanomaly.lstm.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.barcodeanomaly.evaluation.data.LabelledDataSet;
import org.barcodeanomaly.lstm.coldstart.ColdStartIndex;
import org.barcodeanomaly.lstm.coldstart.SingleEventVectors;
import org.barcodeanomaly.lstm.model.LstmModelSpec;
import org.barcodeanomaly.modelformat.ModelManifest;
import org.barcodeanomaly.modelformat.ModelProvenance;
import org.barcodeanomaly.simulator.cli.SimulateCommand;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code train-lstm} end to end on a small simulation: one epoch, no label-noise run, so it fits
 * the default build. Proves that a training run leaves a directory the plugin can serve: the
 * exported network, its spec with calibrated thresholds, the reports and provenance, and the
 * cold-start index, the same index a later {@code build-cold-start-index} rebuilds.
 */
class TrainingRunTest {

  @Test
  @DisplayName("a one-epoch run writes a servable model directory with its cold-start index, identical to a rebuilt one")
  void writesACompleteModelDirectory(@TempDir Path work) throws Exception {
    Path data = work.resolve("sim");
    int exit = new CommandLine(new SimulateCommand()).execute("--out", data.toString(), "--epcs", "1500",
        "--seed", "3", "--profile", "field", "--anomaly-rate", "0.25");
    assertThat(exit).isZero();
    Path out = work.resolve("lstm");
    PrintStream console = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    new TrainingRun(new TrainingRunOptions().setData(data).setOut(out).setEpochs(1).setMaxEpcs(1500)
        .setSeed(11).setLabelNoise(0), console).run();

    for (String file : new String[] {TrainingRun.ONNX_FILE, TrainingRun.DL4J_FILE, LstmModelSpec.FILE_NAME,
        TrainingRun.PROVENANCE_FILE, TrainingRun.LOG_FILE, TrainingRun.REPORT_FILE, TrainingRun.CURVES_FILE,
        ColdStartIndex.FILE_NAME}) {
      assertThat(out.resolve(file)).as(file).isRegularFile();
    }
    ModelProvenance provenance = ModelManifest.read(out);
    assertThat(provenance.labelSource()).isEqualTo(TrainingRun.LABEL_SOURCE);
    assertThat(provenance.detector()).isEqualTo("lstm");
    assertThat(provenance.data().sha256()).isEqualTo(LabelledDataSet.read(data).sha256());
    assertThat(provenance.data().recipe()).startsWith("bin/anomaly simulate --out " + data + " --epcs 1500");
    assertThat(provenance.trainingCommand()).contains("--epochs 1", "--max-epcs 1500", "--seed 11",
        "--label-noise 0.0", "--batch-size 128", "--patience 3", "--buffer-hours 24");
    assertThat(provenance.split().name()).isEqualTo("epc-time-70-15-15");
    assertThat(provenance.thresholdPolicy().name()).isEqualTo("operating-point");
    assertThat(provenance.thresholds()).isEqualTo(LstmModelSpec.read(out).thresholds());
    assertThat(provenance.training().get(ColdStartIndexRun.PROVENANCE_KEY)).isInstanceOfSatisfying(Map.class,
        entry -> assertThat(((Number) entry.get("distinctVectorsStored")).intValue()).isPositive());
    ColdStartIndex trained = ColdStartIndex.read(out);
    assertThat(trained.dimensions()).isEqualTo(new SingleEventVectors(LstmModelSpec.read(out)).dimensions());

    byte[] fromTraining = Files.readAllBytes(out.resolve(ColdStartIndex.FILE_NAME));
    new ColdStartIndexRun(data, out, console).run();
    assertThat(Files.readAllBytes(out.resolve(ColdStartIndex.FILE_NAME))).isEqualTo(fromTraining);
    assertThat(ModelManifest.read(out).withTrainingFact(ColdStartIndexRun.PROVENANCE_KEY, null))
        .as("a rebuilt index changes nothing else in the provenance")
        .isEqualTo(provenance.withTrainingFact(ColdStartIndexRun.PROVENANCE_KEY, null));
  }
}
