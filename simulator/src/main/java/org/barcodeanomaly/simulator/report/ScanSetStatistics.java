package org.barcodeanomaly.simulator.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.barcodeanomaly.api.event.BusinessStep;
import org.barcodeanomaly.api.event.EventType;
import org.barcodeanomaly.api.event.ScanEvent;
import org.barcodeanomaly.api.network.LocationNetwork;
import org.barcodeanomaly.api.network.Route;

/**
 * Statistics of a scan-file set, gathered row by row: counts per file and step, events per EPC,
 * distinct times, the time span, and the travel time of every trip between two normal events.
 *
 * <p>Trips are read within each run of consecutive rows of one EPC (how the files are written),
 * sorted by time; a row delivered late starts a run of its own and is not paired. Memory grows
 * with the number of EPCs and distinct times, not of rows. Not thread-safe.
 */
final class ScanSetStatistics {

  private final LocationNetwork network;
  private final BitSet anomalousEvents;
  private final Map<String, Long> rowsPerFile = new LinkedHashMap<>();
  private final Map<BusinessStep, Long> rowsPerStep = new EnumMap<>(BusinessStep.class);
  private final Map<String, int[]> eventsPerEpc = new HashMap<>();
  private final Set<Long> distinctTimes = new HashSet<>();
  private final Set<Long> distinctNormalTimes = new HashSet<>();
  private final Map<Long, RouteTimes> routeTimes = new HashMap<>();
  private final List<ScanEvent> run = new ArrayList<>();
  private long events;
  private long otherSteps;
  private long first = Long.MAX_VALUE;
  private long last = Long.MIN_VALUE;
  private String file;

  /**
   * @param anomalousEvents event ids with at least one label; their trips are left out
   */
  ScanSetStatistics(LocationNetwork network, BitSet anomalousEvents) {
    this.network = network;
    this.anomalousEvents = anomalousEvents;
  }

  void startFile(String name) {
    file = name;
    rowsPerFile.put(name, 0L);
  }

  void accept(ScanEvent event) {
    events++;
    rowsPerFile.merge(file, 1L, Long::sum);
    BusinessStep step = BusinessStep.fromName(event.businessStep());
    if (step == null) {
      otherSteps++;
    } else {
      rowsPerStep.merge(step, 1L, Long::sum);
    }
    eventsPerEpc.computeIfAbsent(event.epcCode(), code -> new int[1])[0]++;
    long second = event.epochSecond();
    distinctTimes.add(second);
    if (!anomalous(event)) {
      distinctNormalTimes.add(second);
    }
    first = Math.min(first, second);
    last = Math.max(last, second);
    if (!run.isEmpty() && !run.get(0).epcCode().equals(event.epcCode())) {
      closeRun();
    }
    run.add(event);
  }

  void endFile() {
    closeRun();
  }

  private void closeRun() {
    run.sort(Comparator.comparing(ScanEvent::eventTime));
    for (int i = 1; i < run.size(); i++) {
      ScanEvent from = run.get(i - 1);
      ScanEvent to = run.get(i);
      if (isTrip(from, to)) {
        Route route = network.route(from.locationId(), to.locationId());
        if (route != null && route.stats() != null) {
          routeTimes.computeIfAbsent(key(from.locationId(), to.locationId()), k -> new RouteTimes())
              .add((to.epochSecond() - from.epochSecond()) / 3600.0);
        }
      }
    }
    run.clear();
  }

  private boolean isTrip(ScanEvent from, ScanEvent to) {
    EventType out = EventType.fromName(from.eventType());
    EventType in = EventType.fromName(to.eventType());
    return out != null && in != null && out.direction() == EventType.Direction.OUTBOUND
        && in.direction() == EventType.Direction.INBOUND && from.locationId() != to.locationId()
        && !anomalous(from) && !anomalous(to);
  }

  private boolean anomalous(ScanEvent event) {
    return event.eventId() <= Integer.MAX_VALUE && anomalousEvents.get((int) event.eventId());
  }

  static long key(int from, int to) {
    return ((long) from << 32) | (to & 0xffffffffL);
  }

  long events() {
    return events;
  }

  long epcs() {
    return eventsPerEpc.size();
  }

  Map<String, Long> rowsPerFile() {
    return rowsPerFile;
  }

  long rowsOf(BusinessStep step) {
    return rowsPerStep.getOrDefault(step, 0L);
  }

  long rowsOfOtherSteps() {
    return otherSteps;
  }

  long distinctTimes() {
    return distinctTimes.size();
  }

  /** Distinct times of the events without any label: what the production set's figure counts. */
  long distinctNormalTimes() {
    return distinctNormalTimes.size();
  }

  Instant firstTime() {
    return Instant.ofEpochSecond(first);
  }

  Instant lastTime() {
    return Instant.ofEpochSecond(last);
  }

  /** Number of EPCs per event count, from 1 up to the largest count seen. */
  long[] eventsPerEpcHistogram() {
    int most = 0;
    for (int[] count : eventsPerEpc.values()) {
      most = Math.max(most, count[0]);
    }
    long[] histogram = new long[most + 1];
    for (int[] count : eventsPerEpc.values()) {
      histogram[count[0]]++;
    }
    return histogram;
  }

  RouteTimes routeTimes(int from, int to) {
    return routeTimes.getOrDefault(key(from, to), new RouteTimes());
  }
}
