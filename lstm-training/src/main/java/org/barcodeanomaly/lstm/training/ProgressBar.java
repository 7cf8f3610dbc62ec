package org.barcodeanomaly.lstm.training;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar for training on a terminal: epoch, share of the epoch done, running
 * loss, the last validation AUC and the estimated time left for the whole run. Redrawn with a
 * carriage return, at most a few times per second.
 */
public final class ProgressBar {

  private static final int WIDTH = 30;
  private static final long REDRAW_NANOS = 250_000_000L;

  private final PrintStream out;
  private final int epochs;
  private final long started = System.nanoTime();
  private long lastDraw;

  /** A bar for a run of {@code epochs} epochs, drawn on {@code out}. */
  public ProgressBar(PrintStream out, int epochs) {
    this.out = out;
    this.epochs = epochs;
  }

  /** Redraws after minibatch {@code batch} of {@code batches} in epoch {@code epoch} (1-based). */
  public void update(int epoch, int batch, int batches, double loss, double lastValidationAuc) {
    long now = System.nanoTime();
    if (now - lastDraw < REDRAW_NANOS && batch < batches) {
      return;
    }
    lastDraw = now;
    double epochShare = (double) batch / batches;
    double runShare = (epoch - 1 + epochShare) / epochs;
    double elapsed = (now - started) / 1e9;
    double eta = runShare > 0 ? elapsed * (1 - runShare) / runShare : Double.NaN;
    int filled = (int) Math.round(epochShare * WIDTH);
    String bar = "#".repeat(filled) + ".".repeat(WIDTH - filled);
    out.print(String.format(Locale.ROOT, "\repoch %d/%d [%s] %3.0f%% loss %.5f val AUC %s ETA %s ",
        epoch, epochs, bar, epochShare * 100, loss,
        Double.isNaN(lastValidationAuc) ? "  -  " : String.format(Locale.ROOT, "%.4f", lastValidationAuc),
        clock(eta)));
    out.flush();
  }

  /** Ends the bar's line. */
  public void finishLine() {
    out.println();
  }

  private static String clock(double seconds) {
    if (Double.isNaN(seconds)) {
      return "--:--";
    }
    long s = Math.round(seconds);
    return String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
  }
}
