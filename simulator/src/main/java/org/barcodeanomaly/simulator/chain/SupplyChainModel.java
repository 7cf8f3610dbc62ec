package org.barcodeanomaly.simulator.chain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.barcodeanomaly.api.epc.EpcRegistry;
import org.barcodeanomaly.api.network.Location;
import org.barcodeanomaly.api.network.LocationNetwork;
import org.barcodeanomaly.api.network.Route;
import org.barcodeanomaly.api.network.RouteStats;
import org.barcodeanomaly.api.network.Tier;

/**
 * How goods move through the network in the simulation: where a shipment goes next, whether it
 * ships at all before the window closes, how long it dwells and travels.
 *
 * <p>Everything is read from the shared reference tables rather than copied: a node's onward
 * destinations and their shares are its observed routes weighted by trip counts; a hub's or
 * wholesaler's shipping share is its observed departures divided by its observed arrivals (what
 * does not ship is still in stock when the window closes, which is how trails are cut); a factory
 * warehouse's share is its observed departures divided by the factory's EPCs in the production set.
 * Immutable and thread-safe.
 */
public final class SupplyChainModel {

  private final LocationNetwork network;
  private final EpcRegistry registry;
  private final TravelTimeSampler travel;
  private final HubTypeNames hubTypes;
  private final Map<Integer, Choice> nextStops = new HashMap<>();
  private final Map<Integer, Double> shipShares = new HashMap<>();
  private final Map<String, Location> warehouses = new HashMap<>();

  /** The model of the given network and catalogue. */
  public SupplyChainModel(LocationNetwork network, EpcRegistry registry) {
    this.network = network;
    this.registry = registry;
    this.travel = new TravelTimeSampler(network);
    this.hubTypes = new HubTypeNames(network);
    Map<Integer, Long> arrivals = new HashMap<>();
    Map<Integer, Long> departures = new HashMap<>();
    for (Location from : network.locations()) {
      if (from.tier() == Tier.WMS) {
        warehouses.put(from.site(), from);
      }
      List<Route> observed = observedRoutesFrom(from);
      for (Route route : observed) {
        arrivals.merge(route.to().id(), route.stats().count(), Long::sum);
        departures.merge(from.id(), route.stats().count(), Long::sum);
      }
      if (!observed.isEmpty()) {
        nextStops.put(from.id(), Choice.of(observed));
      }
    }
    for (Location location : network.locations()) {
      long out = departures.getOrDefault(location.id(), 0L);
      if (location.tier() == Tier.WMS) {
        double epcs = SupplyChainCalibration.DEFAULT_EPCS
            * SupplyChainCalibration.factoryShare(location.site());
        shipShares.put(location.id(), Math.min(1.0, out / epcs));
      } else if (arrivals.containsKey(location.id())) {
        shipShares.put(location.id(), Math.min(1.0, (double) out / arrivals.get(location.id())));
      }
    }
  }

  /** The model of the bundled reference network and catalogue. */
  public static SupplyChainModel standard() {
    return new SupplyChainModel(LocationNetwork.standard(), EpcRegistry.standard());
  }

  /** The network the model moves goods through. */
  public LocationNetwork network() {
    return network;
  }

  /** The EPC catalogue. */
  public EpcRegistry registry() {
    return registry;
  }

  /** Travel times. */
  public TravelTimeSampler travel() {
    return travel;
  }

  /** hub_type names. */
  public HubTypeNames hubTypes() {
    return hubTypes;
  }

  /**
   * The warehouse of a factory site.
   *
   * @throws IllegalArgumentException when the network has no warehouse for {@code site}
   */
  public Location warehouseOf(String site) {
    Location warehouse = warehouses.get(site);
    if (warehouse == null) {
      throw new IllegalArgumentException("no WMS location for factory site '" + site + "'");
    }
    return warehouse;
  }

  /** Probability that a shipment at {@code locationId} leaves before the window closes; 0 for a dead end. */
  public double shipShare(int locationId) {
    return shipShares.getOrDefault(locationId, 0.0);
  }

  /** Whether any observed route leaves {@code locationId}. */
  public boolean hasNextStop(int locationId) {
    return nextStops.containsKey(locationId);
  }

  /**
   * The next stop of a shipment leaving {@code locationId}, drawn by observed trip shares.
   *
   * @throws IllegalArgumentException when no observed route leaves the location
   */
  public int nextStop(int locationId, SplittableRandom random) {
    Choice choice = nextStops.get(locationId);
    if (choice == null) {
      throw new IllegalArgumentException("no observed route leaves location " + locationId);
    }
    return choice.draw(random);
  }

  /** The observed next stops of {@code locationId}, in network order; empty for a dead end. */
  public int[] nextStops(int locationId) {
    Choice choice = nextStops.get(locationId);
    return choice == null ? new int[0] : choice.destinations.clone();
  }

  /** The share of trips to each of {@link #nextStops}, summing to 1; empty for a dead end. */
  public double[] nextStopShares(int locationId) {
    Choice choice = nextStops.get(locationId);
    if (choice == null) {
      return new double[0];
    }
    double total = choice.cumulative[choice.cumulative.length - 1];
    double[] shares = new double[choice.cumulative.length];
    for (int i = 0; i < shares.length; i++) {
      shares[i] = (choice.cumulative[i] - (i == 0 ? 0 : choice.cumulative[i - 1])) / total;
    }
    return shares;
  }

  /**
   * Minutes a pallet dwells at a location of {@code tier} before it ships on.
   *
   * @throws IllegalArgumentException for tiers whose stock does not ship on as pallets
   */
  public int dwellMinutes(Tier tier, SplittableRandom random) {
    switch (tier) {
      case WMS: return draw(SupplyChainCalibration.WAREHOUSE_DWELL, random);
      case LOGISTICS_HUB: return draw(SupplyChainCalibration.HUB_DWELL, random);
      case WHOLESALER: return draw(SupplyChainCalibration.WHOLESALER_DWELL, random);
      default:
        throw new IllegalArgumentException("no pallet dwell at tier " + tier
            + ": only WMS, LOGISTICS_HUB and WHOLESALER ship pallets on");
    }
  }

  /** Minutes from an item's R_Stock_Inbound to its R_Stock_Outbound. */
  public int shelfMinutes(SplittableRandom random) {
    return draw(SupplyChainCalibration.SHELF_DWELL, random);
  }

  /** Minutes from an item's R_Stock_Outbound to its POS_Sell. */
  public int saleMinutes(SplittableRandom random) {
    return draw(SupplyChainCalibration.SALE_DWELL, random);
  }

  private static int draw(SupplyChainCalibration.Range range, SplittableRandom random) {
    return range.minMinutes() + random.nextInt(range.maxMinutes() - range.minMinutes() + 1);
  }

  private List<Route> observedRoutesFrom(Location from) {
    List<Route> observed = new ArrayList<>();
    for (Route route : network.knownRoutesFrom(from.id())) {
      RouteStats stats = route.stats();
      if (stats != null && stats.observed()) {
        observed.add(route);
      }
    }
    return observed;
  }

  /** A draw among destinations weighted by observed trip counts. */
  private static final class Choice {
    private final int[] destinations;
    private final long[] cumulative;

    private Choice(int[] destinations, long[] cumulative) {
      this.destinations = destinations;
      this.cumulative = cumulative;
    }

    static Choice of(List<Route> routes) {
      int[] destinations = new int[routes.size()];
      long[] cumulative = new long[routes.size()];
      long total = 0;
      for (int i = 0; i < routes.size(); i++) {
        destinations[i] = routes.get(i).to().id();
        total += routes.get(i).stats().count();
        cumulative[i] = total;
      }
      return new Choice(destinations, cumulative);
    }

    int draw(SplittableRandom random) {
      long ticket = random.nextLong(cumulative[cumulative.length - 1]);
      for (int i = 0; i < cumulative.length; i++) {
        if (ticket < cumulative[i]) {
          return destinations[i];
        }
      }
      return destinations[destinations.length - 1];
    }
  }
}
