package org.barcodeanomaly.simulator.anomaly;

import java.util.List;
import java.util.SplittableRandom;
import org.barcodeanomaly.simulator.trail.SimulatedTrail;

/**
 * Injects one variant of the catalogue into a trail and labels the events it makes anomalous.
 *
 * <p>{@link #sites} lists every place the variant fits, so whether a trail admits the variant is
 * known before anything changes; {@link #inject} then works on one of them and must succeed.
 */
interface VariantInjector {

  /** The variant this injector makes. */
  AnomalyVariant variant();

  /** Every place in {@code trail} where the variant can be injected; empty when nowhere. */
  List<Site> sites(SimulatedTrail trail);

  /** Injects the variant at {@code site}, one of {@link #sites}'s answers for this trail. */
  void inject(SimulatedTrail trail, Site site, SplittableRandom random);
}
