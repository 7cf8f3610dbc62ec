package org.barcodeanomaly.api.contract;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * How a {@link ContractRequestReader} reads requests: the zone of zone-less times and the most
 * events one request may hold. Fluent and copyable, as Vert.x options objects are; a reader takes
 * a copy, so changing the options afterwards does not change a reader already built.
 */
public final class ContractOptions {

  /**
   * Default zone of an {@code event_time} that names none ({@code 2025-07-01 11:02:38}): UTC. The
   * production data names no zone; detectors only compare times with each other, so any fixed zone
   * gives the same scores, and UTC keeps the instants the same on every server.
   */
  public static final ZoneId DEFAULT_LOCAL_TIME_ZONE = ZoneOffset.UTC;

  /** Default limit on the items of {@code data}: 100,000. */
  public static final int DEFAULT_MAX_EVENTS = 100_000;

  /**
   * Default limit on the length of a text field ({@code epc_code}, {@code business_step},
   * {@code event_type}, {@code event_time}): 256 characters. The longest real value is an SGTIN
   * URN of about 60; the limit keeps a client from making a detector buffer megabytes per EPC.
   */
  public static final int DEFAULT_MAX_FIELD_CHARS = 256;

  private ZoneId localTimeZone = DEFAULT_LOCAL_TIME_ZONE;
  private int maxEvents = DEFAULT_MAX_EVENTS;
  private int maxFieldChars = DEFAULT_MAX_FIELD_CHARS;

  /** Options with the defaults. */
  public ContractOptions() {
  }

  /** A copy of {@code other}. */
  public ContractOptions(ContractOptions other) {
    this.localTimeZone = other.localTimeZone;
    this.maxEvents = other.maxEvents;
    this.maxFieldChars = other.maxFieldChars;
  }

  /** The zone in which an {@code event_time} without zone or offset is read. */
  public ZoneId getLocalTimeZone() {
    return localTimeZone;
  }

  /**
   * Sets the zone in which an {@code event_time} without zone or offset is read, e.g.
   * {@code Asia/Seoul} for clients that send Korean wall-clock times. Times with {@code Z} or an
   * offset are not affected.
   */
  public ContractOptions setLocalTimeZone(ZoneId localTimeZone) {
    this.localTimeZone = Objects.requireNonNull(localTimeZone, "localTimeZone");
    return this;
  }

  /** The most items {@code data} may hold. */
  public int getMaxEvents() {
    return maxEvents;
  }

  /**
   * Sets the most items {@code data} may hold; a longer request is refused with
   * {@link TooManyEventsException} as soon as the first item past the limit starts.
   *
   * @throws IllegalArgumentException when {@code maxEvents} is below 1
   */
  public ContractOptions setMaxEvents(int maxEvents) {
    if (maxEvents < 1) {
      throw new IllegalArgumentException("maxEvents must be at least 1, was " + maxEvents);
    }
    this.maxEvents = maxEvents;
    return this;
  }

  /** The most characters a text field of an item may hold. */
  public int getMaxFieldChars() {
    return maxFieldChars;
  }

  /**
   * Sets the most characters a text field of an item ({@code epc_code}, {@code business_step},
   * {@code event_type}, {@code event_time}) may hold; a longer value rejects the item, with a
   * {@code rejectedEvents} reason naming the field, its length and the limit.
   *
   * @throws IllegalArgumentException when {@code maxFieldChars} is below 1
   */
  public ContractOptions setMaxFieldChars(int maxFieldChars) {
    if (maxFieldChars < 1) {
      throw new IllegalArgumentException("maxFieldChars must be at least 1, was " + maxFieldChars);
    }
    this.maxFieldChars = maxFieldChars;
    return this;
  }
}
