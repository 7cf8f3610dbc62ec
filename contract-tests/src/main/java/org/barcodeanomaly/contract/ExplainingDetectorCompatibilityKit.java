package org.barcodeanomaly.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.barcodeanomaly.api.detector.ExplainingDetector;
import org.barcodeanomaly.api.detector.ScoreTable;
import org.barcodeanomaly.api.detector.Thresholds;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.event.EventType;
import org.barcodeanomaly.api.event.ScanEvent;
import org.barcodeanomaly.api.explain.EventContribution;
import org.barcodeanomaly.api.explain.Explanation;
import org.barcodeanomaly.api.explain.FeatureContribution;
import org.barcodeanomaly.api.explain.TypeEvidence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The checks every {@link ExplainingDetector} must pass, whatever its method: an analyst reads the
 * explanation of an alert as the reason for it, so it must be of exactly the reported events and
 * types, carry the scores the alert carried, point at events of the alert's own trail, and blame the
 * scan that was changed when the kit changes one. A detector module extends it in a few lines, as
 * {@link DetectorCompatibilityKit}.
 *
 * <p>The kit's batch: normal trails over observed routes, and beside them one trail per obvious
 * anomaly, each with its own EPC (a hub arrival two minutes after the warehouse departure, a scan
 * at a location id the network does not have, a scan two days after the sale, a clone at another
 * hub in the same second, an EPC whose lot has no factory).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ExplainingDetectorCompatibilityKit {

  /** Event ids of the changed events, one per obvious anomaly. */
  static final long JUMP_ARRIVAL = 20_004;
  static final long UNKNOWN_LOCATION = 30_004;
  static final long SCAN_AFTER_SALE = 40_100;

  private final KitTrails trails = new KitTrails();
  private ExplainingDetector detector;

  /** The detector under test; called once per test class. */
  protected abstract ExplainingDetector createDetector();

  @BeforeAll
  void openDetector() {
    detector = Objects.requireNonNull(createDetector(), "createDetector() returned null");
  }

  @AfterAll
  void closeDetector() {
    if (detector != null) {
      detector.close();
    }
  }

  @Nested
  @DisplayName("What is explained")
  class WhatIsExplained {

    @Test
    @DisplayName("exactly the reported events are explained, in batch order, each for exactly its reported types with the scores score() gave")
    void explainsExactlyTheReports() {
      List<ScanEvent> batch = batch();
      ScoreTable scores = detector.score(batch);
      Thresholds thresholds = detector.thresholds();
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < batch.size(); i++) {
        for (AnomalyType type : AnomalyType.values()) {
          if (thresholds.reports(type, scores.get(i, type))) {
            expected.add(i + " " + batch.get(i).eventId() + " " + type.contractName() + " " + scores.get(i, type));
          }
        }
      }
      List<String> explained = new ArrayList<>();
      for (Explanation explanation : detector.explain(batch)) {
        for (TypeEvidence evidence : explanation.types()) {
          explained.add(explanation.index() + " " + explanation.eventId() + " " + evidence.type().contractName()
              + " " + evidence.score());
          assertThat(evidence.threshold()).isEqualTo(thresholds.get(evidence.type()));
        }
      }
      assertThat(expected).as("the kit's batch must contain reports").isNotEmpty();
      assertThat(explained).containsExactlyElementsOf(expected);
    }

    @Test
    @DisplayName("normal trails and an empty batch get no explanation")
    void explainsNothingNormal() {
      assertThat(detector.explain(List.of())).isEmpty();
      assertThat(detector.explain(trails.everyRouteAtEveryPace(1).subList(0, 400))).isEmpty();
    }

    @Test
    @DisplayName("the same batch gets the same explanations every time")
    void isDeterministic() {
      List<ScanEvent> batch = batch();
      assertThat(detector.explain(batch)).isEqualTo(detector.explain(batch));
    }
  }

  @Nested
  @DisplayName("The evidence")
  class Evidence {

    @Test
    @DisplayName("names only events of the explained event's EPC in the batch, the explained event among them, by index and id")
    void namesEventsOfTheTrail() {
      List<ScanEvent> batch = batch();
      for (Explanation explanation : detector.explain(batch)) {
        ScanEvent explained = batch.get(explanation.index());
        assertThat(explained.eventId()).isEqualTo(explanation.eventId());
        assertThat(explained.epcCode()).isEqualTo(explanation.epcCode());
        assertThat(explanation.detector()).isEqualTo(detector.name());
        for (TypeEvidence evidence : explanation.types()) {
          List<Integer> indices = new ArrayList<>();
          for (EventContribution event : evidence.events()) {
            assertThat(event.index()).isBetween(0, batch.size() - 1);
            ScanEvent named = batch.get(event.index());
            assertThat(named.eventId()).as("id of event %d", event.index()).isEqualTo(event.eventId());
            assertThat(named.epcCode()).as("EPC of an event explaining %d", explained.eventId())
                .isEqualTo(explained.epcCode());
            indices.add(event.index());
          }
          assertThat(indices).as("events of %s's %s evidence", explained.eventId(), evidence.type())
              .contains(explanation.index()).doesNotHaveDuplicates();
        }
      }
    }

    @Test
    @DisplayName("says in a sentence why, names its method, and orders events and features by the size of their contribution")
    void isReadableAndOrdered() {
      for (Explanation explanation : detector.explain(batch())) {
        for (TypeEvidence evidence : explanation.types()) {
          assertThat(evidence.sentence()).as("sentence").matches("(?s).*\\w.*\\w.*");
          assertThat(evidence.method()).matches("[a-z][a-z0-9-]*");
          List<EventContribution> events = evidence.events();
          for (int k = 1; k < events.size(); k++) {
            assertThat(Math.abs(events.get(k).contribution())).isLessThanOrEqualTo(Math.abs(events.get(k - 1).contribution()));
          }
          List<FeatureContribution> features = evidence.features();
          for (int k = 1; k < features.size(); k++) {
            assertThat(Math.abs(features.get(k).contribution())).isLessThanOrEqualTo(Math.abs(features.get(k - 1).contribution()));
          }
        }
      }
    }
  }

  @Nested
  @DisplayName("Blame")
  class Blame {

    @Test
    @DisplayName("jump: the hub arrival moved to two minutes after the departure is the event most blamed for its report")
    void blamesTheFastArrival() {
      assertBlamed(JUMP_ARRIVAL, AnomalyType.JUMP);
    }

    @Test
    @DisplayName("locErr: the scan at the unknown location is the event most blamed for its report")
    void blamesTheUnknownLocation() {
      assertBlamed(UNKNOWN_LOCATION, AnomalyType.LOC_ERR);
    }

    @Test
    @DisplayName("evtOrderErr: the scan after the sale is the event most blamed for its report")
    void blamesTheScanAfterSale() {
      assertBlamed(SCAN_AFTER_SALE, AnomalyType.EVT_ORDER_ERR);
    }
  }

  private void assertBlamed(long eventId, AnomalyType type) {
    Explanation explanation = detector.explain(batch()).stream().filter(e -> e.eventId() == eventId).findFirst()
        .orElseThrow(() -> new AssertionError("event " + eventId + " was not explained: the detector does not "
            + "report it (DetectorCompatibilityKit's obvious anomalies)"));
    TypeEvidence evidence = explanation.types().stream().filter(t -> t.type() == type).findFirst()
        .orElseThrow(() -> new AssertionError("event " + eventId + " not explained for " + type.contractName()
            + ": " + explanation));
    assertThat(evidence.topEvent().eventId()).as("most blamed event of %s; evidence %s", type.contractName(), evidence)
        .isEqualTo(eventId);
  }

  /** Normal trails and one trail per obvious anomaly, each anomaly on an EPC of its own. */
  List<ScanEvent> batch() {
    List<ScanEvent> batch = new ArrayList<>(trails.everyRouteAtEveryPace(1).subList(0, 300));
    List<ScanEvent> jump = trail(20_000, "000020000");
    ScanEvent departure = jump.get(2);
    jump.set(3, at(jump.get(3), jump.get(3).locationId(), jump.get(3).eventType(),
        departure.eventTime().plus(Duration.ofMinutes(2))));
    batch.addAll(jump);
    List<ScanEvent> unknown = trail(30_000, "000030000");
    unknown.set(3, at(unknown.get(3), 999, unknown.get(3).eventType(), unknown.get(3).eventTime()));
    batch.addAll(unknown);
    List<ScanEvent> sold = trail(40_000, "000040000");
    ScanEvent sale = sold.get(9);
    sold.add(new ScanEvent(SCAN_AFTER_SALE, 1, sale.epcCode(), sale.locationId(),
        EventType.R_STOCK_OUTBOUND.step().dataName(), EventType.R_STOCK_OUTBOUND.dataName(),
        sale.eventTime().plus(Duration.ofDays(2))));
    batch.addAll(sold);
    List<ScanEvent> cloned = trail(50_000, "000050000");
    ScanEvent hubInbound = cloned.get(3);
    cloned.add(new ScanEvent(50_100, 1, hubInbound.epcCode(), trails.otherHub(hubInbound.locationId()).id(),
        hubInbound.businessStep(), hubInbound.eventType(), hubInbound.eventTime()));
    batch.addAll(cloned);
    for (ScanEvent event : trail(60_000, "000060000")) {
      batch.add(new ScanEvent(event.eventId(), 1, event.epcCode().replace(".010004.", ".99X004."), event.locationId(),
          event.businessStep(), event.eventType(), event.eventTime()));
    }
    return batch;
  }

  /** The sample's complete trail under serial {@code serial}, ids {@code firstId + 1} on. */
  private static List<ScanEvent> trail(long firstId, String serial) {
    List<ScanEvent> trail = new ArrayList<>();
    for (ScanEvent event : KitTrails.sampleTrail(1)) {
      trail.add(new ScanEvent(firstId + event.eventId(), 1, KitTrails.SAMPLE_EPC.substring(0, 36) + serial,
          event.locationId(), event.businessStep(), event.eventType(), event.eventTime()));
    }
    return trail;
  }

  private static ScanEvent at(ScanEvent event, int locationId, String eventType, java.time.Instant time) {
    return new ScanEvent(event.eventId(), event.fileId(), event.epcCode(), locationId, event.businessStep(),
        eventType, time);
  }
}
