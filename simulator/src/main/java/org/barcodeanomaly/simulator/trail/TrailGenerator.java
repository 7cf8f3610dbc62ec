package org.barcodeanomaly.simulator.trail;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.barcodeanomaly.api.event.EventType;
import org.barcodeanomaly.api.network.Location;
import org.barcodeanomaly.api.network.Tier;
import org.barcodeanomaly.simulator.chain.SupplyChainCalibration;
import org.barcodeanomaly.simulator.chain.SupplyChainModel;
import org.barcodeanomaly.simulator.noise.FieldNoise;

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
 * <p>The field profile's reader noise is applied here, since it changes what was recorded: clock
 * skew on every time and a pallet's unread visits. All randomness comes from the generators passed in,
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
    private int visits;
    private long retailArrival;

    void plan(Lot lot, SplittableRandom random, SplittableRandom noiseRandom) {
      planVisits(lot, random);
      markUnread(noiseRandom);
    }

    private void planVisits(Lot lot, SplittableRandom random) {
      int node = model.warehouseOf(lot.factory().site()).id();
      long arrival = lot.wmsInboundSecond();
      visits = 0;
      retailArrival = -1;
      while (visits < MAX_VISITS) {
        nodes[visits] = node;
        inbound[visits] = arrival;
        outbound[visits] = -1;
        unread[visits] = false;
        visits++;
        Tier tier = model.network().location(node).tier();
        if (!pallets.ships(node, random)) {
          return;
        }
        long departure = arrival + model.dwellMinutes(tier, random) * 60L;
        if (departure > SupplyChainCalibration.WINDOW_END) {
          return;
        }
        outbound[visits - 1] = departure;
        if (tier == Tier.WHOLESALER) {
          long atRetailers = departure + model.travel().fanOutMinutes(node, random) * 60L;
          retailArrival = atRetailers <= SupplyChainCalibration.WINDOW_END ? atRetailers : -1;
          return;
        }
        int next = pallets.nextStop(node, random);
        arrival = departure + model.travel().observedMinutes(node, next, random) * 60L;
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
      for (int visit = 0; visit < visits; visit++) {
        if (unread[visit]) {
          continue;
        }
        Tier tier = model.network().location(nodes[visit]).tier();
        trail.add(nodes[visit], TierEvents.inbound(tier), record(nodes[visit], inbound[visit]));
        if (outbound[visit] >= 0) {
          trail.add(nodes[visit], TierEvents.outbound(tier), record(nodes[visit], outbound[visit]));
        }
      }
      if (retailArrival >= 0) {
        int retailer = model.nextStop(nodes[visits - 1], random);
        trail.add(retailer, EventType.R_STOCK_INBOUND, record(retailer, retailArrival));
        continuation.appendSales(trail, retailer, Integer.MAX_VALUE, random);
      }
    }

    private long record(int locationId, long trueSecond) {
      return noise.recorded(locationId, trueSecond);
    }
  }
}
