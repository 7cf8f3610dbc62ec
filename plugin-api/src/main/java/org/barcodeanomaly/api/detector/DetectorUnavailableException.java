package org.barcodeanomaly.api.detector;

/**
 * A detector cannot be created: its model is missing or unreadable, or its runtime cannot load.
 * The message says what is missing and how to fix it; callers fall back to another detector.
 */
public class DetectorUnavailableException extends Exception {

  private static final long serialVersionUID = 1L;

  /** With a message telling the operator what to do. */
  public DetectorUnavailableException(String message) {
    super(message);
  }

  /** With a message telling the operator what to do, and the underlying cause. */
  public DetectorUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
