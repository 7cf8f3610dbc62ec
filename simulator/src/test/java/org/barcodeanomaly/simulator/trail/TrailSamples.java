package org.barcodeanomaly.simulator.trail;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.barcodeanomaly.api.epc.EpcRegistry;
import org.barcodeanomaly.simulator.chain.SupplyChainModel;
import org.barcodeanomaly.simulator.noise.FieldNoise;

/** Normal trails straight from the generator, for tests that perturb them. */
public final class TrailSamples {

  private TrailSamples() {
  }

  /** Copies of the clean trails of {@code epcsPerFactory} EPCs of every factory, seeded. */
  public static List<SimulatedTrail> normalTrails(SupplyChainModel model, int epcsPerFactory, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    TrailGenerator generator = new TrailGenerator(model, FieldNoise.none());
    LotPlanner planner = new LotPlanner(model.registry());
    List<SimulatedTrail> trails = new ArrayList<>();
    for (EpcRegistry.Factory factory : model.registry().factories()) {
      for (Lot lot : planner.lots(factory, epcsPerFactory, random.split())) {
        generator.generate(lot, random.split(), random.split(), trail -> trails.add(trail.copy()));
      }
    }
    return trails;
  }
}
