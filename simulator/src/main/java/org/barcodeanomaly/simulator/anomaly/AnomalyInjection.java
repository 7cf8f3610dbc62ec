package org.barcodeanomaly.simulator.anomaly;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.barcodeanomaly.simulator.chain.SupplyChainModel;
import org.barcodeanomaly.simulator.trail.SimulatedTrail;

/**
 * Decides which EPCs carry an anomaly and of which variant, and injects it.
 *
 * <p>Each EPC carries an anomaly with probability {@code rate}, at most one. The variant is the
 * enabled one, among those the trail admits, that has been injected least so far (ties drawn at
 * random), so the enabled variants stay evenly mixed even though some need long trails (a scan
 * after POS_Sell needs a sale). Deterministic for a given sequence of trails and draws. Not
 * thread-safe: one instance per run.
 */
public final class AnomalyInjection {

  private final double rate;
  private final List<VariantInjector> injectors = new ArrayList<>();
  private final Map<AnomalyVariant, Long> counts = new EnumMap<>(AnomalyVariant.class);

  /**
   * Injection of {@code variants} into a share {@code rate} of EPCs.
   *
   * @throws IllegalArgumentException when {@code rate} is outside [0, 1] or no variant is enabled
   *     while {@code rate} is above 0
   */
  public AnomalyInjection(SupplyChainModel model, double rate, Set<AnomalyVariant> variants) {
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException("anomaly rate must be within [0, 1], was " + rate);
    }
    if (rate > 0 && variants.isEmpty()) {
      throw new IllegalArgumentException("anomaly rate is " + rate + " but no variant is enabled: "
          + "enable at least one or set the rate to 0");
    }
    this.rate = rate;
    InjectionContext context = new InjectionContext(model);
    for (AnomalyVariant variant : AnomalyVariant.values()) {
      if (variants.contains(variant)) {
        injectors.add(injectorFor(variant, context, model));
        counts.put(variant, 0L);
      }
    }
  }

  /**
   * Draws whether this trail's EPC carries an anomaly and, if so, injects one.
   *
   * @return the injected variant, or {@code null} when the EPC stays normal
   */
  public AnomalyVariant apply(SimulatedTrail trail, SplittableRandom random) {
    if (rate <= 0 || random.nextDouble() >= rate) {
      return null;
    }
    List<VariantInjector> fewest = new ArrayList<>();
    List<List<Site>> fewestSites = new ArrayList<>();
    long least = Long.MAX_VALUE;
    for (VariantInjector injector : injectors) {
      long count = counts.get(injector.variant());
      if (count > least) {
        continue;
      }
      List<Site> sites = injector.sites(trail);
      if (sites.isEmpty()) {
        continue;
      }
      if (count < least) {
        least = count;
        fewest.clear();
        fewestSites.clear();
      }
      fewest.add(injector);
      fewestSites.add(sites);
    }
    if (fewest.isEmpty()) {
      return null;
    }
    int pick = random.nextInt(fewest.size());
    List<Site> sites = fewestSites.get(pick);
    VariantInjector chosen = fewest.get(pick);
    chosen.inject(trail, sites.get(random.nextInt(sites.size())), random);
    counts.merge(chosen.variant(), 1L, Long::sum);
    return chosen.variant();
  }

  /** EPCs injected so far per enabled variant, in catalogue order. */
  public Map<AnomalyVariant, Long> counts() {
    return Collections.unmodifiableMap(counts);
  }

  private static VariantInjector injectorFor(AnomalyVariant variant, InjectionContext context,
      SupplyChainModel model) {
    switch (variant.type()) {
      case EPC_FAKE:
        return new EpcFakeInjector(variant, context);
      case EPC_DUP:
        return new EpcDupInjector(variant, context);
      case LOC_ERR:
        return variant == AnomalyVariant.LOC_STEP_TIER_MISMATCH
            ? new MisstepInjector(variant, context) : new DivertInjector(variant, context);
      case EVT_ORDER_ERR:
        return variant == AnomalyVariant.ORDER_TYPE_STEP_MISMATCH
            ? new MisstepInjector(variant, context) : new OrderInjector(variant, context);
      case JUMP:
        return new JumpInjector(variant, context);
      default:
        throw new IllegalStateException("no injector for " + variant);
    }
  }
}
