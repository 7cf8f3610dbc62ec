package org.barcodeanomaly.api.contract;

/**
 * A request body that cannot be answered at all: not JSON, or no {@code data} array. Its message
 * says what is wrong and is meant to be sent back as is, as the {@code detail} of a 400 answer;
 * it never holds a stack trace or a class name.
 *
 * <p>Problems of single items are not thrown: they become {@link RejectedEvent}s and the other
 * items are still answered.
 */
public class ContractFormatException extends Exception {

  private static final long serialVersionUID = 1L;

  /** With the message to show the client. */
  public ContractFormatException(String detail) {
    super(detail);
  }

  /** With the message to show the client and the parser's exception, for logs. */
  public ContractFormatException(String detail, Throwable cause) {
    super(detail, cause);
  }
}
