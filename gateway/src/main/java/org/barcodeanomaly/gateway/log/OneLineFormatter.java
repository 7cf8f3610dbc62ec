package org.barcodeanomaly.gateway.log;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * Formats a log record as one line of {@code key=value} pairs that log shippers can parse:
 * {@code ts=... level=INFO logger=gateway.audit event=request ...}. A stack trace, when there is
 * one, follows on the next lines (logs only: response bodies never carry one).
 */
public final class OneLineFormatter extends Formatter {

  @Override
  public String format(LogRecord record) {
    StringBuilder line = new StringBuilder(160)
        .append("ts=").append(Instant.ofEpochMilli(record.getMillis()))
        .append(" level=").append(record.getLevel().getName())
        .append(" logger=").append(shortName(record.getLoggerName()))
        .append(' ').append(formatMessage(record))
        .append(System.lineSeparator());
    if (record.getThrown() != null) {
      StringWriter trace = new StringWriter();
      record.getThrown().printStackTrace(new PrintWriter(trace));
      line.append(trace);
    }
    return line.toString();
  }

  private static String shortName(String logger) {
    if (logger == null) {
      return "-";
    }
    return logger.startsWith("org.barcodeanomaly.") ? logger.substring("org.barcodeanomaly.".length()) : logger;
  }
}
