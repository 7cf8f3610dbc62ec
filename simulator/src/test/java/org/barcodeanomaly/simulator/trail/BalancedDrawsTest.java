package org.barcodeanomaly.simulator.trail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.SplittableRandom;
import org.barcodeanomaly.simulator.chain.SupplyChainModel;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Pallet decisions keep every node within one pallet of its shares. */
class BalancedDrawsTest {

  private static final int PALLETS = 997;
  private final SupplyChainModel model = SupplyChainModel.standard();

  @Test
  @DisplayName("a node ships its share of pallets, give or take one")
  void shipsItsShare() {
    BalancedDraws draws = new BalancedDraws(model);
    SplittableRandom random = new SplittableRandom(1);
    int hub = 19;
    int shipped = 0;
    for (int i = 0; i < PALLETS; i++) {
      shipped += draws.ships(hub, random) ? 1 : 0;
    }
    assertThat((double) shipped).isCloseTo(PALLETS * model.shipShare(hub), offset(1.0));
  }

  @Test
  @DisplayName("a node routes its pallets in the route table's shares, give or take one")
  void routesInShares() {
    BalancedDraws draws = new BalancedDraws(model);
    SplittableRandom random = new SplittableRandom(2);
    int warehouse = 5;
    int[] stops = model.nextStops(warehouse);
    double[] shares = model.nextStopShares(warehouse);
    int[] counts = new int[stops.length];
    for (int i = 0; i < PALLETS; i++) {
      int stop = draws.nextStop(warehouse, random);
      for (int s = 0; s < stops.length; s++) {
        counts[s] += stops[s] == stop ? 1 : 0;
      }
    }
    for (int s = 0; s < stops.length; s++) {
      assertThat((double) counts[s]).as("pallets to %d", stops[s])
          .isCloseTo(PALLETS * shares[s], offset(1.0));
    }
  }

  @Test
  @DisplayName("a dead end never ships")
  void deadEndNeverShips() {
    BalancedDraws draws = new BalancedDraws(model);
    int neverShips = 27;
    assertThat(model.shipShare(neverShips)).isZero();
    for (int i = 0; i < 100; i++) {
      assertThat(draws.ships(neverShips, new SplittableRandom(i))).isFalse();
    }
  }
}
