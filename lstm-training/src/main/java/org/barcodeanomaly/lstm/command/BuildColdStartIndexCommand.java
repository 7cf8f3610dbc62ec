package org.barcodeanomaly.lstm.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.barcodeanomaly.lstm.coldstart.ColdStartIndex;
import org.barcodeanomaly.lstm.workflow.ColdStartIndexRun;
import org.barcodeanomaly.lstm.workflow.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code anomaly build-cold-start-index}: writes a trained model's cold-start index without
 * retraining it (a retrain of the bundled model takes ~15 minutes, the index seconds).
 */
@Command(name = "build-cold-start-index", mixinStandardHelpOptions = true,
    description = "Build " + ColdStartIndex.FILE_NAME + " (normal single events of the training "
        + "split, for scoring first events) in a trained LSTM model directory.")
public final class BuildColdStartIndexCommand implements Callable<Integer> {

  @Option(names = "--data", required = true, paramLabel = "DIR",
      description = "The simulator output the model was trained on (its provenance names it).")
  Path data;

  @Option(names = "--model", required = true, paramLabel = "DIR",
      description = "Model directory written by train-lstm, e.g. models/lstm.")
  Path model;

  @Override
  public Integer call() throws Exception {
    if (!Files.isRegularFile(model.resolve(TrainingRun.PROVENANCE_FILE))) {
      throw new IllegalArgumentException("--model " + model + " holds no "
          + TrainingRun.PROVENANCE_FILE + "; train one with `anomaly train-lstm --data DIR --out "
          + model + "`");
    }
    new ColdStartIndexRun(data, model, System.out).run();
    return 0;
  }
}
