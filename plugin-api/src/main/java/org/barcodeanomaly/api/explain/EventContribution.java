package org.barcodeanomaly.api.explain;

import java.util.Objects;

/**
 * How much one event of the trail drove a type's score: the answer to "which scan is the problem".
 *
 * <p>The contribution is in the unit of the evidence's {@link TypeEvidence#value()}: a positive
 * contribution pushed the event towards being reported. For a rule it is the rule's score on the
 * event that broke it, and 0 on the events that only set the scene (the departure of a too-fast
 * trip); for a learned detector it is the attribution its method computed.
 *
 * @param index        the event's position in the batch the detector was given
 * @param eventId      the event's id, as the client sent it
 * @param role         what the event is to the finding, e.g. {@code arrival}, {@code departure},
 *                     {@code reported}, {@code context}
 * @param contribution signed contribution, finite
 */
public record EventContribution(int index, long eventId, String role, double contribution) {

  /** Checks the index, the role and that the contribution is finite. */
  public EventContribution {
    if (index < 0) {
      throw new IllegalArgumentException("event index must be >= 0, was " + index);
    }
    Objects.requireNonNull(role, "role");
    if (!Double.isFinite(contribution)) {
      throw new IllegalArgumentException("contribution of event " + eventId + " must be finite, was "
          + contribution);
    }
  }
}
