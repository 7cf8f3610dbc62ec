package org.barcodeanomaly.simulator.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.barcodeanomaly.api.network.Location;
import org.barcodeanomaly.api.network.LocationNetwork;
import org.barcodeanomaly.api.network.Route;
import org.barcodeanomaly.api.network.RouteStats;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Travel times follow each route's table: inside [min, max], with its mean and spread. */
class TravelTimeSamplerTest {

  private static final int DRAWS = 20_000;
  private final LocationNetwork network = LocationNetwork.standard();
  private final TravelTimeSampler model = new TravelTimeSampler(network);

  @Test
  @DisplayName("every observed route's draws stay within its observed min and max and match its mean and std")
  void matchesEveryRoute() {
    SplittableRandom random = new SplittableRandom(1);
    for (Location from : network.locations()) {
      for (Route route : network.knownRoutesFrom(from.id())) {
        RouteStats stats = route.stats();
        if (stats == null || !stats.observed()) {
          continue;
        }
        double sum = 0;
        double sumOfSquares = 0;
        for (int i = 0; i < DRAWS; i++) {
          int minutes = model.observedMinutes(from.id(), route.to().id(), random);
          assertThat(minutes).isBetween((int) Math.ceil(stats.minHours() * 60 - 1e-6),
              (int) Math.floor(stats.maxHours() * 60 + 1e-6));
          sum += minutes / 60.0;
          sumOfSquares += (minutes / 60.0) * (minutes / 60.0);
        }
        double mean = sum / DRAWS;
        double std = Math.sqrt(sumOfSquares / DRAWS - mean * mean);
        assertThat(mean).as("mean of %s", route).isCloseTo(stats.meanHours(), within(0.1));
        assertThat(std).as("std of %s", route).isCloseTo(stats.stdHours(), within(0.1));
      }
    }
  }

  @Test
  @DisplayName("an unobserved move takes at least an hour and the distance at 70 km/h, at most ten hours")
  void plausibleMovesAreNeverJumps() {
    SplittableRandom random = new SplittableRandom(2);
    Location incheon = network.location(1);
    Location gyeongbukRetailer = network.location(158);
    double hours = incheon.distanceKm(gyeongbukRetailer) / TravelTimeSampler.PLAUSIBLE_SPEED_KMH;
    for (int i = 0; i < 1_000; i++) {
      int minutes = model.plausibleMinutes(incheon, gyeongbukRetailer, random);
      assertThat(minutes).isBetween((int) Math.ceil(hours * 60), 600);
    }
  }

  @Test
  @DisplayName("asking for an unobserved route's own times is refused, naming the route")
  void unobservedRouteRefused() {
    assertThatThrownBy(() -> model.observedMinutes(1, 158, new SplittableRandom(3)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("route 1 -> 158");
  }
}
