package org.barcodeanomaly.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.barcodeanomaly.api.detector.StreamingDetector;
import org.barcodeanomaly.contract.MinimalStreamingDetector.Flaw;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs {@link StreamingDetectorCompatibilityKit} against {@link MinimalStreamingDetector}, which
 * keeps the contract, and against it with each {@link Flaw}, to prove that each check passes a
 * detector that keeps its promise and fails one that breaks it: a kit that passes everything
 * would prove nothing about the detectors that pass it.
 */
@DisplayName("The streaming detector compatibility kit")
class StreamingKitSelfTest {

  /** The checks each flaw must fail; it fails no others but those of {@link #MAY_FAIL}. */
  private static final Map<Flaw, Set<String>> FAILS = new EnumMap<>(Flaw.class);

  static {
    FAILS.put(Flaw.NONE, Set.of());
    FAILS.put(Flaw.ROW_PER_EPC, Set.of("answersEveryArrival", "callsMayBeSplitAnyWay",
        "retryIsScoredAsTheFirstTime", "rowsFollowTheArrivals"));
    FAILS.put(Flaw.REVERSED_ROWS, Set.of("callsMayBeSplitAnyWay", "rowsFollowTheArrivals"));
    FAILS.put(Flaw.NO_HISTORY, Set.of("impossibleTripAfterAnEarlierDeparture", "scanAfterAnEarlierSale",
        "watchesASale"));
    FAILS.put(Flaw.IGNORES_THE_CALL, Set.of("callsMayBeSplitAnyWay", "retryIsScoredAsTheFirstTime"));
    FAILS.put(Flaw.ALARMIST, Set.of("normalTrafficIsNormal"));
    FAILS.put(Flaw.KEYS_BY_LOT, Set.of("bufferedTrailsHoldTheArrivals", "bufferedTrailsIsASnapshot",
        "concurrentArrivalsOfOneEpc", "countsBufferedEpcs", "forgetsASaleAfterTheWatch", "forgetsIdleEpcs",
        "keepsAtMostMaxEpcs", "keepsTheRecentEventsOfAnEpc", "ownEventsWinOverAdoptedOnes",
        "rowsFollowTheArrivals", "watchesASale"));
    FAILS.put(Flaw.BUFFERS_RETRIES, Set.of("retryIsBufferedOnce", "retryIsScoredAsTheFirstTime"));
    FAILS.put(Flaw.SORTS_BY_TIME, Set.of("bufferedTrailsHoldTheArrivals"));
    FAILS.put(Flaw.LIVE_VIEW, Set.of("bufferedTrailsIsASnapshot"));
    FAILS.put(Flaw.NO_HANDOVER, Set.of("adoptedTrailsScoreAsTheOriginal", "bufferedTrailsHoldTheArrivals",
        "bufferedTrailsIsASnapshot", "concurrentArrivalsOfOneEpc", "forgetsASaleAfterTheWatch",
        "forgetsIdleEpcs", "keepsAtMostMaxEpcs", "keepsTheRecentEventsOfAnEpc", "ownEventsWinOverAdoptedOnes",
        "watchesASale"));
    FAILS.put(Flaw.ADOPTION_OVERWRITES, Set.of("ownEventsWinOverAdoptedOnes"));
    FAILS.put(Flaw.ADOPTS_BY_REFERENCE, Set.of("adoptedTrailsScoreAsTheOriginal", "adoptionKeepsTheBounds",
        "adoptionLeavesTheHandedTrailsAlone"));
    FAILS.put(Flaw.ADOPTS_UNBOUNDED, Set.of("adoptionKeepsTheBounds"));
    FAILS.put(Flaw.KEEPS_OLDEST, Set.of("adoptionKeepsTheBounds", "keepsTheRecentEventsOfAnEpc"));
    FAILS.put(Flaw.NO_EPC_BOUND, Set.of("adoptionKeepsTheBounds", "keepsAtMostMaxEpcs"));
    FAILS.put(Flaw.NEVER_IDLE, Set.of("forgetsIdleEpcs"));
    FAILS.put(Flaw.IDLE_FROM_FIRST_ARRIVAL, Set.of("forgetsIdleEpcs"));
    FAILS.put(Flaw.FORGETS_AT_SALE, Set.of("concurrentArrivalsOfOneEpc", "keepsAtMostMaxEpcs",
        "keepsTheRecentEventsOfAnEpc", "retryIsBufferedOnce", "scanAfterAnEarlierSale", "watchesASale"));
    FAILS.put(Flaw.IGNORES_SALE, Set.of("forgetsASaleAfterTheWatch"));
    FAILS.put(Flaw.COUNTS_EVENTS, Set.of("countsBufferedEpcs", "keepsAtMostMaxEpcs"));
    FAILS.put(Flaw.BATCH_READS_BUFFERS, Set.of("batchScoringLeavesTheBuffersAlone"));
    FAILS.put(Flaw.BATCH_FEEDS_BUFFERS, Set.of("batchScoringLeavesTheBuffersAlone"));
    FAILS.put(Flaw.RACY, Set.of("concurrentArrivalsOfOneEpc"));
  }

  /**
   * Checks a flaw fails or not depending on how threads interleave: a trail kept in time order
   * judges concurrent arrivals wrongly only when they come out of time order, and one that ignores
   * the earlier arrivals of its own call only when a concurrent call lands between them.
   */
  private static final Map<Flaw, Set<String>> MAY_FAIL = Map.of(
      Flaw.SORTS_BY_TIME, Set.of("concurrentArrivalsOfOneEpc"),
      Flaw.IGNORES_THE_CALL, Set.of("concurrentArrivalsOfOneEpc"));

  /** The kit run against the minimal detector with the flaw the running self-test sets. */
  static class FlawedKit extends StreamingDetectorCompatibilityKit {

    /** Set by the self-test around each run; the launcher runs the kit on the self-test's thread. */
    static volatile Flaw flaw = Flaw.NONE;

    @Override
    protected StreamingDetector createDetector(StreamingBounds bounds, KitClock clock) {
      return new MinimalStreamingDetector(bounds, clock, flaw);
    }
  }

  private static Set<String> failedChecks(Flaw flaw) {
    FlawedKit.flaw = flaw;
    try {
      return KitRun.failedChecks(FlawedKit.class);
    } finally {
      FlawedKit.flaw = Flaw.NONE;
    }
  }

  @Test
  @DisplayName("the minimal detector, which keeps the contract, passes every check")
  void minimalDetectorPasses() {
    assertThat(failedChecks(Flaw.NONE)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = Flaw.class, mode = EnumSource.Mode.EXCLUDE, names = "NONE")
  @DisplayName("a detector with one flaw fails exactly the checks of the promises it breaks")
  void flawedDetectorFails(Flaw flaw) {
    Set<String> failed = failedChecks(flaw);
    Set<String> unexpected = new TreeSet<>(failed);
    unexpected.removeAll(FAILS.get(flaw));
    unexpected.removeAll(MAY_FAIL.getOrDefault(flaw, Set.of()));
    assertThat(failed).as("checks failed").containsAll(FAILS.get(flaw));
    assertThat(unexpected).as("checks failed that %s does not break", flaw).isEmpty();
  }

  @Test
  @DisplayName("every check of the kit is failed by some flaw: none passes whatever the detector does")
  void everyCheckCanFail() {
    Set<String> failable = new TreeSet<>();
    FAILS.values().forEach(failable::addAll);
    assertThat(failable).containsExactlyInAnyOrderElementsOf(KitRun.checks(StreamingDetectorCompatibilityKit.class));
  }
}
