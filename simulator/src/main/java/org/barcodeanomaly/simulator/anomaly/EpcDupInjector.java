package org.barcodeanomaly.simulator.anomaly;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.network.Location;
import org.barcodeanomaly.simulator.trail.TierEvents;
import org.barcodeanomaly.simulator.trail.SimulatedTrail;

/**
 * epcDup: a cloned code is scanned in elsewhere in the very second a genuine event of the trail
 * happens. The clone row follows the genuine one in the file. The genuine event and every clone
 * are labelled.
 *
 * <p>A clone is always an inbound (Aggregation at a factory) at a location the trail never visits:
 * so the clone adds no order error of its own and no later genuine visit turns into a second
 * inbound.
 */
final class EpcDupInjector extends AbstractVariantInjector {

  /** Distance from the genuine scan beyond which a clone counts as distant, km. */
  static final double DISTANT_KM = 100.0;

  EpcDupInjector(AnomalyVariant variant, InjectionContext context) {
    super(variant, context, variantsOf(AnomalyType.EPC_DUP));
  }

  @Override
  public List<Site> sites(SimulatedTrail trail) {
    List<Site> sites = new ArrayList<>();
    for (int i = 0; i < trail.size(); i++) {
      Location genuine = context.location(trail, i);
      if (genuine == null) {
        continue;
      }
      List<Location> first = variant == AnomalyVariant.DUP_DISTANT_TIER
          ? distantClones(trail, genuine) : sameTierClones(trail, genuine);
      if (variant == AnomalyVariant.DUP_THREE_LOCATIONS && distantClones(trail, genuine).isEmpty()) {
        continue;
      }
      for (Location clone : first) {
        sites.add(new Site(i, clone.id()));
      }
    }
    return sites;
  }

  @Override
  public void inject(SimulatedTrail trail, Site site, SplittableRandom random) {
    int genuine = site.index();
    Location genuineLocation = context.location(trail, genuine);
    List<Location> clones = new ArrayList<>();
    clones.add(context.network.location(site.target()));
    if (variant == AnomalyVariant.DUP_THREE_LOCATIONS) {
      List<Location> distant = distantClones(trail, genuineLocation);
      clones.add(distant.get(random.nextInt(distant.size())));
    }
    trail.label(genuine, AnomalyType.EPC_DUP);
    for (int c = 0; c < clones.size(); c++) {
      Location clone = clones.get(c);
      int row = genuine + 1 + c;
      trail.insert(row, clone.id(), TierEvents.inbound(clone.tier()).step(),
          TierEvents.inbound(clone.tier()), trail.time(genuine));
      trail.label(row, AnomalyType.EPC_DUP);
    }
  }

  private List<Location> sameTierClones(SimulatedTrail trail, Location genuine) {
    return context.locations(candidate -> candidate.tier() == genuine.tier()
        && !InjectionContext.visits(trail, candidate.id()));
  }

  private List<Location> distantClones(SimulatedTrail trail, Location genuine) {
    return context.locations(candidate ->
        Math.abs(candidate.tier().level() - genuine.tier().level()) >= 2
            && candidate.distanceKm(genuine) >= DISTANT_KM
            && !InjectionContext.visits(trail, candidate.id()));
  }
}
