package org.barcodeanomaly.api.contract;

/**
 * A request whose {@code data} array holds more items than {@link ContractOptions#getMaxEvents()}.
 * The gateway answers it with 413; the message names the limit and tells the client to split the
 * request.
 */
public class TooManyEventsException extends ContractFormatException {

  private static final long serialVersionUID = 1L;

  private final int limit;

  /** For a request longer than {@code limit} items. */
  public TooManyEventsException(int limit) {
    super("the request holds more than " + limit + " events in data, the limit of this server: "
        + "split it into requests of at most " + limit + " events");
    this.limit = limit;
  }

  /** The most events a request may hold. */
  public int limit() {
    return limit;
  }
}
