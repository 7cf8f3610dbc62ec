package org.barcodeanomaly.gateway.log;

import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends every log record to stderr as one {@code key=value} line ({@link OneLineFormatter}),
 * replacing the JDK's two-line default; Vert.x and Netty log through the same JDK logging.
 */
public final class LogSetup {

  private LogSetup() {
  }

  /** Installs the one-line console handler on the root logger. */
  public static void install() {
    Logger root = Logger.getLogger("");
    for (Handler handler : root.getHandlers()) {
      root.removeHandler(handler);
    }
    ConsoleHandler console = new ConsoleHandler();
    console.setFormatter(new OneLineFormatter());
    console.setLevel(Level.ALL);
    root.addHandler(console);
    // Vert.x registers its per-server gauges once per server instance; Micrometer warns about the
    // duplicate registration it then ignores, which is expected here and says nothing to operators.
    Logger.getLogger("io.micrometer.core.instrument.MeterRegistry").setLevel(Level.SEVERE);
  }
}
