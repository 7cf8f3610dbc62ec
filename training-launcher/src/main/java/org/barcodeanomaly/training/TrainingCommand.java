package org.barcodeanomaly.training;

import org.barcodeanomaly.cli.AnomalyCommand;
import org.barcodeanomaly.cli.LauncherVersion;
import org.barcodeanomaly.lstm.command.BenchLstmCommand;
import org.barcodeanomaly.lstm.command.BuildColdStartIndexCommand;
import org.barcodeanomaly.lstm.command.ExportOnnxCommand;
import org.barcodeanomaly.lstm.command.TrainLstmCommand;
import org.barcodeanomaly.svm.cli.TrainSvmCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The training launcher: the commands that need DL4J, ND4J or Tribuo on the class path, kept out
 * of the slim {@code bin/anomaly} launcher so scoring and serving start without them.
 * {@code bin/anomaly} runs this jar for the {@link AnomalyCommand#TRAINING_COMMANDS}.
 */
@Command(name = "anomaly", mixinStandardHelpOptions = true,
    versionProvider = LauncherVersion.class,
    description = "Trains, exports and benchmarks the learned detectors' models.",
    subcommands = {
        TrainSvmCommand.class,
        TrainLstmCommand.class,
        ExportOnnxCommand.class,
        BenchLstmCommand.class,
        BuildColdStartIndexCommand.class,
    })
public final class TrainingCommand implements Runnable {

  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  /** Runs a training command and exits with its status. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, also used by tests. */
  public static CommandLine commandLine() {
    return AnomalyCommand.configure(new CommandLine(new TrainingCommand()));
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
