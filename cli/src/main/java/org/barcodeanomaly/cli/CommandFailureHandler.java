package org.barcodeanomaly.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

/**
 * Turns a failed command into one clear line on stderr and exit status 1, instead of a stack
 * trace. Set {@code -Danomaly.debug=true} to see the trace.
 */
final class CommandFailureHandler implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
    if (Boolean.getBoolean("anomaly.debug")) {
      e.printStackTrace(commandLine.getErr());
    }
    commandLine.getErr().println("anomaly " + commandLine.getCommandName() + ": " + describe(e));
    return 1;
  }

  private static String describe(Throwable e) {
    if (e instanceof UncheckedIOException && e.getCause() != null) {
      e = e.getCause();
    }
    if (e instanceof FileSystemException fileProblem && fileProblem.getFile() != null) {
      return FileProblems.describe(fileProblem);
    }
    String message = e.getMessage();
    if (e instanceof IOException) {
      return "I/O error: " + (message == null ? e.getClass().getSimpleName() : message);
    }
    return message == null ? e.getClass().getSimpleName() : message;
  }
}
