package org.barcodeanomaly.api.explain;

import java.util.List;
import java.util.Objects;

/**
 * Why one event of a batch was reported: one {@link TypeEvidence} per type it was reported for, in
 * {@link org.barcodeanomaly.api.event.AnomalyType} order.
 *
 * @param index    the event's position in the batch
 * @param eventId  the event's id, as the client sent it
 * @param epcCode  the event's EPC: its trail is where the evidence comes from
 * @param detector the explaining detector's name
 * @param version  the detector's version (the model the evidence is of)
 * @param types    evidence per reported type; never empty
 */
public record Explanation(int index, long eventId, String epcCode, String detector, String version,
    List<TypeEvidence> types) {

  /** Checks the fields; the list is copied. */
  public Explanation {
    Objects.requireNonNull(epcCode, "epcCode");
    Objects.requireNonNull(detector, "detector");
    Objects.requireNonNull(version, "version");
    types = List.copyOf(types);
    if (types.isEmpty()) {
      throw new IllegalArgumentException("explanation of event " + eventId
          + " must hold evidence for at least one reported type");
    }
  }
}
