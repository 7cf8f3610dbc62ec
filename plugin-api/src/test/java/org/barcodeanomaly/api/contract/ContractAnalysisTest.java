package org.barcodeanomaly.api.contract;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.barcodeanomaly.api.detector.Detector;
import org.barcodeanomaly.api.detector.ScoreTable;
import org.barcodeanomaly.api.detector.StreamingDetector;
import org.barcodeanomaly.api.detector.Thresholds;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.event.ScanEvent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ContractAnalysisTest {

  /** Flags jump on every event whose location_id is 99, and records the batches it was given. */
  private static class RecordingDetectorBase implements Detector {
    final List<List<Long>> batches = new ArrayList<>();
    int extraRows;

    @Override
    public String name() {
      return "recording";
    }

    @Override
    public String version() {
      return "recording-1";
    }

    @Override
    public ScoreTable score(List<ScanEvent> events) {
      batches.add(events.stream().map(ScanEvent::eventId).toList());
      return jumpAt99(events, extraRows);
    }

    @Override
    public Thresholds thresholds() {
      return Thresholds.uniform(50);
    }

    static ScoreTable jumpAt99(List<ScanEvent> events, int extraRows) {
      ScoreTable table = new ScoreTable(events.size() + extraRows);
      for (int i = 0; i < events.size(); i++) {
        table.set(i, AnomalyType.JUMP, events.get(i).locationId() == 99 ? 90 : 10);
      }
      return table;
    }
  }

  private static class RecordingDetector extends RecordingDetectorBase {
  }

  /** Records the arrivals it was given and scores each with the jump rule of its parent. */
  private static final class RecordingStream extends RecordingDetectorBase implements StreamingDetector {
    final List<List<Long>> calls = new ArrayList<>();

    @Override
    public ScoreTable scoreArrivals(List<ScanEvent> events) {
      calls.add(events.stream().map(ScanEvent::eventId).toList());
      return jumpAt99(events, extraRows);
    }

    @Override
    public long bufferedEpcs() {
      return 0;
    }
  }

  private static ContractRequest request(String... items) throws ContractFormatException {
    return new ContractRequestReader().read(("{\"data\": [" + String.join(",", items) + "]}").getBytes(UTF_8));
  }

  private static String item(long id, long fileId, int location) {
    return "{\"event_id\": " + id + ", \"epc_code\": \"E\", \"location_id\": " + location
        + ", \"business_step\": \"WMS\", \"event_type\": \"WMS_Inbound\","
        + " \"event_time\": \"2025-07-01 11:02:38\", \"file_id\": " + fileId + "}";
  }

  @Test
  @DisplayName("each file is scored on its own, in order of first appearance")
  void scoresEachFileOnItsOwn() throws Exception {
    RecordingDetector detector = new RecordingDetector();
    ContractResponse response = ContractAnalysis.analyze(
        request(item(1, 5, 99), item(2, 6, 1), item(3, 5, 1)), detector, "recording-1", "why");
    assertThat(detector.batches).containsExactly(List.of(1L, 3L), List.of(2L));
    assertThat(response.files()).extracting(FileResult::fileId).containsExactly(5L, 6L);
    assertThat(response.files().get(0).reported(0, AnomalyType.JUMP)).isTrue();
    assertThat(response.reportedCount(AnomalyType.JUMP)).isEqualTo(1);
    assertThat(response.method()).isEqualTo("recording-1");
    assertThat(response.warning()).isEqualTo("why");
  }

  @Test
  @DisplayName("the request's rejected items are carried into the response")
  void carriesRejectedItems() throws Exception {
    ContractRequest request = request(item(1, 5, 1), "7");
    ContractResponse response = ContractAnalysis.analyze(request, new RecordingDetector(), "m", null);
    assertThat(response.rejected()).isEqualTo(request.rejected()).hasSize(1);
  }

  @Test
  @DisplayName("an empty request is answered without calling the detector")
  void emptyRequest() throws Exception {
    RecordingDetector detector = new RecordingDetector();
    ContractResponse response = ContractAnalysis.analyze(request(), detector, "m", null);
    assertThat(detector.batches).isEmpty();
    assertThat(response.files()).isEmpty();
  }

  @Test
  @DisplayName("a caller that gave up (interrupted the thread) stops the scoring of the remaining files")
  void stopsWhenAbandoned() throws Exception {
    RecordingDetector detector = new RecordingDetector() {
      @Override
      public ScoreTable score(List<ScanEvent> events) {
        Thread.currentThread().interrupt();
        return super.score(events);
      }
    };
    ContractRequest request = request(item(1, 5, 1), item(2, 6, 1), item(3, 7, 1));
    try {
      assertThatThrownBy(() -> ContractAnalysis.analyze(request, detector, "m", null))
          .isInstanceOf(CancellationException.class)
          .hasMessage("abandoned by the caller after 1 of 3 files: the time budget ran out");
    } finally {
      Thread.interrupted();
    }
    assertThat(detector.batches).containsExactly(List.of(1L));
  }

  @Test
  @DisplayName("a detector that returns the wrong number of rows is named in the error")
  void namesABrokenDetector() throws Exception {
    RecordingDetector detector = new RecordingDetector();
    detector.extraRows = 1;
    assertThatThrownBy(() -> ContractAnalysis.analyze(request(item(1, 5, 1)), detector, "m", null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("detector recording: the score table of file 5 has 2 rows for 1 events: "
            + "a detector must score every event once");
  }

  @Test
  @DisplayName("streaming scores every event in request order in one call, and answers each file with its own rows")
  void streamsInRequestOrder() throws Exception {
    RecordingStream detector = new RecordingStream();
    ContractResponse response = ContractAnalysis.analyzeArrivals(
        request(item(1, 5, 1), item(2, 6, 99), item(3, 5, 99)), detector, "recording-1");
    assertThat(detector.calls).containsExactly(List.of(1L, 2L, 3L));
    assertThat(detector.batches).isEmpty();
    assertThat(response.files()).extracting(FileResult::fileId).containsExactly(5L, 6L);
    assertThat(response.files().get(0).reported(0, AnomalyType.JUMP)).isFalse();
    assertThat(response.files().get(0).reported(1, AnomalyType.JUMP)).isTrue();
    assertThat(response.files().get(1).reported(0, AnomalyType.JUMP)).isTrue();
    assertThat(response.files().get(0).scores().get(1, AnomalyType.JUMP)).isEqualTo(90f);
    assertThat(response.method()).isEqualTo("recording-1");
    assertThat(response.warning()).isNull();
  }

  @Test
  @DisplayName("streaming an empty request answers it without calling the detector and keeps the rejected items")
  void streamsAnEmptyRequest() throws Exception {
    RecordingStream detector = new RecordingStream();
    ContractRequest request = request("7");
    ContractResponse response = ContractAnalysis.analyzeArrivals(request, detector, "m");
    assertThat(detector.calls).isEmpty();
    assertThat(response.files()).isEmpty();
    assertThat(response.rejected()).isEqualTo(request.rejected()).hasSize(1);
  }

  @Test
  @DisplayName("a streaming detector that returns the wrong number of rows is named in the error")
  void namesABrokenStreamingDetector() throws Exception {
    RecordingStream detector = new RecordingStream();
    detector.extraRows = 1;
    assertThatThrownBy(() -> ContractAnalysis.analyzeArrivals(request(item(1, 5, 1)), detector, "m"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("detector recording: the score table of 1 arrivals has 2 rows: "
            + "a detector must score every event once");
  }
}
