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
 * Route 인천공장창고 (5) to 수도권물류센터 (13): fastest observed trip 1.1166… h = 4,020 s; with two
 * readers' clocks up to 30 minutes apart, a jump begins below 2,220 s.
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
  @DisplayName("Travel time is graded against the route's fastest observed trip less the clocks' skew")
  @CsvSource({
      "2025-07-29 16:00:00, 0",             // same second: the dup rule's
      "2025-07-29 16:16:45, 72.089554",     // 1,005 s = 0.25 x fastest
      "2025-07-29 16:33:30, 62.089554",     // 2,010 s = 0.5 x fastest: below the limit, reported
      "2025-07-29 16:50:15, 22.333334",     // 3,015 s = 0.75 x fastest: within the skew, a hint
      "2025-07-29 17:07:00, 0",             // exactly the fastest trip
      "2025-07-29 23:00:00, 0",             // a normal trip
      "2025-08-05 16:00:00, 0",             // a week late is a delay, not a jump
      "2025-07-29 15:59:59, 82.0995",       // one second before the departure
      "2025-07-20 02:09:38, 100",           // back-dated by days: sorts before its departure
      "2025-06-30 00:00:00, 100",           // back-dated before the whole trail
  })
  void gradedAgainstFastestTrip(String time, float expected) {
    assertThat(arrivalScore(time)).isCloseTo(expected, within(1e-4f));
  }

  @Test
  @DisplayName("Readers 15 minutes off in opposite directions never turn the fastest trip into a jump")
  void clockSkewIsNoJump() {
    // the fastest trip (4,020 s) seen 30 minutes short: 2,220 s, exactly the limit
    assertThat(arrivalScore("2025-07-29 16:37:00")).isLessThan(JumpRule.SUSPECT_CEILING + 1);
    // one second shorter is a jump
    assertThat(arrivalScore("2025-07-29 16:36:59")).isGreaterThanOrEqualTo(JumpRule.FAST_FLOOR);
  }

  @Test
  @DisplayName("An unobserved route is held to the fastest trip between the same tiers (1.0 h), or its distance at the fastest speed if longer (Incheon to Gyeongbuk: 1.17 h)")
  void plausibleRouteUsesTierPairMinimum() {
    float[] scores = Scans.trail()
        .scan(5, "WMS_Outbound", "2025-07-29 16:00:00")
        .scan(19, "HUB_Inbound", "2025-07-29 16:15:00")
        .scores(AnomalyType.JUMP);

    assertThat(scores[0]).isZero();
    assertThat(scores[1]).isCloseTo(74.48323f, within(1e-4f));
  }

  @Test
  @DisplayName("The factory-to-warehouse leg (20 min): only time running backwards by more than the clocks' skew allows counts")
  void factoryLegOnlyBackwards() {
    Scans fast = Scans.trail()
        .scan(1, "Aggregation", "2025-07-01 10:34:17")
        .scan(5, "WMS_Inbound", "2025-07-01 10:35:17");
    Scans skewed = Scans.trail()
        .scan(1, "Aggregation", "2025-07-01 10:34:17")
        .scan(5, "WMS_Inbound", "2025-07-01 10:29:17");
    Scans backwards = Scans.trail()
        .scan(1, "Aggregation", "2025-07-01 10:34:17")
        .scan(5, "WMS_Inbound", "2025-07-01 10:04:17");

    assertThat(fast.scores(AnomalyType.JUMP)).containsExactly(0f, 25.333334f);
    assertThat(skewed.scores(AnomalyType.JUMP)).containsExactly(0f, 33.333332f);
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
    // its 225.2 km at the fastest observed speed, 206.2 km/h: 1.092 h; the limit is 0.592 h.
    float[] scores = Scans.referenceToWholesaler()
        .scan(41, "W_Stock_Inbound", "2025-09-17 21:48:38")
        .scores(AnomalyType.JUMP);

    assertThat(scores[7]).isCloseTo(75.58f, within(0.01f));
  }

  @Test
  @DisplayName("A scan minutes after a read at a nearby site is a jump too: no trip between two sites takes under an hour")
  void nearbySiteMinutesLaterIsAJump() {
    float[] scores = Scans.referenceToWholesaler()
        .scan(25, "W_Stock_Inbound", "2025-09-17 21:43:38")
        .scores(AnomalyType.JUMP);

    assertThat(scores[7]).isGreaterThanOrEqualTo(JumpRule.FAST_FLOOR);
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
