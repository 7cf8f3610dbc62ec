package org.barcodeanomaly.simulator.anomaly;

import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.event.EventType;
import org.barcodeanomaly.api.network.Tier;
import org.barcodeanomaly.simulator.trail.TierEvents;
import org.barcodeanomaly.simulator.trail.SimulatedTrail;

/**
 * A misconfigured reader writes an outbound with the wrong names. Outbounds are chosen because
 * nothing at the location follows them, so the wrong names break no later event's order.
 * <ul>
 *   <li>{@code loc-step-tier-mismatch}: the business step and the type of another tier's outbound
 *       (a hub writing W_Stock_Outbound). The step does not belong to the location's tier
 *       (locErr) and so neither does the type (evtOrderErr): both labels.</li>
 *   <li>{@code order-type-step-mismatch}: the step stays right for the location, the type is
 *       another tier's outbound (step Logistics_HUB, type W_Stock_Outbound): evtOrderErr only.</li>
 * </ul>
 */
final class MisstepInjector extends AbstractVariantInjector {

  private static final Tier[] OUTBOUND_TIERS = {Tier.WMS, Tier.LOGISTICS_HUB, Tier.WHOLESALER, Tier.RETAILER};

  MisstepInjector(AnomalyVariant variant, InjectionContext context) {
    super(variant, context,
        EnumSet.of(AnomalyVariant.LOC_STEP_TIER_MISMATCH, AnomalyVariant.ORDER_TYPE_STEP_MISMATCH));
  }

  @Override
  public List<Site> sites(SimulatedTrail trail) {
    return eventSites(trail, 0, i -> context.isOutbound(trail, i));
  }

  @Override
  public void inject(SimulatedTrail trail, Site site, SplittableRandom random) {
    int index = site.index();
    Tier own = context.tier(trail, index);
    EventType wrong = TierEvents.outbound(otherTier(own, random));
    if (variant == AnomalyVariant.LOC_STEP_TIER_MISMATCH) {
      trail.setStepAndType(index, wrong.step(), wrong);
      trail.label(index, AnomalyType.LOC_ERR);
    } else {
      trail.setStepAndType(index, trail.step(index), wrong);
    }
    trail.label(index, AnomalyType.EVT_ORDER_ERR);
  }

  private static Tier otherTier(Tier own, SplittableRandom random) {
    while (true) {
      Tier tier = OUTBOUND_TIERS[random.nextInt(OUTBOUND_TIERS.length)];
      if (tier != own) {
        return tier;
      }
    }
  }
}
