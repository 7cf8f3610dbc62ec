package org.barcodeanomaly.features;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The features the normal variation of real scan data cannot make look like an anomaly: slow
 * legs, long dwells, readers' clocks up to 15 minutes off and late rows ({@code docs/spec/ANOMALIES.md},
 * {@code NormalVariation}) leave each of them at the value the same trail has without them; a
 * duplicate read shows only in {@link Feature#SAME_SECOND_REPEATS}, which says so; a missed visit
 * only in the route flags, the way it shows in every normal training set.
 *
 * <p>Why it exists: a learned detector flags what is unusual in what it sees. Given the raw gaps,
 * speeds, travel z-scores, hours of day or location entropy, a model trained on a simulator reads
 * a delay, a dwell of months or a skewed clock as an anomaly and raises thousands of false alarms
 * per million scans (issue 12). These features carry every anomaly type's evidence in a form
 * that variation leaves alone: one-sided and skew-tolerant travel ({@link Feature#TRAVEL_SHORTFALL}),
 * a skipped tier within one leg's time ({@link Feature#SKIPPED_TIER_ONE_LEG}, a missed visit spans
 * two), other locations in the same second (a duplicate read has none), order and consistency
 * flags, EPC structure.
 *
 * <p>The LSTM reads all of them as its candidate inputs (before its redundancy analysis); the
 * SVM reads a subset per anomaly type ({@code TypeFeatureSets}). Left out on purpose: the clock
 * and position features, raw gaps and speeds ({@code logGapHours}, {@code logSpeedKmh},
 * {@code travelZ}, {@code logMinTravelRatio}, which a 15-minute skew moves on a short leg),
 * {@code tierStep}, {@code routeSkippedTier}, {@code rankDelta} and {@code nextRankDelta} (a
 * missed visit moves them), the entropies (long trails and dwells move them).
 */
public final class VariationProofFeatures {

  private static final Set<Feature> FEATURES = Collections.unmodifiableSet(EnumSet.of(
      // EPC structure: one value per EPC, no scan-time variation reaches it
      Feature.EPC_WELL_FORMED, Feature.EPC_HEADER_VALID, Feature.EPC_COMPANY_REGISTERED,
      Feature.EPC_PRODUCT_KNOWN, Feature.EPC_PRODUCT_OWNED, Feature.EPC_LOT_PREFIX_KNOWN,
      Feature.EPC_LOT_FACTORY_MATCH, Feature.EPC_SERIAL_VALID, Feature.EPC_DATE_VALID,
      Feature.EPC_MANUFACTURE_LEAD, Feature.MANUFACTURE_COLUMN_MISMATCH,
      // where the EPC went, judged against the network, not against the clock
      Feature.LOCATION_KNOWN, Feature.TIER, Feature.LOCATION_CHANGED, Feature.REVISIT,
      Feature.ROUTE_KNOWN, Feature.ROUTE_PLAUSIBLE, Feature.ROUTE_OFF_NETWORK, Feature.ROUTE_LATERAL,
      Feature.ROUTE_BACKWARD, Feature.SKIPPED_TIER_ONE_LEG, Feature.STEP_TIER_MISMATCH,
      // travel: one-sided and skew-tolerant
      Feature.TRAVEL_SHORTFALL, Feature.ARRIVAL_BEFORE_DEPARTURE,
      // order and consistency of the event types
      Feature.EVENT_TYPE_KNOWN, Feature.JOURNEY_RANK, Feature.RANK_REGRESS, Feature.TYPE_STEP_MISMATCH,
      Feature.TYPE_TIER_MISMATCH, Feature.REPEATED_INBOUND, Feature.OUTBOUND_WITHOUT_INBOUND,
      Feature.AFTER_SALE,
      // the same second: other locations are a clone, repeats at one location a duplicate read
      Feature.SAME_SECOND_OTHER_LOCATIONS, Feature.SAME_SECOND_REPEATS));

  private VariationProofFeatures() {
  }

  /** The features, in {@link Feature} (column) order. */
  public static List<Feature> list() {
    return List.copyOf(FEATURES);
  }

  /** Whether normal variation leaves {@code feature} alone. */
  public static boolean contains(Feature feature) {
    return FEATURES.contains(feature);
  }
}
