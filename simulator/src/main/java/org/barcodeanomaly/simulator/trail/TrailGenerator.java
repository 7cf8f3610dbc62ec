package org.barcodeanomaly.simulator.trail;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.barcodeanomaly.api.event.EventType;
import org.barcodeanomaly.api.network.Location;
import org.barcodeanomaly.api.network.Route;
import org.barcodeanomaly.api.network.Tier;
import org.barcodeanomaly.simulator.chain.SupplyChainCalibration;
import org.barcodeanomaly.simulator.chain.SupplyChainModel;
import org.barcodeanomaly.simulator.noise.FieldNoise;
import org.barcodeanomaly.simulator.noise.NoiseKind;

/**
 * Normal trails, lot by lot.
 *
 * <p>A lot is aggregated and scanned into its warehouse as one batch. It then travels as pallets
 * of {@value SupplyChainCalibration#PALLET_SIZE} EPCs: each pallet ships or stays at the
 * warehouse, the hub and the wholesaler as one unit, so its EPCs share every timestamp up to the
 * wholesaler's outbound and the arrival at the retailers. There each item goes to its own
 * retailer (the wholesaler serves all nine of its region in one delivery) and is taken out and
 * sold on its own days. A trail ends where its item is when the window closes, so it always starts
 * with the aggregation.
 *
 * <p>Pallet decisions are balanced ({@link BalancedDraws}) so that every run ships and routes its
 * pallets in the shares of the route table.
 *
 * <p>The field profile's noise that changes what happened or what was recorded is applied here:
 * clock skew on every time, a pallet's unread visits, slow legs and long stays, each marked on the
 * event it shows on. Noise draws come from their own generator, so a clean run draws nothing and
 * its trails are those of a run without noise. All randomness comes from the generators passed in,
 * so one seed gives one output. Not thread-safe: one instance per run.
 */
public final class TrailGenerator {

  private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
  private static final int SHELF_LIFE_MONTHS = 6;
  private static final int MAX_VISITS = 3;

  private final SupplyChainModel model;
  private final FieldNoise noise;
  private final TrailContinuation continuation;
  private final BalancedDraws pallets;

  /** Trails through {@code model} recorded with {@code noise}; one generator per run. */
  public TrailGenerator(SupplyChainModel model, FieldNoise noise) {
    this.model = model;
    this.noise = noise;
    this.continuation = new TrailContinuation(model);
    this.pallets = new BalancedDraws(model);
  }

  /**
   * Generates the trail of every EPC of {@code lot}, in serial order, handing each to
   * {@code sink}. The trail object is reused: the sink must finish with it before it returns.
   */
  public void generate(Lot lot, SplittableRandom random, SplittableRandom noiseRandom,
      Consumer<SimulatedTrail> sink) {
    EpcIdentity identity = identity(lot);
    String codePrefix = codePrefix(lot);
    SimulatedTrail trail = new SimulatedTrail();
    PalletRoute route = new PalletRoute();
    for (int offset = 0; offset < lot.size(); offset++) {
      if (offset % SupplyChainCalibration.PALLET_SIZE == 0) {
        route.plan(lot, random, noiseRandom);
      }
      trail.reset(codePrefix + String.format("%09d", lot.firstSerial() + offset), identity);
      route.appendTo(trail, lot, random);
      sink.accept(trail);
    }
  }

  private static EpcIdentity identity(Lot lot) {
    LocalDate made = SupplyChainCalibration.toDateTime(lot.aggregationSecond()).toLocalDate();
    String expiry = made.plusMonths(SHELF_LIFE_MONTHS).minusDays(1).format(DATE);
    return new EpcIdentity(lot.factory(), lot.product().name(), lot.aggregationSecond(), expiry);
  }

  private static String codePrefix(Lot lot) {
    LocalDate made = SupplyChainCalibration.toDateTime(lot.aggregationSecond()).toLocalDate();
    return "001." + lot.product().company() + "." + lot.product().code() + "." + lot.lotField()
        + "." + made.format(DATE) + ".";
  }

  /** Where one pallet goes and when, up to its arrival at the retailers. */
  private final class PalletRoute {
    private final int[] nodes = new int[MAX_VISITS];
    private final long[] inbound = new long[MAX_VISITS];
    private final long[] outbound = new long[MAX_VISITS];
    private final boolean[] unread = new boolean[MAX_VISITS];
    private final boolean[] slowArrival = new boolean[MAX_VISITS];
    private final boolean[] longStay = new boolean[MAX_VISITS];
    private int visits;
    private long retailArrival;
    private boolean slowRetailArrival;

    void plan(Lot lot, SplittableRandom random, SplittableRandom noiseRandom) {
      planVisits(lot, random, noiseRandom);
      markUnread(noiseRandom);
    }

    private void planVisits(Lot lot, SplittableRandom random, SplittableRandom noiseRandom) {
      int node = model.warehouseOf(lot.factory().site()).id();
      long arrival = lot.wmsInboundSecond();
      visits = 0;
      retailArrival = -1;
      slowRetailArrival = false;
      boolean slow = false;
      while (visits < MAX_VISITS) {
        nodes[visits] = node;
        inbound[visits] = arrival;
        outbound[visits] = -1;
        unread[visits] = false;
        slowArrival[visits] = slow;
        longStay[visits] = false;
        visits++;
        Tier tier = model.network().location(node).tier();
        if (!pallets.ships(node, random)) {
          return;
        }
        long dwell = model.dwellMinutes(tier, random) * 60L;
        long longDwell = noise.longDwellSeconds(noiseRandom);
        longStay[visits - 1] = longDwell >= 0;
        long departure = arrival + (longDwell >= 0 ? longDwell : dwell);
        if (departure > SupplyChainCalibration.WINDOW_END) {
          return;
        }
        outbound[visits - 1] = departure;
        if (tier == Tier.WHOLESALER) {
          long fanOut = model.travel().fanOutMinutes(node, random) * 60L;
          long slowFanOut = noise.slowLegSeconds(slowestSeconds(node, -1), noiseRandom);
          slowRetailArrival = slowFanOut >= 0;
          long atRetailers = departure + (slowFanOut >= 0 ? slowFanOut : fanOut);
          retailArrival = atRetailers <= SupplyChainCalibration.WINDOW_END ? atRetailers : -1;
          return;
        }
        int next = pallets.nextStop(node, random);
        long travel = model.travel().observedMinutes(node, next, random) * 60L;
        long slowTravel = noise.slowLegSeconds(slowestSeconds(node, next), noiseRandom);
        slow = slowTravel >= 0;
        arrival = departure + (slow ? slowTravel : travel);
        if (arrival > SupplyChainCalibration.WINDOW_END) {
          return;
        }
        node = next;
      }
    }

    /** A visit can go unread only when the pallet is seen again after it. */
    private void markUnread(SplittableRandom noiseRandom) {
      for (int visit = 1; visit < visits; visit++) {
        boolean seenAfter = visit < visits - 1 || retailArrival >= 0;
        unread[visit] = seenAfter && noise.missesVisit(noiseRandom);
      }
    }

    void appendTo(SimulatedTrail trail, Lot lot, SplittableRandom random) {
      Location factory = model.network().location(lot.factory().locationId());
      trail.add(factory.id(), EventType.AGGREGATION, record(factory.id(), lot.aggregationSecond()));
      boolean afterUnread = false;
      for (int visit = 0; visit < visits; visit++) {
        if (unread[visit]) {
          afterUnread = true;
          continue;
        }
        Tier tier = model.network().location(nodes[visit]).tier();
        trail.add(nodes[visit], TierEvents.inbound(tier), record(nodes[visit], inbound[visit]));
        markLast(trail, NoiseKind.SLOW_LEG, slowArrival[visit]);
        markLast(trail, NoiseKind.MISSED_VISIT, afterUnread);
        afterUnread = false;
        if (outbound[visit] >= 0) {
          trail.add(nodes[visit], TierEvents.outbound(tier), record(nodes[visit], outbound[visit]));
          markLast(trail, NoiseKind.LONG_DWELL, longStay[visit]);
        }
      }
      if (retailArrival >= 0) {
        int retailer = model.nextStop(nodes[visits - 1], random);
        trail.add(retailer, EventType.R_STOCK_INBOUND, record(retailer, retailArrival));
        markLast(trail, NoiseKind.SLOW_LEG, slowRetailArrival);
        continuation.appendSales(trail, retailer, Integer.MAX_VALUE, random);
      }
    }

    private void markLast(SimulatedTrail trail, NoiseKind kind, boolean marked) {
      if (marked) {
        trail.addNoise(trail.size() - 1, kind.bit());
      }
    }

    /**
     * The slowest observed trip from {@code from} to {@code to}, seconds; with {@code to} -1, the
     * slowest of all its observed routes (a wholesaler's deliveries to its retailers).
     */
    private long slowestSeconds(int from, int to) {
      double hours = 0;
      for (Route route : model.network().knownRoutesFrom(from)) {
        if ((to < 0 || route.to().id() == to) && route.stats() != null && route.stats().observed()) {
          hours = Math.max(hours, route.stats().maxHours());
        }
      }
      return Math.round(hours * 3_600);
    }

    private long record(int locationId, long trueSecond) {
      return noise.recorded(locationId, trueSecond);
    }
  }
}
