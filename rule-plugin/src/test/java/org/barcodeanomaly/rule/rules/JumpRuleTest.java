package org.barcodeanomaly.rule.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.rule.Scans;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Route 인천공장창고 (5) to 수도권물류센터 (13): fastest observed trip 1.1166… h = 4,020 s.
 */
class JumpRuleTest {

  private static float arrivalScore(String hubInboundTime) {
    float[] scores = Scans.trail()
        .scan(5, "WMS_Inbound", "2025-07-01 11:02:38")
        .scan(5, "WMS_Outbound", "2025-07-29 16:00:00")
        .scan(13, "HUB_Inbound", hubInboundTime)
        .scan(13, "HUB_Outbound", "2025-08-14 13:20:38")
        .scores(AnomalyType.JUMP);
    assertThat(scores[0]).isZero();
    assertThat(scores[1]).isZero();
    assertThat(scores[3]).isZero();
    return scores[2];
  }

  @ParameterizedTest(name = "arrival at {0}: {1}")
  @DisplayName("Travel time is graded against the route's fastest observed trip")
  @CsvSource({
      "2025-07-29 16:00:00, 0",             // same second: the dup rule's
      "2025-07-29 16:16:45, 80",            // 1,005 s = 0.25 x fastest
      "2025-07-29 16:33:30, 40",            // 2,010 s = 0.5 x fastest: not reported
      "2025-07-29 16:50:15, 20",            // 3,015 s = 0.75 x fastest
      "2025-07-29 17:07:00, 0",             // exactly the fastest trip
      "2025-07-29 23:00:00, 0",             // a normal trip
      "2025-08-05 16:00:00, 0",             // a week late is a delay, not a jump
      "2025-07-29 15:59:59, 100",           // one second before the departure
      "2025-07-20 02:09:38, 100",           // back-dated by days: sorts before its departure
      "2025-06-30 00:00:00, 100",           // back-dated before the whole trail
  })
  void gradedAgainstFastestTrip(String time, float expected) {
    assertThat(arrivalScore(time)).isEqualTo(expected);
  }

  @Test
  @DisplayName("An unobserved route is held to the fastest observed trip between the same tiers (1.0 h)")
  void plausibleRouteUsesTierPairMinimum() {
    float[] scores = Scans.trail()
        .scan(5, "WMS_Outbound", "2025-07-29 16:00:00")
        .scan(19, "HUB_Inbound", "2025-07-29 16:15:00")
        .scores(AnomalyType.JUMP);

    assertThat(scores).containsExactly(0f, 80f);
  }

  @Test
  @DisplayName("The factory-to-warehouse leg has no statistics: only time running backwards counts")
  void factoryLegOnlyBackwards() {
    Scans fast = Scans.trail()
        .scan(1, "Aggregation", "2025-07-01 10:34:17")
        .scan(5, "WMS_Inbound", "2025-07-01 10:35:17");
    Scans backwards = Scans.trail()
        .scan(1, "Aggregation", "2025-07-01 10:34:17")
        .scan(5, "WMS_Inbound", "2025-07-01 10:04:17");

    assertThat(fast.scores(AnomalyType.JUMP)).containsExactly(0f, 0f);
    assertThat(backwards.scores(AnomalyType.JUMP)).containsExactly(0f, 100f);
  }

  @Test
  @DisplayName("A trip exactly as fast as the route's fastest observed trip (1.0333 h) is not a jump")
  void fastestObservedTripIsNoJump() {
    float[] scores = Scans.referenceToWholesaler()
        .scan(74, "R_Stock_Inbound", "2025-09-17 22:40:38")
        .scores(AnomalyType.JUMP);

    assertThat(scores).containsOnly(0f);
  }

  @Test
  @DisplayName("Several back-dated arrivals in one trail are each a jump and leave moves and order intact")
  void severalBackdatedArrivals() {
    Scans scans = Scans.trail()
        .scan(1, "Aggregation", "2025-07-01 10:34:17")
        .scan(5, "WMS_Inbound", "2025-07-01 11:02:38")
        .scan(5, "WMS_Outbound", "2025-07-29 16:57:38")
        .scan(13, "HUB_Inbound", "2025-07-20 02:09:38")
        .scan(13, "HUB_Outbound", "2025-08-14 13:20:38")
        .scan(23, "W_Stock_Inbound", "2025-08-10 21:03:38")
        .scan(23, "W_Stock_Outbound", "2025-09-17 21:38:38");

    assertThat(scans.scores(AnomalyType.JUMP)).containsExactly(0f, 0f, 0f, 100f, 0f, 100f, 0f);
    assertThat(scans.scores(AnomalyType.LOC_ERR)).containsOnly(0f);
    assertThat(scans.scores(AnomalyType.EVT_ORDER_ERR)).containsOnly(0f);
  }

  @Test
  @DisplayName("Scans minutes apart at far-away sites are a jump even off the network (225 km in 10 min)")
  void farApartOffNetworkIsAJump() {
    // 수도권_도매상1 (23) to 경북_도매상1 (41): a lateral move with no route statistics, held to
    // its 225.2 km at the fastest observed speed, 206.2 km/h: 1.092 h; 10 min is 0.153 of it.
    float[] scores = Scans.referenceToWholesaler()
        .scan(41, "W_Stock_Inbound", "2025-09-17 21:48:38")
        .scores(AnomalyType.JUMP);

    assertThat(scores[7]).isCloseTo(87.79f, within(0.01f));
  }

  @Test
  @DisplayName("A lateral move between neighbouring sites over hours is no jump")
  void nearbyOffNetworkIsNoJump() {
    float[] scores = Scans.referenceToWholesaler()
        .scan(25, "W_Stock_Inbound", "2025-09-17 23:38:38")
        .scores(AnomalyType.JUMP);

    assertThat(scores).containsOnly(0f);
  }
}
