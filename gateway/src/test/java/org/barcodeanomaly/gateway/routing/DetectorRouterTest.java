package org.barcodeanomaly.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Weighted target choice")
class DetectorRouterTest {

  private final Map<String, Integer> targets = new LinkedHashMap<>(Map.of());

  DetectorRouterTest() {
    targets.put("svm", 90);
    targets.put("svm-next", 10);
    targets.put("off", 0);
  }

  @Test
  @DisplayName("gives each target a share of draws equal to its weight")
  void drawsInProportionToWeights() {
    assertThat(DetectorRouter.choose(targets, id -> true, rolling(0))).isEqualTo("svm");
    assertThat(DetectorRouter.choose(targets, id -> true, rolling(89))).isEqualTo("svm");
    assertThat(DetectorRouter.choose(targets, id -> true, rolling(90))).isEqualTo("svm-next");
    assertThat(DetectorRouter.choose(targets, id -> true, rolling(99))).isEqualTo("svm-next");
  }

  @Test
  @DisplayName("draws only among serving targets, and never a target of weight 0")
  void skipsTargetsThatDoNotServe() {
    assertThat(DetectorRouter.choose(targets, Set.of("svm-next", "off")::contains, rolling(0))).isEqualTo("svm-next");
    assertThat(DetectorRouter.choose(targets, Set.of("off")::contains, rolling(0))).isNull();
  }

  /** A generator whose {@code nextInt(bound)} always returns {@code value}. */
  private static RandomGenerator rolling(int value) {
    return new RandomGenerator() {
      @Override
      public long nextLong() {
        throw new UnsupportedOperationException();
      }

      @Override
      public int nextInt(int bound) {
        assertThat(value).isLessThan(bound);
        return value;
      }
    };
  }
}
