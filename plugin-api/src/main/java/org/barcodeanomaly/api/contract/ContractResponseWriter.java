package org.barcodeanomaly.api.contract;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.event.ScanEvent;

/**
 * Writes a {@link ContractResponse} as the contract's JSON with Jackson's streaming generator:
 * one object for one file, an array of objects for several, one object with zero counts (and
 * {@code fileId} 0) when no file was analysed. The exact shape is listed in the
 * {@linkplain org.barcodeanomaly.api.contract package documentation}.
 *
 * <p>Thread-safe and reusable.
 */
public final class ContractResponseWriter {

  /** The {@code fileId} of the zero-count object that answers a request with no accepted event. */
  public static final long NO_FILE_ID = 0;

  private static final JsonFactory JSON = JsonFactory.builder()
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .build();

  private static final String[] SCORE_FIELDS = new String[AnomalyType.COUNT];
  private static final String[] COUNT_FIELDS = new String[AnomalyType.COUNT];

  static {
    for (AnomalyType type : AnomalyType.values()) {
      SCORE_FIELDS[type.ordinal()] = type.contractName() + "Score";
      COUNT_FIELDS[type.ordinal()] = type.contractName() + "Count";
    }
  }

  /**
   * Writes {@code response} to {@code out}, which is flushed and left open.
   *
   * @throws UncheckedIOException when {@code out} fails
   */
  public void write(ContractResponse response, OutputStream out) {
    try (JsonGenerator json = JSON.createGenerator(out)) {
      write(response, json);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the response", e);
    }
  }

  /** The JSON of {@code response} as UTF-8 bytes. */
  public byte[] toBytes(ContractResponse response) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    write(response, out);
    return out.toByteArray();
  }

  private void write(ContractResponse response, JsonGenerator json) throws IOException {
    List<FileResult> objects = response.files().isEmpty()
        ? List.of(FileResult.empty(NO_FILE_ID))
        : response.files();
    List<List<RejectedEvent>> rejected = placeRejected(objects, response.rejected());
    if (objects.size() > 1) {
      json.writeStartArray();
    }
    for (int i = 0; i < objects.size(); i++) {
      writeFile(json, objects.get(i), response, rejected.get(i));
    }
    if (objects.size() > 1) {
      json.writeEndArray();
    }
  }

  /**
   * Which object lists each rejected item: the object of its file when its {@code file_id} was
   * readable and that file has accepted events, else the first object.
   */
  private static List<List<RejectedEvent>> placeRejected(List<FileResult> objects,
      List<RejectedEvent> rejected) {
    Map<Long, Integer> positionOfFile = new HashMap<>();
    List<List<RejectedEvent>> placed = new ArrayList<>(objects.size());
    for (int i = 0; i < objects.size(); i++) {
      positionOfFile.putIfAbsent(objects.get(i).fileId(), i);
      placed.add(new ArrayList<>());
    }
    for (RejectedEvent item : rejected) {
      Integer position = item.fileId() == null ? null : positionOfFile.get(item.fileId());
      placed.get(position == null ? 0 : position).add(item);
    }
    return placed;
  }

  private static void writeFile(JsonGenerator json, FileResult file, ContractResponse response,
      List<RejectedEvent> rejected) throws IOException {
    json.writeStartObject();
    json.writeNumberField("fileId", file.fileId());
    json.writeStringField("method", response.method());
    if (response.warning() != null) {
      json.writeStringField("warning", response.warning());
    }
    writeEventHistory(json, file);
    writeEpcStats(json, file);
    json.writeFieldName("fileAnomalyStats");
    writeCounts(json, file.counts());
    if (!rejected.isEmpty()) {
      writeRejected(json, rejected);
    }
    json.writeEndObject();
  }

  private static void writeEventHistory(JsonGenerator json, FileResult file) throws IOException {
    json.writeArrayFieldStart("EventHistory");
    List<ScanEvent> events = file.batch().events();
    for (int i = 0; i < events.size(); i++) {
      if (file.anyReported(i)) {
        json.writeStartObject();
        json.writeNumberField("eventId", events.get(i).eventId());
        for (AnomalyType type : AnomalyCounts.CONTRACT_ORDER) {
          if (file.reported(i, type)) {
            json.writeBooleanField(type.contractName(), true);
            json.writeNumberField(SCORE_FIELDS[type.ordinal()], oneDecimal(file.scores().get(i, type)));
          }
        }
        json.writeEndObject();
      }
    }
    json.writeEndArray();
  }

  private static void writeEpcStats(JsonGenerator json, FileResult file) throws IOException {
    json.writeArrayFieldStart("epcAnomalyStats");
    for (Map.Entry<String, AnomalyCounts> epc : file.countsByEpc().entrySet()) {
      json.writeStartObject();
      json.writeStringField("epcCode", epc.getKey());
      writeCountFields(json, epc.getValue());
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private static void writeCounts(JsonGenerator json, AnomalyCounts counts) throws IOException {
    json.writeStartObject();
    writeCountFields(json, counts);
    json.writeEndObject();
  }

  private static void writeCountFields(JsonGenerator json, AnomalyCounts counts) throws IOException {
    json.writeNumberField("totalEvents", counts.total());
    for (AnomalyType type : AnomalyCounts.CONTRACT_ORDER) {
      json.writeNumberField(COUNT_FIELDS[type.ordinal()], counts.get(type));
    }
  }

  private static void writeRejected(JsonGenerator json, List<RejectedEvent> rejected) throws IOException {
    json.writeArrayFieldStart("rejectedEvents");
    for (RejectedEvent item : rejected) {
      json.writeStartObject();
      json.writeNumberField("index", item.index());
      if (item.eventId() != null) {
        json.writeFieldName("eventId");
        writeId(json, item.eventId());
      }
      json.writeStringField("field", item.field());
      json.writeStringField("reason", item.reason());
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  /** An event id as a number, as {@code EventHistory} writes it, unless its text is not one. */
  private static void writeId(JsonGenerator json, String eventId) throws IOException {
    try {
      json.writeNumber(Long.parseLong(eventId));
    } catch (NumberFormatException e) {
      json.writeString(eventId);
    }
  }

  /** A score rounded to one decimal, as the first generation wrote them (e.g. 95.8). */
  private static double oneDecimal(float score) {
    return Math.round(score * 10f) / 10.0;
  }
}
