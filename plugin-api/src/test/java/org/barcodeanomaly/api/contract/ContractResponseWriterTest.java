package org.barcodeanomaly.api.contract;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.barcodeanomaly.api.event.AnomalyType.EPC_DUP;
import static org.barcodeanomaly.api.event.AnomalyType.EPC_FAKE;
import static org.barcodeanomaly.api.event.AnomalyType.EVT_ORDER_ERR;
import static org.barcodeanomaly.api.event.AnomalyType.JUMP;
import static org.barcodeanomaly.api.event.AnomalyType.LOC_ERR;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.barcodeanomaly.api.detector.ScoreTable;
import org.barcodeanomaly.api.detector.Thresholds;
import org.barcodeanomaly.api.event.ScanEvent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ContractResponseWriterTest {

  private static final Thresholds THRESHOLDS = Thresholds.uniform(50);
  private static final String ZERO_STATS = "{\"totalEvents\":0,\"jumpCount\":0,\"evtOrderErrCount\":0,"
      + "\"epcFakeCount\":0,\"epcDupCount\":0,\"locErrCount\":0}";

  private final ContractResponseWriter writer = new ContractResponseWriter();

  private static ScanEvent event(long id, long fileId, String epc) {
    return new ScanEvent(id, fileId, epc, 1, "Factory", "Aggregation", Instant.parse("2025-07-01T10:34:17Z"));
  }

  /** A file of four events of EPCs A, B, A, B with reports on the last three. */
  private static FileResult reportedFile() {
    List<ScanEvent> events = List.of(event(12345, 1, "A"), event(12346, 1, "B"),
        event(12347, 1, "A"), event(12348, 1, "B"));
    ScoreTable scores = new ScoreTable(4);
    scores.set(0, JUMP, 49.9);
    scores.set(1, JUMP, 95.84);
    scores.set(2, EPC_FAKE, 85.2);
    scores.set(2, LOC_ERR, 67.4);
    scores.set(2, EVT_ORDER_ERR, 49.99);
    scores.set(3, EPC_DUP, 50.0);
    return new FileResult(new FileBatch(1, events), scores, THRESHOLDS);
  }

  private static FileResult cleanFile(long fileId, long... ids) {
    List<ScanEvent> events = Arrays.stream(ids).mapToObj(id -> event(id, fileId, "E" + id)).toList();
    return new FileResult(new FileBatch(fileId, events), new ScoreTable(events.size()), THRESHOLDS);
  }

  private String json(ContractResponse response) {
    return new String(writer.toBytes(response), UTF_8);
  }

  @Test
  @DisplayName("one file is answered with one object of exactly the contract's fields plus method")
  void writesOneFile() {
    assertThat(json(new ContractResponse(List.of(reportedFile()), "rule-1.0", null, List.of()))).isEqualTo(
        "{\"fileId\":1,\"method\":\"rule-1.0\",\"EventHistory\":["
            + "{\"eventId\":12346,\"jump\":true,\"jumpScore\":95.8},"
            + "{\"eventId\":12347,\"epcFake\":true,\"epcFakeScore\":85.2,\"locErr\":true,\"locErrScore\":67.4},"
            + "{\"eventId\":12348,\"epcDup\":true,\"epcDupScore\":50.0}],"
            + "\"epcAnomalyStats\":["
            + "{\"epcCode\":\"A\",\"totalEvents\":2,\"jumpCount\":0,\"evtOrderErrCount\":0,\"epcFakeCount\":1,"
            + "\"epcDupCount\":0,\"locErrCount\":1},"
            + "{\"epcCode\":\"B\",\"totalEvents\":2,\"jumpCount\":1,\"evtOrderErrCount\":0,\"epcFakeCount\":0,"
            + "\"epcDupCount\":1,\"locErrCount\":0}],"
            + "\"fileAnomalyStats\":{\"totalEvents\":4,\"jumpCount\":1,\"evtOrderErrCount\":0,\"epcFakeCount\":1,"
            + "\"epcDupCount\":1,\"locErrCount\":1}}");
  }

  @Test
  @DisplayName("a score at the threshold is reported, one just below is not")
  void reportsAtTheThreshold() {
    FileResult file = reportedFile();
    assertThat(file.reported(3, EPC_DUP)).isTrue();
    assertThat(file.reported(2, EVT_ORDER_ERR)).isFalse();
    assertThat(file.anyReported(0)).isFalse();
    assertThat(file.reportedEventCount()).isEqualTo(3);
  }

  @Test
  @DisplayName("EPC stats follow each EPC's first event, not its first report, and add up to the file's stats")
  void epcStatsInFirstAppearanceOrder() {
    FileResult file = reportedFile();
    assertThat(file.countsByEpc().keySet()).containsExactly("A", "B");
    int[] sums = new int[5];
    for (AnomalyCounts epc : file.countsByEpc().values()) {
      for (var type : AnomalyCounts.CONTRACT_ORDER) {
        sums[type.ordinal()] += epc.get(type);
      }
    }
    for (var type : AnomalyCounts.CONTRACT_ORDER) {
      assertThat(sums[type.ordinal()]).as(type.contractName()).isEqualTo(file.counts().get(type));
    }
    assertThat(file.counts().total()).isEqualTo(4);
  }

  @Test
  @DisplayName("several files are answered with an array of objects in order of first appearance")
  void writesSeveralFiles() {
    ContractResponse response = new ContractResponse(List.of(cleanFile(7, 1), cleanFile(2, 2, 3)),
        "svm-2026.11.25", null, List.of());
    assertThat(json(response)).isEqualTo("["
        + "{\"fileId\":7,\"method\":\"svm-2026.11.25\",\"EventHistory\":[],\"epcAnomalyStats\":[],"
        + "\"fileAnomalyStats\":" + ZERO_STATS + "},"
        + "{\"fileId\":2,\"method\":\"svm-2026.11.25\",\"EventHistory\":[],\"epcAnomalyStats\":[],"
        + "\"fileAnomalyStats\":" + ZERO_STATS + "}]");
  }

  @Test
  @DisplayName("an empty request is answered with one object of zero counts and fileId 0")
  void writesZeroFiles() {
    assertThat(json(new ContractResponse(List.of(), "rule-1.0", null, List.of()))).isEqualTo(
        "{\"fileId\":0,\"method\":\"rule-1.0\",\"EventHistory\":[],\"epcAnomalyStats\":[],"
            + "\"fileAnomalyStats\":" + ZERO_STATS + "}");
  }

  @Test
  @DisplayName("a fallback answer carries its warning after method")
  void writesTheWarning() {
    assertThat(json(new ContractResponse(List.of(cleanFile(1, 1)), "rule-based-fallback",
        "svm model missing: answered by rule-1.0", List.of())))
        .startsWith("{\"fileId\":1,\"method\":\"rule-based-fallback\","
            + "\"warning\":\"svm model missing: answered by rule-1.0\",\"EventHistory\":[]");
  }

  @Test
  @DisplayName("a rejected item is listed in its file's object, or in the first object when its file was not analysed")
  void placesRejectedItems() {
    List<RejectedEvent> rejected = List.of(
        new RejectedEvent(0, "5", "event_time", "bad", 2L),
        new RejectedEvent(1, null, "item", "not an object"),
        new RejectedEvent(3, "9", "epc_code", "missing", 99L));
    String written = json(new ContractResponse(List.of(cleanFile(7, 1), cleanFile(2, 2)), "rule-1.0", null, rejected));
    assertThat(written).isEqualTo("["
        + "{\"fileId\":7,\"method\":\"rule-1.0\",\"EventHistory\":[],\"epcAnomalyStats\":[],"
        + "\"fileAnomalyStats\":" + ZERO_STATS + ",\"rejectedEvents\":["
        + "{\"index\":1,\"field\":\"item\",\"reason\":\"not an object\"},"
        + "{\"index\":3,\"eventId\":9,\"field\":\"epc_code\",\"reason\":\"missing\"}]},"
        + "{\"fileId\":2,\"method\":\"rule-1.0\",\"EventHistory\":[],\"epcAnomalyStats\":[],"
        + "\"fileAnomalyStats\":" + ZERO_STATS + ",\"rejectedEvents\":["
        + "{\"index\":0,\"eventId\":5,\"field\":\"event_time\",\"reason\":\"bad\"}]}]");
  }

  @Test
  @DisplayName("a request whose every item was rejected is answered with one zero-count object holding them")
  void everyItemRejected() {
    List<RejectedEvent> rejected = List.of(new RejectedEvent(0, "5", "file_id", "bad"));
    assertThat(json(new ContractResponse(List.of(), "rule-1.0", null, rejected))).isEqualTo(
        "{\"fileId\":0,\"method\":\"rule-1.0\",\"EventHistory\":[],\"epcAnomalyStats\":[],"
            + "\"fileAnomalyStats\":" + ZERO_STATS + ",\"rejectedEvents\":["
            + "{\"index\":0,\"eventId\":5,\"field\":\"file_id\",\"reason\":\"bad\"}]}");
  }

  @Test
  @DisplayName("the response's counts are the sums the JSON shows")
  void countsForMetrics() {
    ContractResponse response = new ContractResponse(List.of(reportedFile(), cleanFile(2, 9)), "rule-1.0",
        null, List.of(new RejectedEvent(0, null, "item", "x")));
    assertThat(response.eventCount()).isEqualTo(5);
    assertThat(response.reportedEventCount()).isEqualTo(3);
    assertThat(response.rejectedCount()).isEqualTo(1);
    assertThat(Map.of(JUMP, response.reportedCount(JUMP), EPC_FAKE, response.reportedCount(EPC_FAKE),
        EPC_DUP, response.reportedCount(EPC_DUP), LOC_ERR, response.reportedCount(LOC_ERR),
        EVT_ORDER_ERR, response.reportedCount(EVT_ORDER_ERR)))
        .isEqualTo(Map.of(JUMP, 1L, EPC_FAKE, 1L, EPC_DUP, 1L, LOC_ERR, 1L, EVT_ORDER_ERR, 0L));
  }

  @Test
  @DisplayName("writing to a stream gives the same bytes and leaves the stream open")
  void writesToAStream() {
    ContractResponse response = new ContractResponse(List.of(reportedFile()), "rule-1.0", null, List.of());
    boolean[] closed = {false};
    ByteArrayOutputStream out = new ByteArrayOutputStream() {
      @Override
      public void close() throws IOException {
        closed[0] = true;
      }
    };
    writer.write(response, out);
    assertThat(out.toByteArray()).isEqualTo(writer.toBytes(response));
    assertThat(closed[0]).isFalse();
  }

  @Test
  @DisplayName("a score table without one row per event is refused")
  void refusesAMismatchedScoreTable() {
    FileBatch batch = new FileBatch(4, List.of(event(1, 4, "A")));
    assertThatThrownBy(() -> new FileResult(batch, new ScoreTable(2), THRESHOLDS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the score table of file 4 has 2 rows for 1 events: a detector must score every event once");
  }
}
