package org.barcodeanomaly.cli;

import java.time.DateTimeException;
import java.time.ZoneId;
import org.barcodeanomaly.evaluation.cli.EvaluateCommand;
import org.barcodeanomaly.gateway.cli.ServeCommand;
import org.barcodeanomaly.simulator.cli.SimulateCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code bin/anomaly} launcher: one entry point for scoring files, answering contract
 * requests, simulating and evaluating, and serving the gateway.
 */
@Command(name = "anomaly", mixinStandardHelpOptions = true,
    versionProvider = LauncherVersion.class,
    description = "Finds fraud and logistics errors in supply-chain EPC scan trails.",
    subcommands = {
        ScoreCommand.class,
        AnalyzeCommand.class,
        ServeCommand.class,
        SimulateCommand.class,
        EvaluateCommand.class,
        org.barcodeanomaly.svm.cli.TrainSvmCommand.class,
        org.barcodeanomaly.lstm.command.TrainLstmCommand.class,
        org.barcodeanomaly.lstm.command.ExportOnnxCommand.class,
        org.barcodeanomaly.lstm.command.BenchLstmCommand.class,
        org.barcodeanomaly.lstm.command.BuildColdStartIndexCommand.class,
    })
public final class AnomalyCommand implements Runnable {

  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  /** Runs the launcher and exits with the command's status. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, also used by tests. */
  public static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new AnomalyCommand());
    commandLine.setExecutionExceptionHandler(new CommandFailureHandler());
    commandLine.setParameterExceptionHandler(new UsageFailureHandler());
    commandLine.registerConverter(ZoneId.class, AnomalyCommand::zone);
    return commandLine;
  }

  /** picocli's own conversion would report the zone error wrapped in Java class names. */
  private static ZoneId zone(String value) {
    try {
      return ZoneId.of(value);
    } catch (DateTimeException e) {
      throw new CommandLine.TypeConversionException("'" + value + "' is not a time zone: use a region "
          + "such as Asia/Seoul or UTC, or an offset such as +09:00");
    }
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
