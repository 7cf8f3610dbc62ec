package org.barcodeanomaly.simulator.chain;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The numbers that make simulated trails look like the production data set (docs/spec/DATA.md), in one
 * place, each with where it comes from.
 *
 * <p>Times are whole seconds of the data's zone-less local time, counted as if it were UTC
 * ({@link #toSeconds}); the files never carry a zone, so no zone enters the simulation.
 *
 * <p>What is measured directly in docs/spec/DATA.md: the window, the lot rhythm, the 30-minute warehouse
 * inbound, the file sizes. What is derived: the factory shares and lot counts (40/24/20/16 lots of
 * 2,000 reproduce the four file sizes together with the route counts of
 * {@code transition_stats.csv}), the warehouses' shipping shares (observed departures divided by
 * the factory's EPCs) and the retail sale-through (fitted so that the icn and kum files reach their
 * sizes). Routing shares, hub and wholesaler shipping shares and travel times come from the route
 * table itself, through {@link SupplyChainModel}.
 */
public final class SupplyChainCalibration {

  /** First scan of the production data: 2025-07-01 10:23:38. */
  public static final long WINDOW_START = toSeconds(LocalDateTime.of(2025, 7, 1, 10, 23, 38));
  /** Last second of the production data's 168-day window: 2025-12-16 14:02:39. */
  public static final long WINDOW_END = toSeconds(LocalDateTime.of(2025, 12, 16, 14, 2, 39));

  /** EPCs of the production data set. */
  public static final int DEFAULT_EPCS = 200_000;
  /** EPCs aggregated together at a factory: one product, one timestamp. */
  public static final int LOT_SIZE = 2_000;
  /** EPCs that travel together from the warehouse to the wholesaler, sharing every timestamp. */
  public static final int PALLET_SIZE = 100;

  /** Shortest gap between two lots of one factory, seconds (the mean gap is 5.4 minutes). */
  public static final int LOT_GAP_MIN_SECONDS = 270;
  /** Longest gap between two lots of one factory, seconds. */
  public static final int LOT_GAP_MAX_SECONDS = 378;
  /** Warehouse inbound after aggregation, minutes: shortest. */
  public static final int WMS_INBOUND_DELAY_MIN_MINUTES = 25;
  /** Warehouse inbound after aggregation, minutes: longest. */
  public static final int WMS_INBOUND_DELAY_MAX_MINUTES = 35;

  /** Dwell of a pallet in the factory warehouse before it ships, minutes (1 to 49 days). */
  public static final Range WAREHOUSE_DWELL = Range.days(1, 49);
  /** Dwell of a pallet at a logistics hub, minutes (1 to 35 days). */
  public static final Range HUB_DWELL = Range.days(1, 35);
  /** Dwell of a pallet at a wholesaler, minutes (1 to 42 days). */
  public static final Range WHOLESALER_DWELL = Range.days(1, 42);
  /** From R_Stock_Inbound to R_Stock_Outbound of one item, minutes (12 hours to 14 days). */
  public static final Range SHELF_DWELL = new Range(12 * 60, 14 * 24 * 60);
  /** From R_Stock_Outbound to POS_Sell of one item, minutes (1 to 42 days). */
  public static final Range SALE_DWELL = Range.days(1, 42);

  private SupplyChainCalibration() {
  }

  /**
   * Share of all EPCs made at a factory site: icn 40 %, hws 24 %, ygs 20 %, kum 16 % (40, 24, 20
   * and 16 lots of 2,000 in the default set).
   *
   * @throws IllegalArgumentException for a site that is not one of the four factories
   */
  public static double factoryShare(String site) {
    switch (site) {
      case "ICN": return 0.40;
      case "HWS": return 0.24;
      case "YGS": return 0.20;
      case "KUM": return 0.16;
      default: throw unknownSite(site);
    }
  }

  /**
   * Probability that an item at a retailer is taken out of stock, and again that it is then sold.
   * Only the icn and kum files have retail sales (docs/spec/DATA.md: hws and ygs trails stop at
   * R_Stock_Inbound); the two values are fitted so that both files reach their published sizes.
   */
  public static double saleThrough(String site) {
    switch (site) {
      case "ICN": return 0.46;
      case "KUM": return 0.55;
      case "HWS":
      case "YGS": return 0.0;
      default: throw unknownSite(site);
    }
  }

  /**
   * The first whole minute of the window at or after {@code second}: every scan after the
   * aggregation sits on one in the production data (they all end in :38).
   */
  public static long onMinuteGrid(long second) {
    return WINDOW_START + Math.floorDiv(second - WINDOW_START + 59, 60) * 60;
  }

  /** Seconds of a zone-less data time, read as if it were UTC. */
  public static long toSeconds(LocalDateTime time) {
    return time.toEpochSecond(ZoneOffset.UTC);
  }

  /** The zone-less data time of {@code seconds}. */
  public static LocalDateTime toDateTime(long seconds) {
    return LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
  }

  private static IllegalArgumentException unknownSite(String site) {
    return new IllegalArgumentException("factory site '" + site
        + "' is not one of ICN, HWS, YGS, KUM");
  }

  /**
   * An inclusive range of whole minutes from which a dwell is drawn uniformly.
   *
   * @param minMinutes shortest dwell
   * @param maxMinutes longest dwell
   */
  public record Range(int minMinutes, int maxMinutes) {

    /** A range of whole days, expressed in minutes. */
    static Range days(int minDays, int maxDays) {
      return new Range(minDays * 24 * 60, maxDays * 24 * 60);
    }
  }
}
