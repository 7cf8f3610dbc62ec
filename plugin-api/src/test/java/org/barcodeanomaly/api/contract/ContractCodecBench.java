package org.barcodeanomaly.api.contract;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.barcodeanomaly.api.bench.BenchTable;
import org.barcodeanomaly.api.detector.ScoreTable;
import org.barcodeanomaly.api.detector.Thresholds;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.event.ScanEvent;

/**
 * How fast the contract codec reads a request and writes a response at the request limit, against
 * the usual data-binding way (tree model) and Jackson's bare token walk (a baseline). Arguments:
 * events (default 100,000), warm-up rounds (5), timed rounds (10):
 * {@code java -cp <plugin-api test classpath> org.barcodeanomaly.api.contract.ContractCodecBench}.
 */
public final class ContractCodecBench {

  private static final DateTimeFormatter DATA_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ContractCodecBench() {
  }

  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : ContractOptions.DEFAULT_MAX_EVENTS;
    int warmups = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    byte[] body = requestBody(events);
    System.out.printf("request: %,d events, %,d bytes%n", events, body.length);
    ContractRequestReader reader = new ContractRequestReader();
    new BenchTable("reading a request", events, "events", warmups, rounds)
        .measure("ContractRequestReader", () -> checksum(reader.read(body).events()))
        .measure("peer: ObjectMapper.readTree + fields", () -> readWithTree(body))
        .measureBaseline("baseline: JsonParser.nextToken only", () -> walkTokens(body))
        .print();

    ContractResponse response = scoredResponse(reader.read(body));
    ContractResponseWriter writer = new ContractResponseWriter();
    new BenchTable("writing the response (every 10th event reported)", events, "events", warmups, rounds)
        .measure("ContractResponseWriter", () -> (long) writer.toBytes(response).length)
        .measure("peer: ObjectNode tree + writeValueAsBytes", () -> writeWithTree(response))
        .print();
  }

  private static long checksum(List<ScanEvent> events) {
    long sum = 0;
    for (ScanEvent event : events) {
      sum += event.eventId() + event.locationId() + event.epochSecond();
    }
    return sum;
  }

  private static byte[] requestBody(int events) {
    StringBuilder json = new StringBuilder("{\"data\": [");
    for (int i = 0; i < events; i++) {
      json.append(i == 0 ? "" : ",").append("{\"event_id\": ").append(i)
          .append(", \"epc_code\": \"001.8804823.1293291.010004.20250701.").append(String.format("%09d", i / 10))
          .append("\", \"location_id\": ").append(i % 10 == 0 ? 1 : 5)
          .append(", \"business_step\": \"WMS\", \"event_type\": \"WMS_Inbound\", \"event_time\": \"2025-07-")
          .append(String.format("%02d %02d:%02d:%02d", 1 + i % 28, i % 24, i % 60, (i * 7) % 60))
          .append("\", \"file_id\": ").append(1 + i / 50_000).append('}');
    }
    return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
  }

  private static long readWithTree(byte[] body) throws Exception {
    long sum = 0;
    for (JsonNode item : MAPPER.readTree(body).get("data")) {
      ScanEvent event = new ScanEvent(item.get("event_id").asLong(), item.get("file_id").asLong(),
          item.get("epc_code").asText(), item.get("location_id").asInt(), item.get("business_step").asText(),
          item.get("event_type").asText(),
          LocalDateTime.parse(item.get("event_time").asText(), DATA_TIME).toInstant(ZoneOffset.UTC));
      sum += event.eventId() + event.locationId() + event.epochSecond();
    }
    return sum;
  }

  private static long walkTokens(byte[] body) throws Exception {
    long tokens = 0;
    try (JsonParser parser = new JsonFactory().createParser(body)) {
      while (parser.nextToken() != null) {
        tokens++;
      }
    }
    return tokens;
  }

  private static ContractResponse scoredResponse(ContractRequest request) {
    List<FileResult> files = request.files().stream().map(batch -> {
      ScoreTable scores = new ScoreTable(batch.events().size());
      for (int i = 0; i < scores.size(); i += 10) {
        scores.set(i, AnomalyType.JUMP, 95.5);
        scores.set(i, AnomalyType.LOC_ERR, 70.1);
      }
      return new FileResult(batch, scores, Thresholds.uniform(50));
    }).toList();
    return new ContractResponse(files, "bench-1", null, List.of());
  }

  private static long writeWithTree(ContractResponse response) throws Exception {
    ArrayNode root = MAPPER.createArrayNode();
    for (FileResult file : response.files()) {
      ObjectNode object = root.addObject().put("fileId", file.fileId()).put("method", response.method());
      ArrayNode history = object.putArray("EventHistory");
      for (int i = 0; i < file.batch().events().size(); i++) {
        if (file.anyReported(i)) {
          ObjectNode entry = history.addObject().put("eventId", file.batch().events().get(i).eventId());
          for (AnomalyType type : AnomalyCounts.CONTRACT_ORDER) {
            if (file.reported(i, type)) {
              entry.put(type.contractName(), true)
                  .put(type.contractName() + "Score", Math.round(file.scores().get(i, type) * 10f) / 10.0);
            }
          }
        }
      }
      ArrayNode epcs = object.putArray("epcAnomalyStats");
      file.countsByEpc().forEach((epc, counts) -> putCounts(epcs.addObject().put("epcCode", epc), counts));
      putCounts(object.putObject("fileAnomalyStats"), file.counts());
    }
    return MAPPER.writeValueAsBytes(root).length;
  }

  private static void putCounts(ObjectNode node, AnomalyCounts counts) {
    node.put("totalEvents", counts.total());
    for (AnomalyType type : AnomalyCounts.CONTRACT_ORDER) {
      node.put(type.contractName() + "Count", counts.get(type));
    }
  }
}
