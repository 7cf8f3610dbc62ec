package org.barcodeanomaly.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.barcodeanomaly.api.event.EventType;
import org.barcodeanomaly.api.event.ScanEvent;
import org.barcodeanomaly.api.network.LocationNetwork;
import org.barcodeanomaly.api.network.RouteStats;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FeatureExtractorTest {

  private static final Offset<Float> EXACT = within(1e-5f);
  private static final FeatureExtractor EXTRACTOR = FeatureExtractor.standard();
  private static final LocationNetwork NETWORK = LocationNetwork.standard();

  /** The row of input event {@code index}: tests build one trail, so trail order = input order
   *  only when the input is sorted; this looks the row up either way. */
  private static int rowOf(FeatureMatrix matrix, int index) {
    for (int row = 0; row < matrix.rows(); row++) {
      if (matrix.eventIndex(row) == index) {
        return row;
      }
    }
    throw new AssertionError("no row for event " + index);
  }

  private static float value(FeatureMatrix matrix, int index, Feature feature) {
    return matrix.get(rowOf(matrix, index), feature);
  }

  @Nested
  @DisplayName("on a normal ten-event trail")
  class NormalTrail {

    private final FeatureMatrix matrix = EXTRACTOR.extract(TrailBuilder.normalTrail().events());

    @Test
    @DisplayName("every event is in order, on a known route, with a valid EPC and nothing repeated")
    void nothingIsOdd() {
      for (int i = 0; i < 10; i++) {
        assertThat(value(matrix, i, Feature.RANK_DELTA)).isEqualTo(1f);
        assertThat(value(matrix, i, Feature.NEXT_RANK_DELTA)).isEqualTo(1f);
        assertThat(value(matrix, i, Feature.JOURNEY_RANK)).isEqualTo(i);
        for (Feature zero : new Feature[] {Feature.RANK_REGRESS, Feature.TYPE_STEP_MISMATCH,
            Feature.TYPE_TIER_MISMATCH,
            Feature.STEP_TIER_MISMATCH, Feature.REPEATED_INBOUND, Feature.OUTBOUND_WITHOUT_INBOUND,
            Feature.AFTER_SALE, Feature.REVISIT, Feature.SAME_SECOND_OTHER_LOCATIONS,
            Feature.SAME_SECOND_REPEATS, Feature.EPC_MANUFACTURE_LEAD,
            Feature.MANUFACTURE_COLUMN_MISMATCH}) {
          assertThat(value(matrix, i, zero)).as("%s of event %d", zero.id(), i).isZero();
        }
        for (Feature one : new Feature[] {Feature.LOCATION_KNOWN, Feature.EVENT_TYPE_KNOWN,
            Feature.EPC_WELL_FORMED, Feature.EPC_HEADER_VALID, Feature.EPC_COMPANY_REGISTERED,
            Feature.EPC_PRODUCT_KNOWN, Feature.EPC_PRODUCT_OWNED, Feature.EPC_LOT_PREFIX_KNOWN,
            Feature.EPC_LOT_FACTORY_MATCH, Feature.EPC_SERIAL_VALID, Feature.EPC_DATE_VALID}) {
          assertThat(value(matrix, i, one)).as("%s of event %d", one.id(), i).isEqualTo(1f);
        }
      }
    }

    @Test
    @DisplayName("arrivals are one-tier-down moves along known routes; departures stay put")
    void movesAreKnownRoutes() {
      for (int i : new int[] {1, 3, 5, 7}) {
        assertThat(value(matrix, i, Feature.LOCATION_CHANGED)).isEqualTo(1f);
        assertThat(value(matrix, i, Feature.ROUTE_KNOWN)).isEqualTo(1f);
        assertThat(value(matrix, i, Feature.TIER_STEP)).isEqualTo(1f);
      }
      for (int i : new int[] {0, 2, 4, 6, 8, 9}) {
        assertThat(value(matrix, i, Feature.LOCATION_CHANGED)).isZero();
        assertThat(value(matrix, i, Feature.ROUTE_KNOWN)).isZero();
        assertThat(value(matrix, i, Feature.LOG_SPEED_KMH)).isZero();
      }
      assertThat(value(matrix, 7, Feature.TIER)).isEqualTo(4f);
    }

    @Test
    @DisplayName("a trip along an observed route is measured against that route's statistics")
    void travelAgainstRouteStatistics() {
      RouteStats stats = NETWORK.route(5, 13).stats();
      double km = NETWORK.route(5, 13).distanceKm();

      assertThat(value(matrix, 3, Feature.TRAVEL_Z))
          .isCloseTo((float) ((5 - stats.meanHours()) / stats.stdHours()), EXACT);
      assertThat(value(matrix, 3, Feature.LOG_MIN_TRAVEL_RATIO)).as("slower than the fastest trip").isZero();
      assertThat(value(matrix, 3, Feature.ARRIVAL_BEFORE_DEPARTURE)).isZero();
      assertThat(value(matrix, 3, Feature.LOG_SPEED_KMH)).isCloseTo((float) Math.log1p(km / 5), EXACT);
      assertThat(value(matrix, 3, Feature.LOG_DISTANCE_KM)).isCloseTo((float) Math.log1p(km), EXACT);
    }

    @Test
    @DisplayName("the factory-to-warehouse leg has no observed statistics, so its z-score is 0")
    void factoryLegHasNoStatistics() {
      assertThat(value(matrix, 1, Feature.ROUTE_KNOWN)).isEqualTo(1f);
      assertThat(value(matrix, 1, Feature.TRAVEL_Z)).isZero();
      assertThat(value(matrix, 1, Feature.LOG_MIN_TRAVEL_RATIO)).isZero();
    }

    @Test
    @DisplayName("time features: gap, clock, weekday, position and progress")
    void temporalFeatures() {
      assertThat(value(matrix, 0, Feature.LOG_GAP_HOURS)).isZero();
      assertThat(value(matrix, 2, Feature.LOG_GAP_HOURS)).isCloseTo((float) Math.log1p(47.5), EXACT);
      assertThat(value(matrix, 9, Feature.LOG_HOURS_SINCE_FIRST))
          .isCloseTo((float) Math.log1p(300), EXACT);
      // 10:00 UTC on Tuesday 2025-07-01 (Monday = 0).
      assertThat(value(matrix, 0, Feature.HOUR_SIN)).isCloseTo((float) Math.sin(2 * Math.PI * 10 / 24), EXACT);
      assertThat(value(matrix, 0, Feature.HOUR_COS)).isCloseTo((float) Math.cos(2 * Math.PI * 10 / 24), EXACT);
      assertThat(value(matrix, 0, Feature.DAY_OF_WEEK_SIN)).isCloseTo((float) Math.sin(2 * Math.PI / 7), EXACT);
      assertThat(value(matrix, 0, Feature.DAY_OF_WEEK_COS)).isCloseTo((float) Math.cos(2 * Math.PI / 7), EXACT);
      assertThat(value(matrix, 0, Feature.POSITION)).isZero();
      assertThat(value(matrix, 9, Feature.POSITION)).isEqualTo(1f);
      assertThat(value(matrix, 3, Feature.PROGRESS)).isCloseTo(3f / 9, EXACT);
      assertThat(value(matrix, 9, Feature.PROGRESS)).isEqualTo(1f);
    }

    @Test
    @DisplayName("entropies grow with the trail and are shrunk by n / (n + 2)")
    void entropies() {
      assertThat(value(matrix, 0, Feature.LOCATION_ENTROPY)).isZero();
      assertThat(value(matrix, 1, Feature.LOCATION_ENTROPY))
          .isCloseTo((float) (Math.log(2) * 2 / 4), EXACT);
      double threeEvents = Math.log(3) - 2 * Math.log(2) / 3;
      assertThat(value(matrix, 2, Feature.LOCATION_ENTROPY)).isCloseTo((float) (threeEvents * 3 / 5), EXACT);
      // Hours 10, 10:30 and 10:00 two days later: bins {10, 10, 10}.
      assertThat(value(matrix, 2, Feature.HOUR_ENTROPY)).isZero();
    }

    @Test
    @DisplayName("the last event looks ahead to nothing: its next-rank delta is the normal 1")
    void lastEventLooksAheadToNothing() {
      assertThat(value(matrix, 9, Feature.NEXT_RANK_DELTA)).isEqualTo(1f);
    }
  }

  @Nested
  @DisplayName("on broken moves")
  class BrokenMoves {

    @Test
    @DisplayName("a move back up the chain is backward, a revisit, one tier up")
    void backwardMove() {
      List<ScanEvent> events = new ArrayList<>(TrailBuilder.normalTrail().events().subList(0, 5));
      events.add(new ScanEvent(6, 1, TrailBuilder.EPC, 5, "WMS", "WMS_Inbound",
          TrailBuilder.T0.plusSeconds(130 * 3600)));
      FeatureMatrix matrix = EXTRACTOR.extract(events);

      assertThat(value(matrix, 5, Feature.ROUTE_BACKWARD)).isEqualTo(1f);
      assertThat(value(matrix, 5, Feature.REVISIT)).isEqualTo(1f);
      assertThat(value(matrix, 5, Feature.TIER_STEP)).isEqualTo(-1f);
      assertThat(value(matrix, 5, Feature.RANK_DELTA)).isEqualTo(-3f);
      assertThat(value(matrix, 5, Feature.RANK_REGRESS)).isEqualTo(1f);
      assertThat(value(matrix, 5, Feature.REPEATED_INBOUND)).isZero();
    }

    @Test
    @DisplayName("a warehouse-to-retailer move skips tiers")
    void skippedTier() {
      FeatureMatrix matrix = EXTRACTOR.extract(new TrailBuilder()
          .at(0, 1, EventType.AGGREGATION).at(1, 5, EventType.WMS_INBOUND)
          .at(40, 5, EventType.WMS_OUTBOUND).at(45, 53, EventType.R_STOCK_INBOUND).events());

      assertThat(value(matrix, 3, Feature.ROUTE_SKIPPED_TIER)).isEqualTo(1f);
      assertThat(value(matrix, 3, Feature.ROUTE_KNOWN)).isZero();
      assertThat(value(matrix, 3, Feature.TIER_STEP)).isEqualTo(3f);
      assertThat(value(matrix, 3, Feature.RANK_DELTA)).isEqualTo(5f);
      assertThat(value(matrix, 2, Feature.NEXT_RANK_DELTA)).isEqualTo(5f);
      assertThat(value(matrix, 3, Feature.TRAVEL_Z)).isZero();
    }

    @Test
    @DisplayName("a location outside the network has tier −1 and no route features")
    void unknownLocation() {
      FeatureMatrix matrix = EXTRACTOR.extract(new TrailBuilder()
          .at(0, 1, EventType.AGGREGATION).at(1, 999, EventType.WMS_INBOUND).events());

      assertThat(value(matrix, 1, Feature.LOCATION_KNOWN)).isZero();
      assertThat(value(matrix, 1, Feature.TIER)).isEqualTo(-1f);
      assertThat(value(matrix, 1, Feature.LOCATION_CHANGED)).isEqualTo(1f);
      assertThat(value(matrix, 1, Feature.TIER_STEP)).isZero();
      assertThat(value(matrix, 1, Feature.LOG_DISTANCE_KM)).isZero();
      assertThat(value(matrix, 1, Feature.STEP_TIER_MISMATCH)).isZero();
    }

    @Test
    @DisplayName("a one-minute trip on a route whose fastest trip took 67 minutes is far below it")
    void tooFastTrip() {
      FeatureMatrix matrix = EXTRACTOR.extract(new TrailBuilder()
          .at(0, 5, EventType.WMS_OUTBOUND).at(1.0 / 60, 13, EventType.HUB_INBOUND).events());
      RouteStats stats = NETWORK.route(5, 13).stats();

      assertThat(value(matrix, 1, Feature.LOG_MIN_TRAVEL_RATIO))
          .isCloseTo((float) Math.log((1.0 / 60) / stats.minHours()), EXACT);
      assertThat(value(matrix, 1, Feature.TRAVEL_Z)).isEqualTo(-2.3434f, within(1e-3f));
    }

    @Test
    @DisplayName("an arrival time-stamped before its departure is followed by a scan up the chain")
    void arrivalBeforeDeparture() {
      FeatureMatrix matrix = EXTRACTOR.extract(new TrailBuilder()
          .at(0, 5, EventType.WMS_INBOUND).at(30, 13, EventType.HUB_INBOUND)
          .at(31, 5, EventType.WMS_OUTBOUND).events());

      assertThat(value(matrix, 1, Feature.ARRIVAL_BEFORE_DEPARTURE)).isEqualTo(1f);
      assertThat(value(matrix, 2, Feature.ARRIVAL_BEFORE_DEPARTURE)).as("a move up, not followed by one").isZero();
    }
  }

  @Nested
  @DisplayName("on order within a visit")
  class VisitOrder {

    @Test
    @DisplayName("coming back into a wholesaler after leaving it is a repeated inbound")
    void repeatedInbound() {
      FeatureMatrix matrix = EXTRACTOR.extract(new TrailBuilder()
          .at(0, 23, EventType.W_STOCK_INBOUND).at(10, 23, EventType.W_STOCK_OUTBOUND)
          .at(11, 23, EventType.W_STOCK_INBOUND).at(12, 23, EventType.W_STOCK_INBOUND).events());

      assertThat(value(matrix, 0, Feature.REPEATED_INBOUND)).isZero();
      assertThat(value(matrix, 2, Feature.REPEATED_INBOUND)).isEqualTo(1f);
      assertThat(value(matrix, 3, Feature.REPEATED_INBOUND)).isEqualTo(2f);
      assertThat(value(matrix, 2, Feature.RANK_DELTA)).isEqualTo(-1f);
      assertThat(value(matrix, 2, Feature.RANK_REGRESS)).isEqualTo(1f);
      assertThat(value(matrix, 2, Feature.LOCATION_CHANGED)).isZero();
    }

    @Test
    @DisplayName("an outbound at a location the item never came into has no inbound")
    void outboundWithoutInbound() {
      FeatureMatrix matrix = EXTRACTOR.extract(new TrailBuilder()
          .at(0, 1, EventType.AGGREGATION).at(2, 5, EventType.WMS_OUTBOUND).events());

      assertThat(value(matrix, 1, Feature.OUTBOUND_WITHOUT_INBOUND)).isEqualTo(1f);
      assertThat(value(matrix, 1, Feature.RANK_DELTA)).isEqualTo(2f);
    }

    @Test
    @DisplayName("any scan after the sale is after a sale")
    void afterSale() {
      FeatureMatrix matrix = EXTRACTOR.extract(new TrailBuilder()
          .at(0, 53, EventType.R_STOCK_INBOUND).at(5, 53, EventType.POS_SELL)
          .at(8, 53, EventType.R_STOCK_OUTBOUND).events());

      assertThat(value(matrix, 1, Feature.AFTER_SALE)).isZero();
      assertThat(value(matrix, 2, Feature.AFTER_SALE)).isEqualTo(1f);
      assertThat(value(matrix, 2, Feature.RANK_REGRESS)).isEqualTo(1f);
    }

    @Test
    @DisplayName("a type of another step, an unknown step and an unknown type are flagged")
    void vocabularyMismatches() {
      FeatureMatrix matrix = EXTRACTOR.extract(new TrailBuilder()
          .raw(0, 5, "WMS", "HUB_Inbound")
          .raw(1, 5, "Warehouse", "WMS_Outbound")
          .raw(2, 5, "WMS", "Shipped").events());

      assertThat(value(matrix, 0, Feature.TYPE_STEP_MISMATCH)).isEqualTo(1f);
      assertThat(value(matrix, 0, Feature.STEP_TIER_MISMATCH)).isZero();
      assertThat(value(matrix, 0, Feature.TYPE_TIER_MISMATCH)).isEqualTo(1f);
      assertThat(value(matrix, 2, Feature.TYPE_TIER_MISMATCH)).isZero();
      assertThat(value(matrix, 1, Feature.STEP_TIER_MISMATCH)).isEqualTo(1f);
      assertThat(value(matrix, 1, Feature.TYPE_STEP_MISMATCH)).isEqualTo(1f);
      assertThat(value(matrix, 2, Feature.EVENT_TYPE_KNOWN)).isZero();
      assertThat(value(matrix, 2, Feature.JOURNEY_RANK)).isEqualTo(-1f);
    }

    @Test
    @DisplayName("a step of another tier than its location is a step-tier mismatch")
    void stepOfAnotherTier() {
      FeatureMatrix matrix = EXTRACTOR.extract(new TrailBuilder()
          .at(0, 13, EventType.WMS_INBOUND).events());

      assertThat(value(matrix, 0, Feature.STEP_TIER_MISMATCH)).isEqualTo(1f);
      assertThat(value(matrix, 0, Feature.TYPE_TIER_MISMATCH)).isEqualTo(1f);
    }
  }

  @Nested
  @DisplayName("on events of the same second")
  class SameSecond {

    @Test
    @DisplayName("one EPC at two locations in one second: each sees one other location")
    void clonedCode() {
      FeatureMatrix matrix = EXTRACTOR.extract(new TrailBuilder()
          .at(0, 5, EventType.WMS_OUTBOUND).at(5, 13, EventType.HUB_INBOUND)
          .at(5, 17, EventType.HUB_INBOUND).events());

      assertThat(value(matrix, 1, Feature.SAME_SECOND_OTHER_LOCATIONS)).isEqualTo(1f);
      assertThat(value(matrix, 2, Feature.SAME_SECOND_OTHER_LOCATIONS)).isEqualTo(1f);
      assertThat(value(matrix, 0, Feature.SAME_SECOND_OTHER_LOCATIONS)).isZero();
      // Both are timed from the warehouse, not from each other, and neither is judged as a move.
      assertThat(value(matrix, 2, Feature.LOG_GAP_HOURS)).isCloseTo((float) Math.log1p(5), EXACT);
      for (int clone : new int[] {1, 2}) {
        assertThat(value(matrix, clone, Feature.LOCATION_CHANGED)).isZero();
        assertThat(value(matrix, clone, Feature.ROUTE_KNOWN)).isZero();
        assertThat(value(matrix, clone, Feature.RANK_DELTA)).isEqualTo(1f);
      }
    }

    @Test
    @DisplayName("the trail goes on from the clone-group member at the next event's location")
    void trailContinuesFromTheMemberWhereItGoesOn() {
      FeatureMatrix matrix = EXTRACTOR.extract(new TrailBuilder()
          .at(0, 5, EventType.WMS_OUTBOUND).at(5, 17, EventType.HUB_INBOUND)
          .at(5, 13, EventType.HUB_INBOUND).at(50, 17, EventType.HUB_OUTBOUND).events());

      assertThat(value(matrix, 3, Feature.LOCATION_CHANGED)).isZero();
      assertThat(value(matrix, 3, Feature.OUTBOUND_WITHOUT_INBOUND)).isZero();
      assertThat(value(matrix, 3, Feature.RANK_DELTA)).isEqualTo(1f);
      assertThat(value(matrix, 3, Feature.LOG_GAP_HOURS)).isCloseTo((float) Math.log1p(45), EXACT);
    }

    @Test
    @DisplayName("three locations in one second, one of them read twice: distinct locations counted")
    void cloneCountsDistinctLocations() {
      FeatureMatrix matrix = EXTRACTOR.extract(new TrailBuilder()
          .at(5, 13, EventType.HUB_INBOUND).at(5, 17, EventType.HUB_INBOUND)
          .at(5, 17, EventType.HUB_INBOUND).at(5, 15, EventType.HUB_INBOUND).events());

      assertThat(value(matrix, 0, Feature.SAME_SECOND_OTHER_LOCATIONS)).isEqualTo(2f);
      assertThat(value(matrix, 1, Feature.SAME_SECOND_OTHER_LOCATIONS)).isEqualTo(2f);
      assertThat(value(matrix, 2, Feature.SAME_SECOND_REPEATS)).isEqualTo(1f);
    }

    @Test
    @DisplayName("a repeated read copies its first read's row and only counts as a repeat")
    void duplicateRead() {
      FeatureMatrix matrix = EXTRACTOR.extract(new TrailBuilder()
          .at(0, 5, EventType.WMS_INBOUND).at(1, 5, EventType.WMS_INBOUND)
          .at(1, 5, EventType.WMS_INBOUND).events());

      assertThat(matrix.row(rowOf(matrix, 2))).containsExactly(matrix.row(rowOf(matrix, 1)));
      assertThat(value(matrix, 2, Feature.SAME_SECOND_REPEATS)).isEqualTo(1f);
      assertThat(value(matrix, 1, Feature.REPEATED_INBOUND)).isEqualTo(1f);
    }
  }

  @Nested
  @DisplayName("on EPC structure")
  class EpcStructureFeatures {

    private float epcValue(String epc, Feature feature) {
      FeatureMatrix matrix = EXTRACTOR.extract(new TrailBuilder().epc(epc)
          .at(0, 1, EventType.AGGREGATION).at(1, 5, EventType.WMS_INBOUND).events());
      assertThat(matrix.get(1, feature)).as("every event of the EPC carries it")
          .isEqualTo(matrix.get(0, feature));
      return matrix.get(0, feature);
    }

    @Test
    @DisplayName("a code without six fields is malformed in every field")
    void malformed() {
      for (Feature feature : new Feature[] {Feature.EPC_WELL_FORMED, Feature.EPC_HEADER_VALID,
          Feature.EPC_COMPANY_REGISTERED, Feature.EPC_PRODUCT_OWNED, Feature.EPC_LOT_PREFIX_KNOWN,
          Feature.EPC_LOT_FACTORY_MATCH, Feature.EPC_DATE_VALID, Feature.EPC_MANUFACTURE_LEAD}) {
        assertThat(epcValue("001.8804823.1293291", feature)).as(feature.id()).isZero();
      }
    }

    @Test
    @DisplayName("content a format check misses: foreign product, unknown lot prefix, another factory's lot")
    void impossibleContent() {
      assertThat(epcValue("001.8804823.2932031.010004.20250701.000004002", Feature.EPC_PRODUCT_KNOWN)).isEqualTo(1f);
      assertThat(epcValue("001.8804823.2932031.010004.20250701.000004002", Feature.EPC_PRODUCT_OWNED)).isZero();
      assertThat(epcValue("001.8804823.1293291.990004.20250701.000004002", Feature.EPC_LOT_PREFIX_KNOWN)).isZero();
      assertThat(epcValue("001.8804823.1293291.050004.20250701.000004002", Feature.EPC_LOT_PREFIX_KNOWN)).isEqualTo(1f);
      assertThat(epcValue("001.8804823.1293291.050004.20250701.000004002", Feature.EPC_LOT_FACTORY_MATCH)).isZero();
      assertThat(epcValue("002.8804823.1293291.010004.20250701.000004002", Feature.EPC_HEADER_VALID)).isZero();
      assertThat(epcValue("001.1234567.1293291.010004.20250701.000004002", Feature.EPC_COMPANY_REGISTERED)).isZero();
      assertThat(epcValue("001.8804823.1293291.010004.20250701.00004002", Feature.EPC_SERIAL_VALID)).isZero();
    }

    @Test
    @DisplayName("manufacture dates are judged against the first scan, not the wall clock")
    void manufactureLead() {
      assertThat(epcValue("001.8804823.1293291.010004.20250705.000004002", Feature.EPC_MANUFACTURE_LEAD))
          .as("made 4 days after its first scan: 3 beyond the 1-day tolerance")
          .isCloseTo((float) -Math.log1p(3), EXACT);
      assertThat(epcValue("001.8804823.1293291.010004.20250702.000004002", Feature.EPC_MANUFACTURE_LEAD))
          .as("one day later is within the tolerance").isZero();
      assertThat(epcValue("001.8804823.1293291.010004.20210701.000004002", Feature.EPC_MANUFACTURE_LEAD))
          .as("four years old").isZero();
      assertThat(epcValue("001.8804823.1293291.010004.20190701.000004002", Feature.EPC_MANUFACTURE_LEAD))
          .as("2,192 days old: 366 beyond five years").isCloseTo((float) Math.log1p(366), EXACT);
      assertThat(epcValue("001.8804823.1293291.010004.20251341.000004002", Feature.EPC_DATE_VALID)).isZero();
    }

    @Test
    @DisplayName("a raw manufacture_date column on another day than the code's date is a mismatch")
    void manufactureColumn() {
      ScanEvent event = new ScanEvent(1, 1, TrailBuilder.EPC, 1, "Factory", "Aggregation",
          TrailBuilder.T0, TrailBuilder.T0.minusSeconds(5 * 86_400));
      ScanEvent sameDay = new ScanEvent(1, 1, TrailBuilder.EPC, 1, "Factory", "Aggregation",
          TrailBuilder.T0, TrailBuilder.T0);

      assertThat(EXTRACTOR.extract(List.of(event)).get(0, Feature.MANUFACTURE_COLUMN_MISMATCH)).isEqualTo(1f);
      assertThat(EXTRACTOR.extract(List.of(sameDay)).get(0, Feature.MANUFACTURE_COLUMN_MISMATCH)).isZero();
    }
  }

  @Test
  @DisplayName("extracting trail by trail gives the same rows as extracting the whole batch")
  void chunkedExtractionMatchesWhole() {
    List<ScanEvent> events = new ArrayList<>();
    events.addAll(TrailBuilder.normalTrail().events());
    events.addAll(new TrailBuilder().epc("001.8805843.2932031.050001.20250701.000000001")
        .at(3, 2, EventType.AGGREGATION).at(4, 7, EventType.WMS_INBOUND).events());
    events.addAll(new TrailBuilder().epc("garbage").at(1, 999, EventType.POS_SELL).events());
    Trails trails = Trails.group(events);
    FeatureMatrix whole = EXTRACTOR.extract(trails, 0, trails.count());

    for (int trail = 0; trail < trails.count(); trail++) {
      FeatureMatrix part = EXTRACTOR.extract(trails, trail, trail + 1);
      for (int row = 0; row < part.rows(); row++) {
        assertThat(part.eventIndex(row)).isEqualTo(whole.eventIndex(part.firstPosition() + row));
        assertThat(part.row(row)).containsExactly(whole.row(part.firstPosition() + row));
      }
    }
  }

  @Test
  @DisplayName("every value stays within its feature's documented range, even on absurd input")
  void valuesStayInRange() {
    List<ScanEvent> events = new TrailBuilder()
        .at(0, 158, EventType.POS_SELL).at(0.0001, 1, EventType.AGGREGATION)
        .at(50_000, 1, EventType.AGGREGATION).raw(50_001, -7, "", "")
        .at(50_001, 53, EventType.R_STOCK_INBOUND).at(50_001, 2, EventType.R_STOCK_INBOUND)
        .at(50_001, 3, EventType.R_STOCK_INBOUND).at(50_001, 4, EventType.R_STOCK_INBOUND)
        .at(50_001, 5, EventType.R_STOCK_INBOUND).at(50_001, 7, EventType.R_STOCK_INBOUND)
        .at(50_001, 9, EventType.R_STOCK_INBOUND).epc("001.8804823.1293291.010004.99991231.000004002")
        .at(-50_000, 1, EventType.AGGREGATION).events();
    FeatureMatrix matrix = EXTRACTOR.extract(events);

    for (int row = 0; row < matrix.rows(); row++) {
      for (Feature feature : Feature.values()) {
        assertThat(matrix.get(row, feature)).as(feature.id())
            .isBetween(feature.min(), feature.max()).isFinite();
      }
    }
  }

  @Test
  @DisplayName("an empty batch gives an empty matrix")
  void emptyBatch() {
    assertThat(EXTRACTOR.extract(List.of()).rows()).isZero();
  }

  @Nested
  @DisplayName("travel against the network, with the normal variation the spec names")
  class TravelShortfall {

    // The normal trail: factory 1 at 0 h, warehouse 5 at 0.5 h, out at 48 h, hub 13 (5 -> 13:
    // fastest observed trip 1.1167 h, jump limit 0.6167 h) at 53 h.

    @Test
    @DisplayName("a normal trail falls short of no jump limit, and skips no tier in one leg")
    void normalTrailHasNone() {
      FeatureMatrix matrix = EXTRACTOR.extract(TrailBuilder.normalTrail().events());
      for (int i = 0; i < 10; i++) {
        assertThat(value(matrix, i, Feature.TRAVEL_SHORTFALL)).as("event %d", i).isZero();
        assertThat(value(matrix, i, Feature.SKIPPED_TIER_ONE_LEG)).as("event %d", i).isZero();
      }
    }

    @Test
    @DisplayName("an arrival at a quarter of the fastest trip falls short by the limit less the trip, in fastest trips")
    void fastArrival() {
      double fastest = 4020 / 3600.0;
      FeatureMatrix matrix = EXTRACTOR.extract(new TrailBuilder().at(0, 1, EventType.AGGREGATION)
          .at(0.5, 5, EventType.WMS_INBOUND).at(48, 5, EventType.WMS_OUTBOUND)
          .at(48 + fastest / 4, 13, EventType.HUB_INBOUND).events());

      assertThat(value(matrix, 3, Feature.TRAVEL_SHORTFALL))
          .isCloseTo((float) ((fastest - 0.5 - fastest / 4) / fastest), within(1e-3f));
    }

    @Test
    @DisplayName("clocks 30 minutes apart on the fastest trip, a slow leg and a long dwell fall short of nothing")
    void normalVariationIsNoShortfall() {
      double fastest = 4020 / 3600.0;
      FeatureMatrix skewed = EXTRACTOR.extract(new TrailBuilder().at(0, 1, EventType.AGGREGATION)
          .at(0.5, 5, EventType.WMS_INBOUND).at(48, 5, EventType.WMS_OUTBOUND)
          .at(48 + fastest - 0.5, 13, EventType.HUB_INBOUND).events());
      FeatureMatrix slow = EXTRACTOR.extract(new TrailBuilder().at(0, 1, EventType.AGGREGATION)
          .at(0.5, 5, EventType.WMS_INBOUND).at(48 + 24 * 80, 5, EventType.WMS_OUTBOUND)
          .at(48 + 24 * 84, 13, EventType.HUB_INBOUND).events());

      assertThat(value(skewed, 3, Feature.TRAVEL_SHORTFALL)).isZero();
      assertThat(value(slow, 2, Feature.TRAVEL_SHORTFALL)).isZero();
      assertThat(value(slow, 3, Feature.TRAVEL_SHORTFALL)).isZero();
    }

    @Test
    @DisplayName("a warehouse inbound stamped an hour before the Aggregation falls short, though it sorts first")
    void backwardsFirstLeg() {
      FeatureMatrix matrix = EXTRACTOR.extract(new TrailBuilder().at(1, 1, EventType.AGGREGATION)
          .at(0, 5, EventType.WMS_INBOUND).events());

      // 20-minute reference trip, limit -10 min, trip -60 min: 50 min short, in half-hour units
      assertThat(value(matrix, 1, Feature.TRAVEL_SHORTFALL)).isCloseTo(50f / 30f, within(1e-3f));
    }

    @Test
    @DisplayName("a read at a site 100+ km away five minutes after the hub's inbound falls short, and the trail's next move does not")
    void farAwayMinutesLater() {
      FeatureMatrix matrix = EXTRACTOR.extract(new TrailBuilder().at(0, 1, EventType.AGGREGATION)
          .at(0.5, 5, EventType.WMS_INBOUND).at(48, 5, EventType.WMS_OUTBOUND)
          .at(53, 13, EventType.HUB_INBOUND).at(53 + 5 / 60.0, 41, EventType.W_STOCK_INBOUND)
          .at(120, 13, EventType.HUB_OUTBOUND).events());

      assertThat(value(matrix, 4, Feature.TRAVEL_SHORTFALL)).isGreaterThan(0.5f);
      assertThat(value(matrix, 3, Feature.TRAVEL_SHORTFALL)).isZero();
    }

    @Test
    @DisplayName("a tier skipped in one leg is flagged; skipped over two legs and a stay (a missed visit) it is not")
    void skippedTierInOneLeg() {
      FeatureMatrix oneLeg = EXTRACTOR.extract(new TrailBuilder().at(0, 1, EventType.AGGREGATION)
          .at(0.5, 5, EventType.WMS_INBOUND).at(48, 5, EventType.WMS_OUTBOUND)
          .at(53, 23, EventType.W_STOCK_INBOUND).events());
      FeatureMatrix missed = EXTRACTOR.extract(new TrailBuilder().at(0, 1, EventType.AGGREGATION)
          .at(0.5, 5, EventType.WMS_INBOUND).at(48, 5, EventType.WMS_OUTBOUND)
          .at(126, 23, EventType.W_STOCK_INBOUND).events());

      assertThat(value(oneLeg, 3, Feature.SKIPPED_TIER_ONE_LEG)).isEqualTo(1f);
      assertThat(value(missed, 3, Feature.SKIPPED_TIER_ONE_LEG)).isZero();
      assertThat(value(missed, 3, Feature.ROUTE_SKIPPED_TIER)).isEqualTo(1f);
    }
  }
}
