package org.barcodeanomaly.cli;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import org.barcodeanomaly.evaluation.cli.CompareCommand;
import org.barcodeanomaly.evaluation.cli.EvaluateCommand;
import org.barcodeanomaly.gateway.cli.ServeCommand;
import org.barcodeanomaly.simulator.cli.SimulateCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The {@code bin/anomaly} launcher: one entry point for scoring files, answering contract
 * requests, simulating and evaluating, and serving the gateway.
 *
 * <p>Slim on purpose: it starts without DL4J, ND4J or Tribuo on its class path (detectors come
 * from their plugin jars), so {@code score} and {@code serve} start fast. The training commands
 * ({@link #TRAINING_COMMANDS}) live in the training launcher, which {@code bin/anomaly} runs for
 * them; called here, they say where they are.
 */
@Command(name = "anomaly", mixinStandardHelpOptions = true,
    versionProvider = LauncherVersion.class,
    description = "Finds fraud and logistics errors in supply-chain EPC scan trails.",
    footer = {"", "Training commands (the training launcher, which bin/anomaly runs for them): "
        + "train-svm, train-lstm, export-onnx, bench-lstm, build-cold-start-index."},
    subcommands = {
        ScoreCommand.class,
        AnalyzeCommand.class,
        ServeCommand.class,
        SimulateCommand.class,
        EvaluateCommand.class,
        CompareCommand.class,
        ExplainAlignmentCommand.class,
    })
public final class AnomalyCommand implements Runnable {

  /** Commands of the training launcher, which carries DL4J, ND4J and Tribuo. */
  public static final List<String> TRAINING_COMMANDS = List.of("train-svm", "train-lstm",
      "export-onnx", "bench-lstm", "build-cold-start-index");

  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  /** Runs the launcher and exits with the command's status. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, also used by tests. */
  public static CommandLine commandLine() {
    return configure(new CommandLine(new AnomalyCommand()));
  }

  /**
   * Gives {@code commandLine} the launcher's error handling (one clear line, no stack trace) and
   * converters; the training launcher configures its command line with it too.
   */
  public static CommandLine configure(CommandLine commandLine) {
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
