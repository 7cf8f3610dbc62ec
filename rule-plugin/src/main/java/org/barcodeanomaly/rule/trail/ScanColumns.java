package org.barcodeanomaly.rule.trail;

import java.util.List;
import org.barcodeanomaly.api.event.BusinessStep;
import org.barcodeanomaly.api.event.EventType;
import org.barcodeanomaly.api.event.ScanEvent;

/**
 * One batch of scan events laid out column by column, with names resolved once.
 *
 * <p>Rules read times, locations and vocabulary many times per event; resolving them into
 * primitive arrays up front keeps the per-event work free of allocation and string comparison.
 * Immutable once built; a batch is scored by one thread.
 */
public final class ScanColumns {

  private final List<ScanEvent> events;
  private final long[] seconds;
  private final int[] locations;
  private final EventType[] types;
  private final BusinessStep[] steps;

  private ScanColumns(List<ScanEvent> events) {
    int size = events.size();
    this.events = events;
    this.seconds = new long[size];
    this.locations = new int[size];
    this.types = new EventType[size];
    this.steps = new BusinessStep[size];
    for (int i = 0; i < size; i++) {
      ScanEvent event = events.get(i);
      if (event == null) {
        throw new IllegalArgumentException("events[" + i + "] is null: pass only scan events,"
            + " reject unreadable items before scoring");
      }
      seconds[i] = event.eventTime().getEpochSecond();
      locations[i] = event.locationId();
      types[i] = EventType.fromName(event.eventType());
      steps[i] = BusinessStep.fromName(event.businessStep());
    }
  }

  /**
   * Lays out {@code events}.
   *
   * @throws IllegalArgumentException naming the index of a null element
   */
  public static ScanColumns of(List<ScanEvent> events) {
    return new ScanColumns(events);
  }

  /** Number of events. */
  public int size() {
    return seconds.length;
  }

  /** The event itself, for fields the columns do not hold. */
  public ScanEvent event(int index) {
    return events.get(index);
  }

  /** Event time in whole seconds since the epoch. */
  public long second(int index) {
    return seconds[index];
  }

  /** The location id as scanned (possibly not in the network). */
  public int location(int index) {
    return locations[index];
  }

  /** The event type, or {@code null} when its name is not one of the ten. */
  public EventType type(int index) {
    return types[index];
  }

  /** The business step, or {@code null} when its name is not one of the eight. */
  public BusinessStep step(int index) {
    return steps[index];
  }

  /** Whether two events are one read repeated: same location, event type name and second. */
  public boolean sameRead(int first, int second) {
    return seconds[first] == seconds[second] && locations[first] == locations[second]
        && events.get(first).eventType().equals(events.get(second).eventType());
  }
}
