package org.barcodeanomaly.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.event.ScanEvent;
import org.barcodeanomaly.api.explain.Explanation;
import org.barcodeanomaly.api.explain.FeatureContribution;
import org.barcodeanomaly.api.explain.TypeEvidence;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The rules explain with the rule that fired and its numbers, in words an analyst reads. */
class RuleExplanationTest {

  private static final String EPC = "001.8804823.1293291.010004.20250701.000004002";
  private static final Instant START = Instant.parse("2025-07-01T10:34:17Z");
  private final RuleDetector detector = new RuleDetector();

  private static ScanEvent scan(long id, String epc, int location, String step, String type, Instant time) {
    return new ScanEvent(id, 1, epc, location, step, type, time);
  }

  private static List<ScanEvent> factoryToHub(String epc, Duration leg) {
    List<ScanEvent> events = new ArrayList<>();
    events.add(scan(1, epc, 1, "Factory", "Aggregation", START));
    events.add(scan(2, epc, 5, "WMS", "WMS_Inbound", START.plus(Duration.ofMinutes(28))));
    Instant departure = START.plus(Duration.ofDays(28));
    events.add(scan(3, epc, 5, "WMS", "WMS_Outbound", departure));
    events.add(scan(4, epc, 13, "Logistics_HUB", "HUB_Inbound", departure.plus(leg)));
    return events;
  }

  private TypeEvidence evidence(List<ScanEvent> events, long eventId, AnomalyType type) {
    for (Explanation explanation : detector.explain(events)) {
      if (explanation.eventId() == eventId) {
        return explanation.types().stream().filter(t -> t.type() == type).findFirst().orElseThrow();
      }
    }
    throw new AssertionError("event " + eventId + " not explained");
  }

  @Test
  @DisplayName("a jump names the trip's time and the route's fastest trip, blames the arrival and shows the departure")
  void jumpNamesTheTripAndTheFastest() {
    TypeEvidence jump = evidence(factoryToHub(EPC, Duration.ofMinutes(12)), 4, AnomalyType.JUMP);
    assertThat(jump.sentence()).contains("12 min after leaving location 5").contains("the route's fastest trip is");
    assertThat(jump.events()).extracting(e -> e.eventId() + " " + e.role()).containsExactly("4 arrival", "3 departure");
    assertThat(jump.features().get(0).feature()).isEqualTo("travelHours");
    assertThat(jump.features().get(0).value()).isEqualTo(0.2, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(jump.features()).extracting(FeatureContribution::feature).contains("fastestTripHours", "jumpLimitHours");
    assertThat(jump.featureSum()).isEqualTo(jump.score(), org.assertj.core.data.Offset.offset(1e-3));
  }

  @Test
  @DisplayName("a fake EPC whose product belongs to another company names both companies")
  void fakeNamesTheOwner() {
    String foreign = EPC.replace(".8804823.", ".8805843.");
    TypeEvidence fake = evidence(factoryToHub(foreign, Duration.ofHours(20)), 2, AnomalyType.EPC_FAKE);
    assertThat(fake.sentence()).contains("product 1293291 belongs to company 8804823, not 8805843");
    assertThat(fake.features().get(0).feature()).isEqualTo("epcProductOwned");
    assertThat(fake.events()).extracting(e -> e.role()).containsExactly("scan of the EPC", "first scan");
  }

  @Test
  @DisplayName("a scan after the sale names the time since the sale and shows the sale")
  void afterSaleShowsTheSale() {
    List<ScanEvent> events = new ArrayList<>(factoryToHub(EPC, Duration.ofHours(20)));
    Instant sold = START.plus(Duration.ofDays(40));
    events.add(scan(5, EPC, 13, "Logistics_HUB", "HUB_Outbound", sold.minus(Duration.ofDays(5))));
    events.add(scan(6, EPC, 200, "POS_Sell", "POS_Sell", sold));
    events.add(scan(7, EPC, 200, "R_Stock_Outbound", "R_Stock_Outbound", sold.plus(Duration.ofDays(2))));
    TypeEvidence order = evidence(events, 7, AnomalyType.EVT_ORDER_ERR);
    assertThat(order.sentence()).contains("2.0 days after the item was sold");
    assertThat(order.events()).extracting(e -> e.eventId() + " " + e.role()).contains("6 sale");
  }
}
