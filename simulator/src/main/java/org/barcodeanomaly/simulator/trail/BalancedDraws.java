package org.barcodeanomaly.simulator.trail;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.barcodeanomaly.simulator.chain.SupplyChainModel;

/**
 * Pallet decisions with little variance: whether a node ships a pallet on and where it sends it.
 *
 * <p>A run has only about 2,000 pallets, so independent draws would move the set's size by a
 * percent or more from one seed to the next. Instead each node keeps a credit per outcome that
 * grows by the outcome's share at every pallet; the outcome with the most credit is taken and
 * pays one unit back (systematic sampling). Over any stretch of pallets each node then ships and
 * routes within one pallet of its shares. The credits start at random values, so the sequence
 * differs from seed to seed. One instance per run; not thread-safe.
 */
final class BalancedDraws {

  private final SupplyChainModel model;
  private final Map<Integer, double[]> shipCredits = new HashMap<>();
  private final Map<Integer, double[]> routeCredits = new HashMap<>();

  BalancedDraws(SupplyChainModel model) {
    this.model = model;
  }

  /** Whether the next pallet at {@code node} ships on before the window closes. */
  boolean ships(int node, SplittableRandom random) {
    if (!model.hasNextStop(node)) {
      return false;
    }
    double[] credit = shipCredits.computeIfAbsent(node, key -> new double[] {random.nextDouble()});
    credit[0] += model.shipShare(node);
    if (credit[0] >= 1) {
      credit[0] -= 1;
      return true;
    }
    return false;
  }

  /** Where the next pallet leaving {@code node} goes. */
  int nextStop(int node, SplittableRandom random) {
    int[] stops = model.nextStops(node);
    double[] shares = model.nextStopShares(node);
    double[] credit = routeCredits.computeIfAbsent(node, key -> initialCredits(shares.length, random));
    int best = 0;
    for (int i = 0; i < stops.length; i++) {
      credit[i] += shares[i];
      if (credit[i] > credit[best]) {
        best = i;
      }
    }
    credit[best] -= 1;
    return stops[best];
  }

  private static double[] initialCredits(int size, SplittableRandom random) {
    double[] credits = new double[size];
    for (int i = 0; i < size; i++) {
      credits[i] = random.nextDouble();
    }
    return credits;
  }
}
