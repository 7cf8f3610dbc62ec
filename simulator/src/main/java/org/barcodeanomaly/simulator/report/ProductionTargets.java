package org.barcodeanomaly.simulator.report;

import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.barcodeanomaly.api.event.BusinessStep;
import org.barcodeanomaly.api.network.Location;
import org.barcodeanomaly.api.network.LocationNetwork;
import org.barcodeanomaly.api.network.Route;

/**
 * The published statistics of the production data set (docs/spec/DATA.md) that a simulated set is compared
 * with, and the business-step counts they imply together with the route counts of
 * {@code transition_stats.csv}.
 */
public final class ProductionTargets {

  /** Rows of the four files together. */
  public static final long EVENTS = 920_000;
  /** Distinct EPCs. */
  public static final long EPCS = 200_000;
  /** Distinct event times. */
  public static final long DISTINCT_TIMES = 28_391;
  /** Most events of one EPC. */
  public static final int MAX_EVENTS_PER_EPC = 10;
  /** Fewest events of one EPC. */
  public static final int MIN_EVENTS_PER_EPC = 2;
  /** First event time. */
  public static final LocalDateTime FIRST_TIME = LocalDateTime.of(2025, 7, 1, 10, 23, 38);
  /** Last event time. */
  public static final LocalDateTime LAST_TIME = LocalDateTime.of(2025, 12, 16, 14, 2, 39);

  private ProductionTargets() {
  }

  /** Rows per file, by file name. */
  public static Map<String, Long> rowsPerFile() {
    Map<String, Long> rows = new LinkedHashMap<>();
    rows.put("icn", 437_200L);
    rows.put("hws", 220_800L);
    rows.put("kum", 129_800L);
    rows.put("ygs", 132_200L);
    return rows;
  }

  /**
   * Events per business step implied by the data: every EPC has its aggregation and warehouse
   * inbound; every observed trip of the route table is one outbound and one inbound; the rest of
   * the 920,000 rows are retail outbounds and sales together, returned under
   * {@link BusinessStep#R_STOCK_OUTBOUND} (the table cannot split them; POS_Sell maps to 0).
   */
  public static Map<BusinessStep, Long> eventsPerStep(LocationNetwork network) {
    Map<BusinessStep, Long> steps = new EnumMap<>(BusinessStep.class);
    for (BusinessStep step : BusinessStep.values()) {
      steps.put(step, 0L);
    }
    steps.put(BusinessStep.FACTORY, EPCS);
    steps.put(BusinessStep.WMS, EPCS);
    for (Location from : network.locations()) {
      for (Route route : network.knownRoutesFrom(from.id())) {
        if (route.stats() != null && route.stats().observed()) {
          long trips = route.stats().count();
          steps.merge(outboundStep(from), trips, Long::sum);
          steps.merge(inboundStep(route.to()), trips, Long::sum);
        }
      }
    }
    long counted = steps.values().stream().mapToLong(Long::longValue).sum();
    steps.put(BusinessStep.R_STOCK_OUTBOUND, EVENTS - counted);
    return steps;
  }

  private static BusinessStep outboundStep(Location location) {
    switch (location.tier()) {
      case WMS: return BusinessStep.WMS;
      case LOGISTICS_HUB: return BusinessStep.LOGISTICS_HUB;
      case WHOLESALER: return BusinessStep.W_STOCK_OUTBOUND;
      default: throw new IllegalArgumentException("no outbound step at tier " + location.tier());
    }
  }

  private static BusinessStep inboundStep(Location location) {
    switch (location.tier()) {
      case LOGISTICS_HUB: return BusinessStep.LOGISTICS_HUB;
      case WHOLESALER: return BusinessStep.W_STOCK_INBOUND;
      case RETAILER: return BusinessStep.R_STOCK_INBOUND;
      default: throw new IllegalArgumentException("no inbound step at tier " + location.tier());
    }
  }
}
