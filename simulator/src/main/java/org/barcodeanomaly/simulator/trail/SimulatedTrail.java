package org.barcodeanomaly.simulator.trail;

import java.util.Arrays;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.event.BusinessStep;
import org.barcodeanomaly.api.event.EventType;

/**
 * One EPC's scan events in the order they are written to its file, with the ground-truth label
 * bits of each event.
 *
 * <p>Built by the generator in journey order, then perturbed by the field noise and the anomaly
 * injectors; the writer turns it into rows. A trail is reused from one EPC to the next
 * ({@link #reset}), so a million events cost no million objects. Not thread-safe.
 */
public final class SimulatedTrail {

  private static final int INITIAL_CAPACITY = 16;

  private String epcCode;
  private EpcIdentity identity;
  private int size;
  private int[] locations = new int[INITIAL_CAPACITY];
  private BusinessStep[] steps = new BusinessStep[INITIAL_CAPACITY];
  private EventType[] types = new EventType[INITIAL_CAPACITY];
  private long[] times = new long[INITIAL_CAPACITY];
  private byte[] labels = new byte[INITIAL_CAPACITY];
  private boolean[] late = new boolean[INITIAL_CAPACITY];
  private int[] noise = new int[INITIAL_CAPACITY];

  /** Empties the trail and gives it to another EPC. */
  public void reset(String epcCode, EpcIdentity identity) {
    this.epcCode = epcCode;
    this.identity = identity;
    this.size = 0;
  }

  /** An independent copy of this trail, events, labels and all. */
  public SimulatedTrail copy() {
    SimulatedTrail copy = new SimulatedTrail();
    copy.reset(epcCode, identity);
    copy.size = size;
    copy.locations = Arrays.copyOf(locations, locations.length);
    copy.steps = Arrays.copyOf(steps, steps.length);
    copy.types = Arrays.copyOf(types, types.length);
    copy.times = Arrays.copyOf(times, times.length);
    copy.labels = Arrays.copyOf(labels, labels.length);
    copy.late = Arrays.copyOf(late, late.length);
    copy.noise = Arrays.copyOf(noise, noise.length);
    return copy;
  }

  /** The EPC as written to the file; an injected fake replaces it. */
  public String epcCode() {
    return epcCode;
  }

  /** Replaces the EPC written on every row. */
  public void setEpcCode(String epcCode) {
    this.epcCode = epcCode;
  }

  /** The item's factory, product and dates. */
  public EpcIdentity identity() {
    return identity;
  }

  /** Number of events. */
  public int size() {
    return size;
  }

  /** Appends an event whose business step is the one its type belongs to. */
  public void add(int locationId, EventType type, long second) {
    insert(size, locationId, type.step(), type, second);
  }

  /** Inserts an event at {@code index}, shifting later events back. */
  public void insert(int index, int locationId, BusinessStep step, EventType type, long second) {
    checkInsert(index);
    ensureCapacity(size + 1);
    int tail = size - index;
    System.arraycopy(locations, index, locations, index + 1, tail);
    System.arraycopy(steps, index, steps, index + 1, tail);
    System.arraycopy(types, index, types, index + 1, tail);
    System.arraycopy(times, index, times, index + 1, tail);
    System.arraycopy(labels, index, labels, index + 1, tail);
    System.arraycopy(late, index, late, index + 1, tail);
    System.arraycopy(noise, index, noise, index + 1, tail);
    locations[index] = locationId;
    steps[index] = step;
    types[index] = type;
    times[index] = second;
    labels[index] = 0;
    late[index] = false;
    noise[index] = 0;
    size++;
  }

  /**
   * Inserts a copy of event {@code index} right after it: same location, step, type, time, labels
   * and noise (a duplicate read).
   */
  public void duplicate(int index) {
    check(index);
    insert(index + 1, locations[index], steps[index], types[index], times[index]);
    labels[index + 1] = labels[index];
    noise[index + 1] = noise[index];
  }

  /** Removes the event at {@code index}. */
  public void remove(int index) {
    check(index);
    int tail = size - index - 1;
    System.arraycopy(locations, index + 1, locations, index, tail);
    System.arraycopy(steps, index + 1, steps, index, tail);
    System.arraycopy(types, index + 1, types, index, tail);
    System.arraycopy(times, index + 1, times, index, tail);
    System.arraycopy(labels, index + 1, labels, index, tail);
    System.arraycopy(late, index + 1, late, index, tail);
    System.arraycopy(noise, index + 1, noise, index, tail);
    size--;
  }

  /** Drops every event from {@code newSize} on. */
  public void truncate(int newSize) {
    if (newSize < 0 || newSize > size) {
      throw new IndexOutOfBoundsException("cannot truncate a trail of " + size + " events to " + newSize);
    }
    size = newSize;
  }

  /** Location id of event {@code index}. */
  public int location(int index) {
    check(index);
    return locations[index];
  }

  /** Business step of event {@code index}. */
  public BusinessStep step(int index) {
    check(index);
    return steps[index];
  }

  /** Event type of event {@code index}. */
  public EventType type(int index) {
    check(index);
    return types[index];
  }

  /** Time of event {@code index}, seconds (see {@code SupplyChainCalibration.toSeconds}). */
  public long time(int index) {
    check(index);
    return times[index];
  }

  /** Time of the last event. */
  public long lastTime() {
    return time(size - 1);
  }

  /** Moves event {@code index} to another location. */
  public void setLocation(int index, int locationId) {
    check(index);
    locations[index] = locationId;
  }

  /** Rewrites the step and type of event {@code index}, consistent or not. */
  public void setStepAndType(int index, BusinessStep step, EventType type) {
    check(index);
    steps[index] = step;
    types[index] = type;
  }

  /** Moves event {@code index} in time. */
  public void setTime(int index, long second) {
    check(index);
    times[index] = second;
  }

  /** Marks event {@code index} as anomalous for {@code type}. */
  public void label(int index, AnomalyType type) {
    check(index);
    labels[index] |= (byte) (1 << type.ordinal());
  }

  /** Marks every event as anomalous for {@code type}. */
  public void labelAll(AnomalyType type) {
    for (int i = 0; i < size; i++) {
      label(i, type);
    }
  }

  /** Label bits of event {@code index}: bit {@code AnomalyType.ordinal()} set when anomalous. */
  public int labels(int index) {
    check(index);
    return labels[index];
  }

  /** Whether event {@code index} carries the label {@code type}. */
  public boolean isLabelled(int index, AnomalyType type) {
    return (labels(index) & (1 << type.ordinal())) != 0;
  }

  /** Whether event {@code index} reaches the file late, after every timely row. */
  public boolean isLate(int index) {
    check(index);
    return late[index];
  }

  /** Marks event {@code index} as delivered late (field noise). */
  public void setLate(int index, boolean isLate) {
    check(index);
    late[index] = isLate;
  }

  /**
   * Records that event {@code index} carries the normal variation of bit {@code bit} (a noise
   * kind's bit: the simulator's noise file names it, so false alerts can be broken down by it).
   */
  public void addNoise(int index, int bit) {
    check(index);
    noise[index] |= bit;
  }

  /** The noise bits of event {@code index}. */
  public int noise(int index) {
    check(index);
    return noise[index];
  }

  /** Index of the last event of {@code type}, or -1. */
  public int lastIndexOf(EventType type) {
    for (int i = size - 1; i >= 0; i--) {
      if (types[i] == type) {
        return i;
      }
    }
    return -1;
  }

  private void ensureCapacity(int capacity) {
    if (capacity <= locations.length) {
      return;
    }
    int grown = Math.max(capacity, locations.length * 2);
    locations = Arrays.copyOf(locations, grown);
    steps = Arrays.copyOf(steps, grown);
    types = Arrays.copyOf(types, grown);
    times = Arrays.copyOf(times, grown);
    labels = Arrays.copyOf(labels, grown);
    late = Arrays.copyOf(late, grown);
    noise = Arrays.copyOf(noise, grown);
  }

  private void check(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("event " + index + " outside 0.." + (size - 1));
    }
  }

  private void checkInsert(int index) {
    if (index < 0 || index > size) {
      throw new IndexOutOfBoundsException("insert position " + index + " outside 0.." + size);
    }
  }
}
