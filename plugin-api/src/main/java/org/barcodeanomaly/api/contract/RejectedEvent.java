package org.barcodeanomaly.api.contract;

import java.util.Objects;

/**
 * One item of a request's {@code data} array that could not be read as an event. It is answered
 * in the response's {@code rejectedEvents} array instead of being dropped, while the other items
 * are analysed.
 *
 * @param index   position of the item in {@code data}, from 0
 * @param eventId the item's event id as decimal text when it was readable, else {@code null}
 * @param field   the contract name of the first field (in contract order) that is missing or
 *                unreadable, e.g. {@code event_time}; {@value #ITEM} when the item is not an object
 * @param reason  what is wrong with the field, naming the value and what was expected
 * @param fileId  the item's {@code file_id} when it was readable, else {@code null}; it decides
 *                which response object lists the item
 */
public record RejectedEvent(int index, String eventId, String field, String reason, Long fileId) {

  /** The {@link #field} of an item that is not a JSON object. */
  public static final String ITEM = "item";

  /** Checks that the field and the reason are given. */
  public RejectedEvent {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(reason, "reason");
  }

  /** A rejected item whose file is unknown. */
  public RejectedEvent(int index, String eventId, String field, String reason) {
    this(index, eventId, field, reason, null);
  }
}
