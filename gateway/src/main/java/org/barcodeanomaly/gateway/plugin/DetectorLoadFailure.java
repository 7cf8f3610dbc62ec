package org.barcodeanomaly.gateway.plugin;

/**
 * A detector could not be put in service: its provider refused to create it (no model, bad
 * model) or it failed its self-test. The message names the detector, the jar and the reason.
 */
public class DetectorLoadFailure extends Exception {

  private static final long serialVersionUID = 1L;

  private final LoadStage stage;

  /** A failure at {@code stage}. */
  public DetectorLoadFailure(LoadStage stage, String message, Throwable cause) {
    super(message, cause);
    this.stage = stage;
  }

  /** Where loading stopped. */
  public LoadStage stage() {
    return stage;
  }
}
