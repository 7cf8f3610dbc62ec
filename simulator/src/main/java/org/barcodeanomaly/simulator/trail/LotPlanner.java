package org.barcodeanomaly.simulator.trail;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.barcodeanomaly.api.epc.EpcRegistry;
import org.barcodeanomaly.simulator.chain.SupplyChainCalibration;

/**
 * Splits a run's EPCs among the four factories and each factory's share into lots.
 *
 * <p>A factory aggregates one lot of {@value SupplyChainCalibration#LOT_SIZE} EPCs (the last one
 * possibly smaller) every 4.5 to 6.3 minutes (5.4 on average) from the window's first second, and
 * its warehouse scans the lot in 25 to 35 minutes later, on a whole minute of the window as every
 * later scan of the data is. Each lot makes one product of the catalogue. Stateless.
 */
public final class LotPlanner {

  private final EpcRegistry registry;

  /** A planner drawing products from {@code registry}. */
  public LotPlanner(EpcRegistry registry) {
    this.registry = registry;
  }

  /**
   * EPCs per factory, in {@code registry.factories()} order, summing to {@code totalEpcs}.
   *
   * @throws IllegalArgumentException when {@code totalEpcs} is negative
   */
  public int[] epcsPerFactory(int totalEpcs) {
    if (totalEpcs < 0) {
      throw new IllegalArgumentException("EPC count must be >= 0, was " + totalEpcs);
    }
    List<EpcRegistry.Factory> factories = registry.factories();
    int[] counts = new int[factories.size()];
    int assigned = 0;
    for (int i = 0; i < counts.length - 1; i++) {
      counts[i] = (int) Math.round(totalEpcs * SupplyChainCalibration.factoryShare(factories.get(i).site()));
      assigned += counts[i];
    }
    counts[counts.length - 1] = Math.max(0, totalEpcs - assigned);
    return counts;
  }

  /** The lots of {@code epcs} EPCs made at {@code factory}, in production order. */
  public List<Lot> lots(EpcRegistry.Factory factory, int epcs, SplittableRandom random) {
    List<EpcRegistry.Product> products = registry.products();
    List<Lot> lots = new ArrayList<>();
    long aggregation = SupplyChainCalibration.WINDOW_START;
    long serial = 1;
    int index = 1;
    for (int remaining = epcs; remaining > 0; index++) {
      int size = Math.min(SupplyChainCalibration.LOT_SIZE, remaining);
      EpcRegistry.Product product = products.get(random.nextInt(products.size()));
      lots.add(new Lot(factory, index, product, serial, size, aggregation, wmsInbound(aggregation, random)));
      serial += size;
      remaining -= size;
      aggregation += SupplyChainCalibration.LOT_GAP_MIN_SECONDS + random.nextInt(
          SupplyChainCalibration.LOT_GAP_MAX_SECONDS - SupplyChainCalibration.LOT_GAP_MIN_SECONDS + 1);
    }
    return lots;
  }

  private static long wmsInbound(long aggregation, SplittableRandom random) {
    int delay = SupplyChainCalibration.WMS_INBOUND_DELAY_MIN_MINUTES + random.nextInt(
        SupplyChainCalibration.WMS_INBOUND_DELAY_MAX_MINUTES
            - SupplyChainCalibration.WMS_INBOUND_DELAY_MIN_MINUTES + 1);
    return SupplyChainCalibration.onMinuteGrid(aggregation) + delay * 60L;
  }
}
