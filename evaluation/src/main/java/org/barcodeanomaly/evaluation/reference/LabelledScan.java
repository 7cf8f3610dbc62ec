package org.barcodeanomaly.evaluation.reference;

import java.util.EnumSet;
import java.util.Set;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.event.EventType;

/** One scan of a generated trail while it is built, with the anomaly types it is labelled with. */
final class LabelledScan {

  int location;
  String step;
  String type;
  long second;
  final Set<AnomalyType> labels = EnumSet.noneOf(AnomalyType.class);
  /** Names of the normal variation this scan carries. */
  final Set<String> noise = new java.util.TreeSet<>();
  /** The scan this one repeats row for row, event id included (a duplicate row), or null. */
  LabelledScan sameRowAs;

  LabelledScan(int location, EventType type, long second) {
    this(location, type.step().dataName(), type.dataName(), second);
  }

  LabelledScan(int location, String step, String type, long second) {
    this.location = location;
    this.step = step;
    this.type = type;
    this.second = second;
  }

  /** A copy without labels or noise. */
  LabelledScan copy() {
    return new LabelledScan(location, step, type, second);
  }

  /** The event type, or null when the name is not one of the ten. */
  EventType eventType() {
    return EventType.fromName(type);
  }

  /** Whether the scan brings the item into its location. */
  boolean inbound() {
    EventType known = eventType();
    return known != null && known.direction() == EventType.Direction.INBOUND;
  }

  /** Whether the scan takes the item out of its location. */
  boolean outbound() {
    EventType known = eventType();
    return known != null && known.direction() == EventType.Direction.OUTBOUND;
  }
}
