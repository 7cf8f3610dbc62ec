package org.barcodeanomaly.simulator.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.barcodeanomaly.api.epc.EpcCode;
import org.barcodeanomaly.api.epc.EpcRegistry;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.event.EventType;
import org.barcodeanomaly.api.network.Location;
import org.barcodeanomaly.api.network.LocationNetwork;
import org.barcodeanomaly.api.network.Route;
import org.barcodeanomaly.simulator.chain.SupplyChainCalibration;
import org.barcodeanomaly.simulator.chain.SupplyChainModel;
import org.barcodeanomaly.simulator.trail.SimulatedTrail;
import org.barcodeanomaly.simulator.trail.TrailSamples;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every variant of the catalogue, injected into real generated trails: it changes the trail as
 * documented and labels exactly the events docs/spec/ANOMALIES.md names, and nothing else.
 */
class AnomalyVariantTest {

  private static final int INJECTIONS_PER_VARIANT = 25;
  private static SupplyChainModel model;
  private static LocationNetwork network;
  private static List<SimulatedTrail> normal;

  @BeforeAll
  static void generate() {
    model = SupplyChainModel.standard();
    network = model.network();
    normal = TrailSamples.normalTrails(model, 2_000, 7L);
  }

  @ParameterizedTest
  @EnumSource(AnomalyVariant.class)
  @DisplayName("each variant labels exactly the events docs/spec/ANOMALIES.md names for its type")
  void labelsExactlyTheNamedEvents(AnomalyVariant variant) {
    List<SimulatedTrail[]> injected = inject(variant);
    assertThat(injected).as("trails that admit %s", variant.id()).hasSize(INJECTIONS_PER_VARIANT);
    for (SimulatedTrail[] pair : injected) {
      SimulatedTrail before = pair[0];
      SimulatedTrail after = pair[1];
      assertOnlyTypes(after, variant);
      switch (variant.type()) {
        case EPC_FAKE -> checkFake(variant, before, after);
        case EPC_DUP -> checkDup(variant, after);
        case LOC_ERR -> checkLocation(variant, after);
        case EVT_ORDER_ERR -> checkOrder(variant, after);
        case JUMP -> checkJump(variant, after);
        default -> throw new IllegalStateException(variant.toString());
      }
    }
  }

  private static List<SimulatedTrail[]> inject(AnomalyVariant variant) {
    AnomalyInjection injection = new AnomalyInjection(model, 1.0, Set.of(variant));
    SplittableRandom random = new SplittableRandom(variant.ordinal());
    List<SimulatedTrail[]> result = new ArrayList<>();
    for (int i = 0; i < normal.size() && result.size() < INJECTIONS_PER_VARIANT; i += 7) {
      SimulatedTrail trail = normal.get(i).copy();
      if (injection.apply(trail, random) == variant) {
        result.add(new SimulatedTrail[] {normal.get(i), trail});
      }
    }
    return result;
  }

  private static void assertOnlyTypes(SimulatedTrail trail, AnomalyVariant variant) {
    int allowed = 1 << variant.type().ordinal();
    if (variant == AnomalyVariant.LOC_STEP_TIER_MISMATCH) {
      allowed |= 1 << AnomalyType.EVT_ORDER_ERR.ordinal();
    }
    for (int i = 0; i < trail.size(); i++) {
      assertThat(trail.labels(i) & ~allowed).as("labels of event %d", i).isZero();
    }
  }

  private static void checkFake(AnomalyVariant variant, SimulatedTrail before, SimulatedTrail after) {
    for (int i = 0; i < after.size(); i++) {
      assertThat(after.isLabelled(i, AnomalyType.EPC_FAKE)).isTrue();
    }
    assertThat(after.size()).isEqualTo(before.size());
    EpcCode code = EpcCode.parse(after.epcCode());
    EpcRegistry registry = model.registry();
    switch (variant) {
      case FAKE_FIELD_COUNT -> assertThat(code.fieldCount()).isIn(5, 7);
      case FAKE_FIELD_FORMAT -> assertThat(code.wellFormed() && (!code.serialFormatValid()
          || !code.lotFormatValid() || !code.productFormatValid())).isTrue();
      case FAKE_HEADER -> assertThat(code.headerValid()).isFalse();
      case FAKE_COMPANY -> assertThat(registry.isRegisteredCompany(code.company())).isFalse();
      case FAKE_PRODUCT_OWNER -> {
        assertThat(registry.isRegisteredCompany(code.company())).isTrue();
        assertThat(registry.product(code.product())).isNotNull();
        assertThat(registry.owns(code.company(), code.product())).isFalse();
      }
      case FAKE_LOT_PREFIX -> {
        assertThat(code.lotFormatValid()).isTrue();
        assertThat(registry.factoryOfLotPrefix(code.lotPrefix())).isNull();
      }
      case FAKE_MANUFACTURE_AFTER_SCAN -> assertThat(code.manufactureDate())
          .isAfter(firstScanDate(after));
      case FAKE_DATE_OLD -> assertThat(code.manufactureDate()).isBefore(firstScanDate(after).minusYears(5));
      case FAKE_DATE_INVALID -> {
        assertThat(code.manufactureField()).hasSize(8).containsOnlyDigits();
        assertThat(code.manufactureDate()).isNull();
        assertThat(code.headerValid()).isTrue();
      }
      case FAKE_SEVERAL_FIELDS -> {
        assertThat(code.headerValid()).isFalse();
        assertThat(registry.isRegisteredCompany(code.company())).isFalse();
        assertThat(code.manufactureDate()).isNull();
      }
      default -> throw new IllegalStateException(variant.toString());
    }
    if (variant.ordinal() >= AnomalyVariant.FAKE_HEADER.ordinal()) {
      assertThat(code.wellFormed()).isTrue();
    }
  }

  private static LocalDate firstScanDate(SimulatedTrail trail) {
    return SupplyChainCalibration.toDateTime(trail.time(0)).toLocalDate();
  }

  private static void checkDup(AnomalyVariant variant, SimulatedTrail after) {
    Set<Integer> labelled = labelled(after, AnomalyType.EPC_DUP);
    long second = after.time(labelled.iterator().next());
    Set<Integer> sameSecond = new TreeSet<>();
    Set<Integer> locations = new HashSet<>();
    for (int i = 0; i < after.size(); i++) {
      if (after.time(i) == second) {
        sameSecond.add(i);
        locations.add(after.location(i));
      }
    }
    assertThat(labelled).isEqualTo(sameSecond);
    int expected = variant == AnomalyVariant.DUP_THREE_LOCATIONS ? 3 : 2;
    assertThat(labelled).hasSize(expected);
    assertThat(locations).hasSize(expected);
    List<Location> group = labelled.stream().map(i -> network.location(after.location(i))).toList();
    Location genuine = group.get(0);
    boolean sameTier = group.stream().skip(1).anyMatch(l -> l.tier() == genuine.tier());
    boolean distant = group.stream().skip(1).anyMatch(l -> Math.abs(l.tier().level() - genuine.tier().level()) >= 2
        && l.distanceKm(genuine) >= EpcDupInjector.DISTANT_KM);
    assertThat(sameTier).isEqualTo(variant != AnomalyVariant.DUP_DISTANT_TIER);
    assertThat(distant).isEqualTo(variant != AnomalyVariant.DUP_SAME_TIER);
  }

  private static void checkLocation(AnomalyVariant variant, SimulatedTrail after) {
    int k = single(after, AnomalyType.LOC_ERR);
    Location at = network.location(after.location(k));
    if (variant == AnomalyVariant.LOC_STEP_TIER_MISMATCH) {
      assertThat(after.isLabelled(k, AnomalyType.EVT_ORDER_ERR)).isTrue();
      assertThat(after.step(k).tier()).isNotEqualTo(at.tier());
      assertThat(after.type(k).step()).isEqualTo(after.step(k));
      assertThat(after.type(k).direction()).isEqualTo(EventType.Direction.OUTBOUND);
      return;
    }
    assertThat(after.type(k).direction()).isIn(EventType.Direction.INBOUND, EventType.Direction.NONE);
    assertOtherMovesKnown(after, k);
    if (variant == AnomalyVariant.LOC_UNKNOWN_LOCATION) {
      assertThat(at).isNull();
      assertThat(k).isEqualTo(after.size() - 1);
      return;
    }
    Route route = network.route(after.location(k - 1), at.id());
    long hours = (after.time(k) - after.time(k - 1));
    assertThat(hours).as("one leg of an hour to ten").isBetween(3600L, 10 * 3600L);
    switch (variant) {
      case LOC_BACKWARD_ONE_TIER -> assertThat(route.tierStep()).isEqualTo(-1);
      case LOC_BACKWARD_FAR -> assertThat(route.tierStep()).isLessThanOrEqualTo(-2);
      case LOC_SKIPPED_TIER -> assertThat(route.kind()).isEqualTo(Route.Kind.SKIPPED_TIER);
      case LOC_SKIPPED_TWO_TIERS -> assertThat(route.tierStep()).isEqualTo(3);
      case LOC_OFF_NETWORK -> assertThat(route.kind()).isEqualTo(Route.Kind.OFF_NETWORK);
      case LOC_LATERAL -> assertThat(route.kind()).isEqualTo(Route.Kind.LATERAL);
      case LOC_UNOBSERVED_ROUTE -> assertThat(route.kind()).isEqualTo(Route.Kind.PLAUSIBLE);
      default -> throw new IllegalStateException(variant.toString());
    }
    if (variant == AnomalyVariant.LOC_SKIPPED_TIER) {
      assertThat(route.tierStep()).isEqualTo(2);
    }
  }

  /** Every move other than the labelled one follows a route of the network. */
  private static void assertOtherMovesKnown(SimulatedTrail trail, int labelled) {
    for (int i = 1; i < trail.size(); i++) {
      if (i != labelled && trail.location(i) != trail.location(i - 1)) {
        assertThat(network.route(trail.location(i - 1), trail.location(i)).kind())
            .as("move into event %d", i).isEqualTo(Route.Kind.KNOWN);
      }
    }
  }

  private static void checkOrder(AnomalyVariant variant, SimulatedTrail after) {
    int k = single(after, AnomalyType.EVT_ORDER_ERR);
    EventType type = after.type(k);
    switch (variant) {
      case ORDER_SECOND_INBOUND -> {
        assertThat(type.direction()).isEqualTo(EventType.Direction.INBOUND);
        assertThat(after.type(k - 1)).isEqualTo(type);
        assertThat(after.location(k - 1)).isEqualTo(after.location(k));
        assertThat(after.time(k) - after.time(k - 1)).isBetween(35 * 60L, 180 * 60L);
      }
      case ORDER_OUTBOUND_BEFORE_INBOUND -> {
        assertThat(type.direction()).isEqualTo(EventType.Direction.OUTBOUND);
        assertThat(after.location(k - 1)).isEqualTo(after.location(k));
        assertThat(after.time(k)).isLessThan(after.time(k - 1));
        Route leg = network.route(after.location(k - 2), after.location(k));
        assertThat(after.time(k) - after.time(k - 2)).isGreaterThanOrEqualTo((long) (leg.stats().minHours() * 3600) - 60);
      }
      case ORDER_OUTBOUND_WITHOUT_INBOUND -> {
        assertThat(type.direction()).isEqualTo(EventType.Direction.OUTBOUND);
        assertThat(after.location(k - 1)).isNotEqualTo(after.location(k));
      }
      case ORDER_SCAN_AFTER_SALE -> {
        assertThat(after.type(k - 1)).isEqualTo(EventType.POS_SELL);
        assertThat(after.location(k - 1)).isEqualTo(after.location(k));
        assertThat(after.time(k)).isGreaterThan(after.time(k - 1));
        assertThat(after.time(k)).isLessThanOrEqualTo(SupplyChainCalibration.WINDOW_END);
      }
      case ORDER_TYPE_STEP_MISMATCH -> {
        assertThat(type.belongsTo(after.step(k).dataName())).isFalse();
        assertThat(after.step(k).tier()).isEqualTo(network.location(after.location(k)).tier());
      }
      default -> throw new IllegalStateException(variant.toString());
    }
  }

  private static void checkJump(AnomalyVariant variant, SimulatedTrail after) {
    int k = single(after, AnomalyType.JUMP);
    assertThat(after.type(k).direction()).isEqualTo(EventType.Direction.INBOUND);
    if (variant == AnomalyVariant.JUMP_BACKWARDS_FIRST_LEG) {
      assertThat(k).isEqualTo(1);
      assertThat(after.type(0)).isEqualTo(EventType.AGGREGATION);
      assertThat(after.time(0) - after.time(1)).isBetween(15 * 60L, 2 * 24 * 3600L);
      return;
    }
    if (variant == AnomalyVariant.JUMP_FAR_MINUTES_LATER) {
      assertThat(network.location(after.location(k)).distanceKm(network.location(after.location(k - 1))))
          .isGreaterThanOrEqualTo(100.0);
      assertThat(after.time(k) - after.time(k - 1)).isBetween(60L, 15 * 60L);
      for (int i = 0; i < after.size(); i++) {
        assertThat(i == k || after.location(i) != after.location(k)).as("the far site is visited once").isTrue();
      }
      return;
    }
    assertThat(after.type(k - 1).direction()).isEqualTo(EventType.Direction.OUTBOUND);
    Route leg = network.route(after.location(k - 1), after.location(k));
    assertThat(leg.stats()).isNotNull();
    long gap = after.time(k) - after.time(k - 1);
    long fastest = Math.round(leg.stats().minHours() * 3600);
    switch (variant) {
      case JUMP_MINUTES_ON_HOURS_ROUTE -> assertThat(gap).isBetween(60L, 15 * 60L);
      case JUMP_FAST_ARRIVAL -> assertThat(gap).isBetween(60L, fastest / 2 - 1);
      case JUMP_BACKWARDS_DAYS -> assertThat(-gap).isBetween(3600L, 3 * 24 * 3600L);
      case JUMP_BACKWARDS_MINUTES -> assertThat(-gap).isBetween(60L, 30 * 60L);
      default -> throw new IllegalStateException(variant.toString());
    }
    assertThat(after.time(k)).isGreaterThan(after.time(k - 2));
  }

  private static int single(SimulatedTrail trail, AnomalyType type) {
    Set<Integer> labelled = labelled(trail, type);
    assertThat(labelled).as("events labelled %s", type.contractName()).hasSize(1);
    return labelled.iterator().next();
  }

  private static Set<Integer> labelled(SimulatedTrail trail, AnomalyType type) {
    Set<Integer> labelled = new TreeSet<>();
    for (int i = 0; i < trail.size(); i++) {
      if (trail.isLabelled(i, type)) {
        labelled.add(i);
      }
    }
    return labelled;
  }
}
