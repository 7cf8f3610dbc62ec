package org.barcodeanomaly.svm.train;

import java.util.EnumMap;
import java.util.Map;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.features.Feature;

/**
 * Which shared features each type's one-class SVM reads. A one-class model flags anything unusual
 * in what it sees, so each type sees only the features its anomaly shows in: given the travel
 * features, the locErr model would also flag every jump. The choices are explained per type in
 * svm-plugin/README.md; a saved model records its own list, so changing these does not affect it.
 */
public final class TypeFeatureSets {

  private static final Map<AnomalyType, Feature[]> DEFAULTS = new EnumMap<>(AnomalyType.class);

  static {
    DEFAULTS.put(AnomalyType.EPC_FAKE, new Feature[] {
        Feature.EPC_WELL_FORMED, Feature.EPC_HEADER_VALID, Feature.EPC_COMPANY_REGISTERED,
        Feature.EPC_PRODUCT_KNOWN, Feature.EPC_PRODUCT_OWNED, Feature.EPC_LOT_PREFIX_KNOWN,
        Feature.EPC_LOT_FACTORY_MATCH, Feature.EPC_SERIAL_VALID, Feature.EPC_DATE_VALID,
        Feature.EPC_MANUFACTURE_LEAD, Feature.MANUFACTURE_COLUMN_MISMATCH});
    // A duplicate read (same location and second) is normal: only other locations count.
    DEFAULTS.put(AnomalyType.EPC_DUP, new Feature[] {Feature.SAME_SECOND_OTHER_LOCATIONS});
    // No gap, tier step or plain skipped-tier feature: a missed visit skips a tier over days and a
    // long dwell stretches a gap; skippedTierOneLeg is the skip a missed visit cannot make.
    DEFAULTS.put(AnomalyType.LOC_ERR, new Feature[] {
        Feature.LOCATION_KNOWN, Feature.REVISIT, Feature.ROUTE_PLAUSIBLE, Feature.ROUTE_OFF_NETWORK,
        Feature.SKIPPED_TIER_ONE_LEG, Feature.ROUTE_LATERAL, Feature.ROUTE_BACKWARD,
        Feature.STEP_TIER_MISMATCH});
    // No rank delta: a missed visit jumps ranks forward.
    DEFAULTS.put(AnomalyType.EVT_ORDER_ERR, new Feature[] {
        Feature.EVENT_TYPE_KNOWN, Feature.RANK_REGRESS, Feature.TYPE_STEP_MISMATCH,
        Feature.TYPE_TIER_MISMATCH, Feature.REPEATED_INBOUND, Feature.OUTBOUND_WITHOUT_INBOUND,
        Feature.AFTER_SALE, Feature.LOCATION_CHANGED});
    // One-sided and skew-tolerant: delays, long dwells and clocks 15 minutes off show nothing.
    DEFAULTS.put(AnomalyType.JUMP, new Feature[] {
        Feature.TRAVEL_SHORTFALL, Feature.ARRIVAL_BEFORE_DEPARTURE});
  }

  private TypeFeatureSets() {
  }

  /** The features the SVM of {@code type} is trained on (a copy). */
  public static Feature[] of(AnomalyType type) {
    return DEFAULTS.get(type).clone();
  }
}
