package org.barcodeanomaly.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;
import picocli.CommandLine;

/**
 * Turns a command-line mistake (unknown option, missing or unreadable value) into one line on
 * stderr that names the option and says where the full usage is, instead of the whole usage
 * text. A value a converter refused is explained with the converter's own words, not with the
 * Java exception class wrapped around them.
 */
final class UsageFailureHandler implements IParameterExceptionHandler {

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine commandLine = ex.getCommandLine();
    String command = commandLine.getCommandSpec().qualifiedName();
    PrintWriter err = commandLine.getErr();
    err.println(command + ": " + message(ex) + suggestions(ex) + " (see '" + command + " --help')");
    err.flush();
    return commandLine.getCommandSpec().exitCodeOnInvalidInput();
  }

  private static String message(ParameterException ex) {
    Throwable cause = rootCause(ex);
    ArgSpec argument = ex.getArgSpec();
    if (cause != ex && !(cause instanceof TypeConversionException) && cause.getMessage() != null
        && argument != null) {
      return "invalid value for " + name(argument) + ": " + cause.getMessage();
    }
    return String.valueOf(ex.getMessage()).strip().replace(System.lineSeparator(), "; ").replace('\n', ' ');
  }

  private static Throwable rootCause(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root;
  }

  private static String name(ArgSpec argument) {
    if (argument instanceof OptionSpec option) {
      return "option '" + option.longestName() + "'";
    }
    return "parameter '" + ((PositionalParamSpec) argument).paramLabel() + "'";
  }

  private static String suggestions(ParameterException ex) {
    if (ex instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()
        && AnomalyCommand.TRAINING_COMMANDS.contains(unmatched.getUnmatched().get(0))) {
      return "; " + unmatched.getUnmatched().get(0) + " is a training command: run it as `bin/anomaly "
          + unmatched.getUnmatched().get(0) + "`, which starts the training launcher "
          + "(training-launcher/target/anomaly-train.jar)";
    }
    if (ex instanceof UnmatchedArgumentException unmatched) {
      List<String> suggestions = unmatched.getSuggestions();
      if (!suggestions.isEmpty()) {
        return "; did you mean " + String.join(" or ", suggestions) + "?";
      }
    }
    return "";
  }
}
