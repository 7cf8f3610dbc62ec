package org.barcodeanomaly.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.barcodeanomaly.contract.ContractShape.array;
import static org.barcodeanomaly.contract.ContractShape.assertContractObject;
import static org.barcodeanomaly.contract.ContractShape.assertFlagsMatchScores;
import static org.barcodeanomaly.contract.ContractShape.assertStatsMatchHistory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.barcodeanomaly.api.contract.ContractResponseWriter;
import org.barcodeanomaly.api.contract.FileResult;
import org.barcodeanomaly.api.detector.Detector;
import org.barcodeanomaly.api.detector.ScoreTable;
import org.barcodeanomaly.api.detector.Thresholds;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.event.EventType;
import org.barcodeanomaly.api.event.ScanEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The tests every detector must pass to be served behind the first generation's JSON contract,
 * as Micrometer's {@code MeterRegistryCompatibilityKit} is for meter registries. A detector's
 * module extends it in a twenty-line test:
 *
 * <pre>{@code
 * class RuleDetectorCompatibilityTest extends DetectorCompatibilityKit {
 *   @Override
 *   protected Detector createDetector() {
 *     return new RuleDetector();
 *   }
 * }
 * }</pre>
 *
 * <p>Every request goes the way a client's does: the kit writes a JSON body, the product's codec
 * reads it, the detector scores each file, the codec writes the answer and the kit parses it with
 * data binding. What is checked: the response's exact shape and field names, flags and scores that
 * agree with the detector's thresholds, statistics that agree with the flags, several files,
 * rejected items, an empty request, the legacy example, scores for every event and type, thread
 * safety, normal traffic reported for nothing (every observed route at its fastest, mean and
 * slowest time) and one obvious case of each anomaly type reported.
 *
 * <p>The detector is created once for the class ({@link #createDetector()}) and closed after the
 * last test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DetectorCompatibilityKit {

  private static final int THREADS = 4;
  private static final int CALLS_PER_THREAD = 8;

  private final KitTrails trails = new KitTrails();
  private Detector detector;

  /** The detector under test; called once per test class. */
  protected abstract Detector createDetector();

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

  /** The detector under test, for subclasses that add their own checks. */
  protected final Detector detector() {
    return detector;
  }

  @Nested
  @DisplayName("Identity")
  class Identity {

    @Test
    @DisplayName("has a short lower-case name, a version to answer as the response's method, and the same thresholds whenever asked")
    void namesItself() {
      assertThat(detector.name()).matches("[a-z][a-z0-9-]*");
      assertThat(detector.version()).isNotBlank();
      // Thresholds itself guarantees (0, 100]; what a detector must add is that its flags do not
      // depend on when the caller asks.
      assertThat(detector.thresholds().toMap()).as("thresholds asked for again")
          .isEqualTo(detector.thresholds().toMap());
    }
  }

  @Nested
  @DisplayName("Scores")
  class Scores {

    @Test
    @DisplayName("a batch gets exactly one score row per event (ScoreTable itself keeps every score within 0 to 100)")
    void scoresEveryEventAndType() {
      List<ScanEvent> batch = mixedBatch();
      assertThat(detector.score(batch).size()).as("score rows for %d events", batch.size()).isEqualTo(batch.size());
    }

    @Test
    @DisplayName("an empty batch gets an empty score table")
    void scoresAnEmptyBatch() {
      assertThat(detector.score(List.of()).size()).isZero();
    }

    @Test
    @DisplayName("the same batch gets the same scores every time")
    void isDeterministic() {
      List<ScanEvent> batch = mixedBatch();
      assertThat(flatten(detector.score(batch))).containsExactly(flatten(detector.score(batch)));
    }

    @Test
    @DisplayName("an event gets the same scores wherever it stands in the batch (trails are ordered by time)")
    void ignoresBatchOrder() {
      List<ScanEvent> batch = new ArrayList<>(trails.everyRouteAtEveryPace(1).subList(0, 600));
      batch.addAll(fake(KitTrails.sampleTrail(2)));
      List<ScanEvent> reversed = new ArrayList<>(batch);
      Collections.reverse(reversed);
      ScoreTable forward = detector.score(batch);
      ScoreTable backward = detector.score(reversed);
      for (int i = 0; i < batch.size(); i++) {
        for (AnomalyType type : AnomalyType.values()) {
          assertThat(backward.get(batch.size() - 1 - i, type))
              .as("event %d %s", batch.get(i).eventId(), type.contractName())
              .isEqualTo(forward.get(i, type));
        }
      }
    }
  }

  @Nested
  @DisplayName("Response shape")
  class ResponseShape {

    @Test
    @DisplayName("one file is answered with one object of exactly the contract's fields plus method")
    void answersOneFile() {
      KitExchange exchange = KitExchange.send(detector, withAnomalies(1));
      JsonNode object = exchange.single();
      assertContractObject(object);
      assertThat(object.get("fileId").asLong()).isEqualTo(1);
      assertThat(object.get("method").asText()).isEqualTo(detector.version());
      assertThat(object.has("warning")).as("no warning without a fallback").isFalse();
      assertThat(object.has("rejectedEvents")).as("no rejectedEvents without a rejected item").isFalse();
    }

    @Test
    @DisplayName("flags are exactly the types whose scores reach the detector's thresholds")
    void flagsFollowThresholds() {
      KitExchange exchange = KitExchange.send(detector, withAnomalies(1));
      List<ScanEvent> received = exchange.request().events();
      assertFlagsMatchScores(exchange.single(), received, detector.score(received), detector.thresholds());
    }

    @Test
    @DisplayName("several files are answered with an array in order of first appearance, each file on its own")
    void answersSeveralFiles() {
      List<ScanEvent> seven = KitTrails.sample(7);
      List<ScanEvent> three = withAnomalies(3);
      List<ScanEvent> interleaved = new ArrayList<>(seven.subList(0, 5));
      interleaved.addAll(three);
      interleaved.addAll(seven.subList(5, seven.size()));
      KitExchange exchange = KitExchange.send(detector, interleaved);
      assertThat(exchange.json().isArray()).as("several files give an array").isTrue();
      List<JsonNode> objects = exchange.objects();
      assertThat(objects).extracting(object -> object.get("fileId").asLong()).containsExactly(7L, 3L);
      objects.forEach(ContractShape::assertContractObject);
      assertThat(objects.get(0)).as("file 7 answered as if sent alone")
          .isEqualTo(KitExchange.send(detector, seven).single());
      assertThat(objects.get(1)).as("file 3 answered as if sent alone")
          .isEqualTo(KitExchange.send(detector, three).single());
    }

    @Test
    @DisplayName("an empty data array is answered with one object of zero counts")
    void answersAnEmptyRequest() {
      JsonNode object = KitExchange.send(detector, List.of()).single();
      assertContractObject(object);
      assertThat(object.get("fileId").asLong()).isEqualTo(ContractResponseWriter.NO_FILE_ID);
      assertThat(array(object, "EventHistory")).isEmpty();
      assertThat(array(object, "epcAnomalyStats")).isEmpty();
      assertThat(object.get("fileAnomalyStats").get("totalEvents").asInt()).isZero();
    }

    @Test
    @DisplayName("rejected items are listed with index, field and reason while the others are answered")
    void listsRejectedItems() {
      List<ScanEvent> events = KitTrails.sample(1);
      ArrayNode items = KitExchange.items(events);
      ObjectNode noEpc = KitExchange.item(events.get(2));
      noEpc.remove("epc_code");
      items.insert(2, noEpc);
      items.insert(5, "not an event");
      items.add(KitExchange.item(events.get(0)).put("event_time", "yesterday"));
      KitExchange exchange = KitExchange.send(detector, KitExchange.body(items));
      JsonNode object = exchange.single();
      assertContractObject(object);
      assertThat(exchange.response().eventCount()).as("the valid items are answered").isEqualTo(events.size());
      List<JsonNode> rejected = array(object, "rejectedEvents");
      assertThat(rejected).extracting(entry -> entry.get("index").asInt()).containsExactly(2, 5, 15);
      assertThat(rejected).extracting(entry -> entry.get("field").asText())
          .containsExactly("epc_code", "item", "event_time");
      assertThat(rejected.get(0).get("eventId").asLong()).isEqualTo(events.get(2).eventId());
      assertThat(rejected.get(1).has("eventId")).as("no id can be read from a string item").isFalse();
    }

    @Test
    @DisplayName("the first generation's example request is answered, and its broken EPC is reported as fake")
    void answersTheLegacyExample() {
      KitExchange exchange = KitExchange.send(detector, legacyExample());
      JsonNode object = exchange.single();
      assertContractObject(object);
      assertThat(object.get("fileId").asLong()).isEqualTo(3);
      assertStatsMatchHistory(object, exchange.request().events());
      assertThat(historyEntry(object, 304)).as("event 304 (BROKEN.EPC.FORMAT) in EventHistory").isNotNull();
      assertThat(historyEntry(object, 304).has(AnomalyType.EPC_FAKE.contractName())).isTrue();
    }
  }

  @Nested
  @DisplayName("Statistics")
  class Statistics {

    @Test
    @DisplayName("epcAnomalyStats and fileAnomalyStats count exactly the EventHistory flags")
    void statsMatchEventHistory() {
      List<ScanEvent> events = withAnomalies(1);
      JsonNode object = KitExchange.send(detector, events).single();
      assertThat(array(object, "EventHistory")).as("the anomalies of the request are reported").isNotEmpty();
      assertStatsMatchHistory(object, events);
    }

    @Test
    @DisplayName("the statistics of each file of a multi-file answer count that file only")
    void statsPerFile() {
      List<ScanEvent> events = new ArrayList<>(withAnomalies(1));
      events.addAll(fake(KitTrails.sampleTrail(2)));
      KitExchange exchange = KitExchange.send(detector, events);
      List<FileResult> files = exchange.response().files();
      for (int i = 0; i < files.size(); i++) {
        assertStatsMatchHistory(exchange.objects().get(i), files.get(i).batch().events());
      }
    }
  }

  @Nested
  @DisplayName("Normal traffic")
  class NormalTraffic {

    @Test
    @DisplayName("the real trails of raw_sample.tsv are reported for nothing")
    void sampleIsNormal() {
      assertNothingReported(KitTrails.sample(1));
    }

    @Test
    @DisplayName("the sample sent newest first is reported for nothing")
    void reversedSampleIsNormal() {
      List<ScanEvent> events = new ArrayList<>(KitTrails.sample(1));
      Collections.reverse(events);
      assertNothingReported(events);
    }

    @Test
    @DisplayName("complete trails over every observed route, at its fastest, mean and slowest time, are reported for nothing")
    void everyRouteIsNormal() {
      assertNothingReported(trails.everyRouteAtEveryPace(1));
    }

    @Test
    @DisplayName("a lot of EPCs moving together, sharing every timestamp, is reported for nothing")
    void batchesAreNormal() {
      List<ScanEvent> lot = new ArrayList<>();
      for (int serial = 0; serial < 20; serial++) {
        String epc = KitTrails.SAMPLE_EPC.substring(0, 36) + String.format("%09d", 5_000 + serial);
        for (ScanEvent event : KitTrails.sampleTrail(1)) {
          lot.add(copy(event, lot.size() + 1L, epc, event.locationId(), event.eventType(), event.eventTime()));
        }
      }
      assertNothingReported(lot);
    }
  }

  @Nested
  @DisplayName("Obvious anomalies")
  class ObviousAnomalies {

    @Test
    @DisplayName("epcFake: every event of a malformed EPC")
    void malformedEpc() {
      List<ScanEvent> broken = replace(KitTrails.sample(1), event -> event.epcCode().equals(KitTrails.SAMPLE_EPC)
          ? copy(event, event.eventId(), "BROKEN.EPC.FORMAT", event.locationId(), event.eventType(), event.eventTime())
          : event);
      for (int id = 1; id <= 10; id++) {
        assertReported(broken, id, AnomalyType.EPC_FAKE);
      }
    }

    @Test
    @DisplayName("epcFake: every event of a well-formed EPC whose company does not own its product")
    void impossibleEpc() {
      String foreign = KitTrails.SAMPLE_EPC.replace(".8804823.", ".8805843.");
      List<ScanEvent> events = KitTrails.sampleTrail(1).stream().map(event -> copy(event, event.eventId(),
          foreign, event.locationId(), event.eventType(), event.eventTime())).toList();
      for (ScanEvent event : events) {
        assertReported(events, event.eventId(), AnomalyType.EPC_FAKE);
      }
    }

    @Test
    @DisplayName("epcDup: both events of an EPC scanned at two hubs in the same second")
    void clonedEpc() {
      List<ScanEvent> events = new ArrayList<>(KitTrails.sample(1));
      ScanEvent hubInbound = events.get(3);
      events.add(copy(hubInbound, 100, hubInbound.epcCode(), trails.otherHub(hubInbound.locationId()).id(),
          hubInbound.eventType(), hubInbound.eventTime()));
      assertReported(events, hubInbound.eventId(), AnomalyType.EPC_DUP);
      assertReported(events, 100, AnomalyType.EPC_DUP);
    }

    @Test
    @DisplayName("locErr: a scan at a location id the network does not have")
    void unknownLocation() {
      List<ScanEvent> events = replace(KitTrails.sample(1), event -> event.eventId() == 4
          ? copy(event, 4, event.epcCode(), 999, event.eventType(), event.eventTime()) : event);
      assertReported(events, 4, AnomalyType.LOC_ERR);
    }

    @Test
    @DisplayName("locErr: a warehouse shipping straight to a retailer, arriving three hours later")
    void skippedTiers() {
      List<ScanEvent> trail = KitTrails.sampleTrail(1);
      List<ScanEvent> events = new ArrayList<>(trail.subList(0, 3));
      ScanEvent retailInbound = trail.get(7);
      events.add(copy(retailInbound, 8, retailInbound.epcCode(), retailInbound.locationId(),
          retailInbound.eventType(), trail.get(2).eventTime().plus(Duration.ofHours(3))));
      assertReported(events, 8, AnomalyType.LOC_ERR);
    }

    @Test
    @DisplayName("evtOrderErr: a scan after the item was sold")
    void scanAfterSale() {
      List<ScanEvent> events = new ArrayList<>(KitTrails.sample(1));
      ScanEvent sale = events.get(9);
      events.add(copy(sale, 100, sale.epcCode(), sale.locationId(), EventType.R_STOCK_OUTBOUND.dataName(),
          sale.eventTime().plus(Duration.ofDays(2))));
      assertReported(events, 100, AnomalyType.EVT_ORDER_ERR);
    }

    @Test
    @DisplayName("jump: arriving at the hub two minutes after leaving the factory warehouse")
    void impossibleTrip() {
      List<ScanEvent> events = KitTrails.sample(1);
      ScanEvent departure = events.get(2);
      List<ScanEvent> fast = replace(events, event -> event.eventId() == 4
          ? copy(event, 4, event.epcCode(), event.locationId(), event.eventType(),
              departure.eventTime().plus(Duration.ofMinutes(2)))
          : event);
      assertReported(fast, 4, AnomalyType.JUMP);
    }
  }

  @Nested
  @DisplayName("Thread safety")
  class ThreadSafety {

    @Test
    @DisplayName("concurrent calls each get the scores a single caller gets")
    void concurrentCallsAgree() throws Exception {
      List<ScanEvent> batch = mixedBatch();
      float[] expected = flatten(detector.score(batch));
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      try {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<float[]>>> results = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          results.add(pool.submit(scoreRepeatedly(batch, start)));
        }
        start.countDown();
        for (Future<List<float[]>> result : results) {
          for (float[] scores : result.get(5, TimeUnit.MINUTES)) {
            assertThat(scores).containsExactly(expected);
          }
        }
      } finally {
        pool.shutdownNow();
      }
    }

    private Callable<List<float[]>> scoreRepeatedly(List<ScanEvent> batch, CountDownLatch start) {
      return () -> {
        if (!start.await(1, TimeUnit.MINUTES)) {
          throw new IllegalStateException("the kit never released the concurrent calls");
        }
        List<float[]> all = new ArrayList<>();
        for (int call = 0; call < CALLS_PER_THREAD; call++) {
          all.add(flatten(detector.score(batch)));
        }
        return all;
      };
    }
  }

  /** The sample (file {@code fileId}) plus a clone, a scan after the sale, and a fake EPC's trail (ids 201-210). */
  private List<ScanEvent> withAnomalies(long fileId) {
    List<ScanEvent> events = new ArrayList<>(KitTrails.sample(fileId));
    ScanEvent hubInbound = events.get(3);
    events.add(copy(hubInbound, 100, hubInbound.epcCode(), trails.otherHub(hubInbound.locationId()).id(),
        hubInbound.eventType(), hubInbound.eventTime()));
    ScanEvent sale = events.get(9);
    events.add(copy(sale, 101, sale.epcCode(), sale.locationId(), EventType.R_STOCK_OUTBOUND.dataName(),
        sale.eventTime().plus(Duration.ofDays(2))));
    for (ScanEvent event : fake(KitTrails.sampleTrail(fileId))) {
      events.add(withId(event, 200 + event.eventId()));
    }
    return events;
  }

  /** A batch of normal trails and anomalies, for the checks that hold whatever the verdicts. */
  private List<ScanEvent> mixedBatch() {
    List<ScanEvent> batch = new ArrayList<>(trails.everyRouteAtEveryPace(1).subList(0, 600));
    for (ScanEvent event : withAnomalies(1)) {
      batch.add(withId(event, 10_000 + event.eventId()));
    }
    return batch;
  }

  private static List<ScanEvent> fake(List<ScanEvent> trail) {
    return trail.stream().map(event -> copy(event, event.eventId(), "001.8804823.1293291.99X004.20250701.000004002",
        event.locationId(), event.eventType(), event.eventTime())).toList();
  }

  private void assertNothingReported(List<ScanEvent> events) {
    ScoreTable scores = detector.score(events);
    Thresholds thresholds = detector.thresholds();
    List<String> reports = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      for (AnomalyType type : AnomalyType.values()) {
        if (thresholds.reports(type, scores.get(i, type))) {
          reports.add(describe(events.get(i)) + " reported " + type.contractName() + " " + scores.get(i, type));
        }
      }
    }
    assertThat(reports).as("reports on normal traffic (%d events)", events.size()).isEmpty();
    JsonNode object = KitExchange.send(detector, events).single();
    assertContractObject(object);
    assertThat(array(object, "EventHistory")).isEmpty();
    assertThat(array(object, "epcAnomalyStats")).isEmpty();
  }

  private void assertReported(List<ScanEvent> events, long eventId, AnomalyType type) {
    KitExchange exchange = KitExchange.send(detector, events);
    JsonNode object = exchange.single();
    assertContractObject(object);
    List<ScanEvent> received = exchange.request().events();
    assertStatsMatchHistory(object, received);
    int index = indexOf(received, eventId);
    ScoreTable scores = detector.score(received);
    JsonNode entry = historyEntry(object, eventId);
    assertThat(entry != null && entry.has(type.contractName()))
        .as("%s reported %s (score %.1f, threshold %.1f); its EventHistory entry: %s", describe(received.get(index)),
            type.contractName(), scores.get(index, type), detector.thresholds().get(type), entry)
        .isTrue();
  }

  private static JsonNode historyEntry(JsonNode object, long eventId) {
    for (JsonNode entry : array(object, "EventHistory")) {
      if (entry.get("eventId").asLong() == eventId) {
        return entry;
      }
    }
    return null;
  }

  private static int indexOf(List<ScanEvent> events, long eventId) {
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).eventId() == eventId) {
        return i;
      }
    }
    throw new IllegalArgumentException("no event " + eventId + " in the kit's batch");
  }

  private static String describe(ScanEvent event) {
    return "event " + event.eventId() + " (" + event.epcCode() + " " + event.eventType() + " at location "
        + event.locationId() + ", " + event.eventTime() + ")";
  }

  private static List<ScanEvent> replace(List<ScanEvent> events, UnaryOperator<ScanEvent> change) {
    return events.stream().map(change).toList();
  }

  private static ScanEvent copy(ScanEvent event, long eventId, String epc, int locationId, String eventType,
      Instant time) {
    String step = EventType.fromName(eventType) != null ? EventType.fromName(eventType).step().dataName()
        : event.businessStep();
    return new ScanEvent(eventId, event.fileId(), epc, locationId, step, eventType, time, null);
  }

  private static ScanEvent withId(ScanEvent event, long eventId) {
    return new ScanEvent(eventId, event.fileId(), event.epcCode(), event.locationId(), event.businessStep(),
        event.eventType(), event.eventTime(), event.manufactureTime());
  }

  private static float[] flatten(ScoreTable scores) {
    float[] flat = new float[scores.size() * AnomalyType.COUNT];
    for (int i = 0; i < scores.size(); i++) {
      for (AnomalyType type : AnomalyType.values()) {
        flat[i * AnomalyType.COUNT + type.ordinal()] = scores.get(i, type);
      }
    }
    return flat;
  }

  private static byte[] legacyExample() {
    try (InputStream in = Objects.requireNonNull(
        DetectorCompatibilityKit.class.getResourceAsStream("legacy_request_example.json"),
        "legacy_request_example.json is missing from contract-tests")) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
