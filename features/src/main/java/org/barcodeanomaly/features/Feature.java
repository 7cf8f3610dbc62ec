package org.barcodeanomaly.features;

/**
 * The per-event features computed from an event and its EPC's trail: the shared vocabulary of the
 * learned detectors (the SVM selects and scales a subset per anomaly type; the LSTM reads them
 * as a sequence).
 *
 * <p>The constant order is the column order of a {@link FeatureMatrix}; {@link #id()} is the
 * stable name saved with models, so a model names the features it was trained on and a renamed
 * or reordered constant cannot silently feed it the wrong column. Every value is finite and lies
 * in {@code [min(), max()]}: extreme inputs are clipped, absent quantities take a documented
 * neutral value. {@code features/README.md} holds the same table with each feature's meaning.
 *
 * <p>"Previous event" means the event of the trail's previous second that the trail continues
 * from (events in the same second are not each other's predecessor: a second has no order; when
 * that second saw several locations, the one the next event's location is reached from). A
 * "move" is an event whose location differs from its previous event's. Members of a second seen
 * at several locations (a clone group) take the normal values of the move and rank features:
 * no move within a second can be judged.
 */
public enum Feature {
  // --- temporal ---
  LOG_GAP_HOURS("logGapHours", Group.TEMPORAL, 0, 9,
      "ln(1 + hours since the previous event); 0 for the first event"),
  HOUR_SIN("hourSin", Group.TEMPORAL, -1, 1, "sin(2π·hour-of-day/24), hour of the UTC instant"),
  HOUR_COS("hourCos", Group.TEMPORAL, -1, 1, "cos(2π·hour-of-day/24)"),
  DAY_OF_WEEK_SIN("dayOfWeekSin", Group.TEMPORAL, -1, 1, "sin(2π·day-of-week/7), Monday = 0"),
  DAY_OF_WEEK_COS("dayOfWeekCos", Group.TEMPORAL, -1, 1, "cos(2π·day-of-week/7)"),
  POSITION("position", Group.TEMPORAL, 0, 3,
      "index in the trail / 9 (a full normal trail has 10 events), clipped at 3"),
  PROGRESS("progress", Group.TEMPORAL, 0, 1,
      "index / (trail length − 1); 0 for a one-event trail (looks at the trail's length)"),
  LOG_HOURS_SINCE_FIRST("logHoursSinceFirst", Group.TEMPORAL, 0, 9,
      "ln(1 + hours since the trail's first event)"),

  // --- spatial ---
  LOCATION_KNOWN("locationKnown", Group.SPATIAL, 0, 1, "1 when location_id is in the network"),
  TIER("tier", Group.SPATIAL, -1, 4, "tier of the location, 0 factory … 4 retailer; −1 unknown"),
  TIER_STEP("tierStep", Group.SPATIAL, -4, 4,
      "tier minus the previous event's tier; 0 for the first event or an unknown location"),
  LOCATION_CHANGED("locationChanged", Group.SPATIAL, 0, 1,
      "1 for a move (location differs from the previous event's)"),
  REVISIT("revisit", Group.SPATIAL, 0, 1,
      "1 when a move returns to a location the trail had already left"),
  ROUTE_KNOWN("routeKnown", Group.SPATIAL, 0, 1, "move along a route of the network"),
  ROUTE_PLAUSIBLE("routePlausible", Group.SPATIAL, 0, 1,
      "move one tier down within the region rule, never observed"),
  ROUTE_OFF_NETWORK("routeOffNetwork", Group.SPATIAL, 0, 1,
      "move one tier down against the network's rules"),
  ROUTE_SKIPPED_TIER("routeSkippedTier", Group.SPATIAL, 0, 1, "move two or more tiers down"),
  ROUTE_LATERAL("routeLateral", Group.SPATIAL, 0, 1, "move within one tier"),
  ROUTE_BACKWARD("routeBackward", Group.SPATIAL, 0, 1, "move up the chain"),
  LOG_DISTANCE_KM("logDistanceKm", Group.SPATIAL, 0, 8,
      "ln(1 + great-circle km of the move); 0 when not a move or a location is unknown"),
  LOG_SPEED_KMH("logSpeedKmh", Group.SPATIAL, 0, 16,
      "ln(1 + km / hours of the move), the gap floored at one second; 0 when not a move"),
  TRAVEL_Z("travelZ", Group.SPATIAL, -5, 5,
      "(gap − route mean) / route std for a move along an observed route; 0 otherwise"),
  LOG_MIN_TRAVEL_RATIO("logMinTravelRatio", Group.SPATIAL, -8, 0,
      "ln(gap / fastest trip the network allows on the move's route, FastestTrips) for a move faster "
          + "than that trip; 0 otherwise (slower is a delay, not a jump)"),
  TRAVEL_SHORTFALL("travelShortfall", Group.SPATIAL, 0, 3,
      "for an inbound: how far its trip from the previous scan, or from the departure it follows in "
          + "the journey (the scan of the nearest earlier journey rank at another site), falls short of "
          + "the route's jump limit (fastest trip less two readers' clock skew, FastestTrips), in "
          + "fastest trips, the larger of the two; 0 when neither does (skew, delays and long dwells "
          + "never count)"),
  SKIPPED_TIER_ONE_LEG("skippedTierOneLeg", Group.SPATIAL, 0, 1,
      "1 for a move that skips a tier within one leg's time (under the missed-read gap, "
          + "NormalVariation): a missed visit spans two legs and a stay"),
  ARRIVAL_BEFORE_DEPARTURE("arrivalBeforeDeparture", Group.SPATIAL, 0, 1,
      "1 for a move followed by a scan further up the chain: the departure it came from was "
          + "time-stamped after it (looks ahead)"),
  STEP_TIER_MISMATCH("stepTierMismatch", Group.SPATIAL, 0, 1,
      "1 when business_step is unknown or belongs to another tier than the location's"),

  // --- EPC structure (one value per EPC, repeated on each of its events) ---
  EPC_WELL_FORMED("epcWellFormed", Group.EPC, 0, 1, "six dot-separated fields"),
  EPC_HEADER_VALID("epcHeaderValid", Group.EPC, 0, 1, "header is 001"),
  EPC_COMPANY_REGISTERED("epcCompanyRegistered", Group.EPC, 0, 1, "company is registered"),
  EPC_PRODUCT_KNOWN("epcProductKnown", Group.EPC, 0, 1, "product code is in the catalogue"),
  EPC_PRODUCT_OWNED("epcProductOwned", Group.EPC, 0, 1, "the company owns the product"),
  EPC_LOT_PREFIX_KNOWN("epcLotPrefixKnown", Group.EPC, 0, 1,
      "lot is six digits whose prefix is a factory's"),
  EPC_LOT_FACTORY_MATCH("epcLotFactoryMatch", Group.EPC, 0, 1,
      "the lot's factory is among the trail's factory scans (1 when the trail has none)"),
  EPC_SERIAL_VALID("epcSerialValid", Group.EPC, 0, 1, "serial is nine digits"),
  EPC_DATE_VALID("epcDateValid", Group.EPC, 0, 1, "manufacture field is a real YYYYMMDD date"),
  EPC_MANUFACTURE_LEAD("epcManufactureLead", Group.EPC, -8, 8,
      "signed ln(1 + days) by which the lead from the EPC's manufacture date to its first scan "
          + "leaves [−1 day, 5 years]: negative = made after its first scan, positive = older than "
          + "five years; 0 inside the window or when the date is unreadable"),
  MANUFACTURE_COLUMN_MISMATCH("manufactureColumnMismatch", Group.EPC, 0, 1,
      "1 when the raw file's manufacture_date is on another day than the EPC's date field"),

  // --- order within a visit and along the trail ---
  EVENT_TYPE_KNOWN("eventTypeKnown", Group.ORDER, 0, 1, "event_type is one of the ten"),
  JOURNEY_RANK("journeyRank", Group.ORDER, -1, 9,
      "position of the type along a normal trail, 0 Aggregation … 9 POS_Sell; −1 unknown"),
  RANK_DELTA("rankDelta", Group.ORDER, -10, 10,
      "journey rank minus the previous event's (the first event counts from −1): 1 is normal"),
  NEXT_RANK_DELTA("nextRankDelta", Group.ORDER, -10, 10,
      "the next event's journey rank minus this one's; 1 for the last event (looks ahead)"),
  RANK_REGRESS("rankRegress", Group.ORDER, 0, 1,
      "1 when the journey rank is below the highest rank already seen on the trail"),
  TYPE_STEP_MISMATCH("typeStepMismatch", Group.ORDER, 0, 1,
      "1 when event_type is unknown or does not belong to business_step"),
  TYPE_TIER_MISMATCH("typeTierMismatch", Group.ORDER, 0, 1,
      "1 when a known event_type belongs to another tier than its known location's"),
  REPEATED_INBOUND("repeatedInbound", Group.ORDER, 0, 5,
      "inbounds already seen in this visit of the location (a second inbound = 1), "
          + "whether or not an outbound came between"),
  OUTBOUND_WITHOUT_INBOUND("outboundWithoutInbound", Group.ORDER, 0, 1,
      "1 for an outbound in a visit that had no inbound"),
  AFTER_SALE("afterSale", Group.ORDER, 0, 1, "1 when a POS_Sell came earlier on the trail"),

  // --- the same second (cross-event context for clones) ---
  SAME_SECOND_OTHER_LOCATIONS("sameSecondOtherLocations", Group.SAME_SECOND, 0, 5,
      "distinct other locations where the EPC was scanned in the same second"),
  SAME_SECOND_REPEATS("sameSecondRepeats", Group.SAME_SECOND, 0, 5,
      "other reads of the EPC at the same location, second and event_type (duplicate reads)"),

  // --- behaviour of the trail so far ---
  LOCATION_ENTROPY("locationEntropy", Group.BEHAVIOUR, 0, 5,
      "Shannon entropy (nats) of the locations up to this event, × n / (n + 2) for short trails"),
  HOUR_ENTROPY("hourEntropy", Group.BEHAVIOUR, 0, 4,
      "Shannon entropy (nats) of the hours of day up to this event, × n / (n + 2)");

  /** Number of features: the width of a {@link FeatureMatrix} row. */
  public static final int COUNT = values().length;

  private static final Feature[] VALUES = values();

  /** What a feature describes; the README groups its table this way. */
  public enum Group { TEMPORAL, SPATIAL, EPC, ORDER, SAME_SECOND, BEHAVIOUR }

  private final String id;
  private final Group group;
  private final float min;
  private final float max;
  private final String meaning;

  Feature(String id, Group group, float min, float max, String meaning) {
    this.id = id;
    this.group = group;
    this.min = min;
    this.max = max;
    this.meaning = meaning;
  }

  /** The stable name saved with models and used in the README, e.g. {@code logGapHours}. */
  public String id() {
    return id;
  }

  /** What the feature describes. */
  public Group group() {
    return group;
  }

  /** Smallest value the feature takes. */
  public float min() {
    return min;
  }

  /** Largest value the feature takes. */
  public float max() {
    return max;
  }

  /** One sentence on what the value means. */
  public String meaning() {
    return meaning;
  }

  /** The feature at a column index. */
  public static Feature ofIndex(int index) {
    return VALUES[index];
  }

  /**
   * The feature whose {@link #id()} is {@code id}.
   *
   * @throws IllegalArgumentException naming the id when no feature has it (a model saved with a
   *     feature this version no longer computes)
   */
  public static Feature fromId(String id) {
    for (Feature feature : VALUES) {
      if (feature.id.equals(id)) {
        return feature;
      }
    }
    throw new IllegalArgumentException("unknown feature id '" + id
        + "': this version computes " + COUNT + " features, listed in features/README.md");
  }

  /** {@code value} clipped to this feature's range. */
  float clip(double value) {
    return (float) Math.max(min, Math.min(max, value));
  }
}
