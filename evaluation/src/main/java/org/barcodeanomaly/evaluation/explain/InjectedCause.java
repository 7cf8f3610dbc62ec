package org.barcodeanomaly.evaluation.explain;

import java.util.HashSet;
import java.util.Set;
import org.barcodeanomaly.features.Feature;

/**
 * Which features (by {@link Feature#id()}, and the rules' names for the numbers they compare) belong
 * to the cause the simulator injected with each anomaly variant: the field it changed and what is
 * computed from that field. An explanation whose top feature is among them names the real cause.
 *
 * <p>By variant family: a fake EPC's changed code field ({@code fake-header}: the header's validity,
 * and so on); a clone's same-second features; a wrong location's spatial features (where the item
 * was, the route, the distance and the speed it implies); an order error's event-type and visit
 * features; a jump's time and travel features (and, for a far-away scan, the location's too).
 */
public final class InjectedCause {

  private static final Set<String> TRAVEL = Set.of("logGapHours", "logHoursSinceFirst", "logSpeedKmh", "travelZ",
      "logMinTravelRatio", "travelShortfall", "arrivalBeforeDeparture", "travelHours", "rankRegress");
  private static final Set<String> STEP_AND_TYPE = Set.of("stepTierMismatch", "typeTierMismatch",
      "typeStepMismatch", "eventTypeKnown", "journeyRank", "rankDelta", "nextRankDelta");

  private InjectedCause() {
  }

  /**
   * The features of variant {@code variant}'s cause.
   *
   * @throws IllegalArgumentException naming the variant when it is of no known family
   */
  public static Set<String> features(String variant) {
    switch (variant) {
      case "fake-field-count":
        // Five or seven fields shift every field after the change: each field check is of it.
        return group(Feature.Group.EPC);
      case "fake-field-format":
        return Set.of("epcWellFormed", "epcCompanyRegistered", "epcProductKnown", "epcProductOwned",
            "epcLotPrefixKnown", "epcLotFactoryMatch", "epcSerialValid", "epcDateValid");
      case "fake-header":
        return Set.of("epcHeaderValid");
      case "fake-company":
        return Set.of("epcCompanyRegistered", "epcProductOwned");
      case "fake-product-owner":
        return Set.of("epcProductOwned", "epcProductKnown");
      case "fake-lot-prefix":
        return Set.of("epcLotPrefixKnown", "epcLotFactoryMatch");
      case "fake-manufacture-after-scan":
        return Set.of("epcManufactureLead", "epcDateValid", "manufactureColumnMismatch");
      case "loc-step-tier-mismatch":
        return STEP_AND_TYPE;
      case "order-outbound-before-inbound":
        return union(group(Feature.Group.ORDER), Set.of("logGapHours", "repeatedOutbound", "arrivalBeforeDeparture"));
      case "jump-far-minutes-later":
        return union(TRAVEL, group(Feature.Group.SPATIAL));
      default:
        break;
    }
    if (variant.startsWith("dup-")) {
      return group(Feature.Group.SAME_SECOND);
    }
    if (variant.startsWith("loc-")) {
      return union(group(Feature.Group.SPATIAL), Set.of("locationEntropy"));
    }
    if (variant.startsWith("order-")) {
      return union(group(Feature.Group.ORDER), Set.of("repeatedOutbound"));
    }
    if (variant.startsWith("jump-")) {
      return TRAVEL;
    }
    throw new IllegalArgumentException("anomaly variant '" + variant + "' is of no family this version knows "
        + "(fake-, dup-, loc-, order-, jump-): add its cause to InjectedCause");
  }

  private static Set<String> group(Feature.Group group) {
    Set<String> ids = new HashSet<>();
    for (Feature feature : Feature.values()) {
      if (feature.group() == group) {
        ids.add(feature.id());
      }
    }
    return ids;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }
}
