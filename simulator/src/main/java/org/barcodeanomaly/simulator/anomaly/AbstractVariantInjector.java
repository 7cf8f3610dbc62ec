package org.barcodeanomaly.simulator.anomaly;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.simulator.trail.SimulatedTrail;

/**
 * What every injector shares: the variant it makes, checked against the variants its class
 * handles, and the injection context.
 */
abstract class AbstractVariantInjector implements VariantInjector {

  final AnomalyVariant variant;
  final InjectionContext context;

  /**
   * @throws IllegalArgumentException when {@code variant} is not one of {@code handled}
   */
  AbstractVariantInjector(AnomalyVariant variant, InjectionContext context, Set<AnomalyVariant> handled) {
    if (!handled.contains(variant)) {
      throw new IllegalArgumentException(getClass().getSimpleName() + " does not make " + variant.id()
          + "; it makes " + handled.stream().map(AnomalyVariant::id).toList());
    }
    this.variant = variant;
    this.context = context;
  }

  @Override
  public final AnomalyVariant variant() {
    return variant;
  }

  /** The variants of {@code type}, less {@code except}. */
  static Set<AnomalyVariant> variantsOf(AnomalyType type, AnomalyVariant... except) {
    Set<AnomalyVariant> variants = EnumSet.noneOf(AnomalyVariant.class);
    for (AnomalyVariant variant : AnomalyVariant.values()) {
      if (variant.type() == type) {
        variants.add(variant);
      }
    }
    variants.removeAll(List.of(except));
    return variants;
  }

  /** One site per event from {@code first} on that passes {@code fits}. */
  static List<Site> eventSites(SimulatedTrail trail, int first, IntPredicate fits) {
    List<Site> sites = new ArrayList<>();
    for (int i = first; i < trail.size(); i++) {
      if (fits.test(i)) {
        sites.add(Site.at(i));
      }
    }
    return sites;
  }
}
