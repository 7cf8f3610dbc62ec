package org.barcodeanomaly.api.event;

import java.time.Instant;
import java.util.Objects;

/**
 * One scan of one EPC at one location: the unit every detector scores.
 *
 * <p>It carries the seven fields of the JSON contract, plus the manufacture time that raw scan
 * files hold (absent in contract requests). Step and type names are kept as given: an unknown
 * name is not an input error but something the detectors exist to flag, so it must reach them.
 *
 * @param eventId        the client's id of the event, echoed in responses
 * @param fileId         the file the event belongs to; each file is analysed on its own
 * @param epcCode        the EPC as scanned, possibly malformed
 * @param locationId     the scan location; possibly not in the network
 * @param businessStep   business step name as given, e.g. {@code WMS}
 * @param eventType      event type name as given, e.g. {@code WMS_Inbound}
 * @param eventTime      when the scan happened
 * @param manufactureTime the EPC's manufacture time from the raw file's {@code manufacture_date}
 *                        column, or {@code null} when the source does not carry it
 */
public record ScanEvent(long eventId, long fileId, String epcCode, int locationId,
    String businessStep, String eventType, Instant eventTime, Instant manufactureTime) {

  /** Checks that the required fields are present; {@code manufactureTime} may be null. */
  public ScanEvent {
    Objects.requireNonNull(epcCode, "epcCode");
    Objects.requireNonNull(businessStep, "businessStep");
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(eventTime, "eventTime");
  }

  /** An event without a manufacture time, as a contract request carries it. */
  public ScanEvent(long eventId, long fileId, String epcCode, int locationId,
      String businessStep, String eventType, Instant eventTime) {
    this(eventId, fileId, epcCode, locationId, businessStep, eventType, eventTime, null);
  }

  /** Event time in whole seconds since the epoch; the resolution every rule works at. */
  public long epochSecond() {
    return eventTime.getEpochSecond();
  }
}
