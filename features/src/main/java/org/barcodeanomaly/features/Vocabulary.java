package org.barcodeanomaly.features;

import java.util.HashMap;
import java.util.Map;
import org.barcodeanomaly.api.event.BusinessStep;
import org.barcodeanomaly.api.event.EventType;

/**
 * Name lookups for business steps and event types by hash rather than by scanning the enums:
 * extraction asks several times per event, a million events per batch. Immutable.
 */
final class Vocabulary {

  private final Map<String, BusinessStep> steps = new HashMap<>();
  private final Map<String, EventType> types = new HashMap<>();

  Vocabulary() {
    for (BusinessStep step : BusinessStep.values()) {
      steps.put(step.dataName(), step);
    }
    for (EventType type : EventType.values()) {
      types.put(type.dataName(), type);
    }
  }

  /** The step called {@code name}, or {@code null} when unknown. */
  BusinessStep step(String name) {
    return steps.get(name);
  }

  /** The type called {@code name}, or {@code null} when unknown. */
  EventType type(String name) {
    return types.get(name);
  }
}
