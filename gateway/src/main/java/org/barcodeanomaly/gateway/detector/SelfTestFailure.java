package org.barcodeanomaly.gateway.detector;

/**
 * A detector did not pass its self-test: it threw, hung, or answered with the wrong shape. The
 * message says which and is shown in the detector list; the detector is never put in service.
 */
public class SelfTestFailure extends Exception {

  private static final long serialVersionUID = 1L;

  /** With the reason. */
  public SelfTestFailure(String message) {
    super(message);
  }

  /** With the reason and its cause. */
  public SelfTestFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
