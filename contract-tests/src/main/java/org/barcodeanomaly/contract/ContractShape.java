package org.barcodeanomaly.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.barcodeanomaly.api.detector.ScoreTable;
import org.barcodeanomaly.api.detector.Thresholds;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.event.ScanEvent;

/**
 * What a response object of the contract must look like, checked on the parsed JSON the way a
 * first-generation client reads it: exact field names, types and ranges, and counts that agree
 * with the flags.
 */
final class ContractShape {

  /** The stats fields in the contract's order. */
  static final List<String> COUNT_FIELDS = List.of("totalEvents", "jumpCount", "evtOrderErrCount",
      "epcFakeCount", "epcDupCount", "locErrCount");

  private static final List<AnomalyType> STATS_ORDER = List.of(AnomalyType.JUMP,
      AnomalyType.EVT_ORDER_ERR, AnomalyType.EPC_FAKE, AnomalyType.EPC_DUP, AnomalyType.LOC_ERR);

  private ContractShape() {
  }

  /**
   * Fails unless {@code object} has exactly {@code fileId, method, [warning], EventHistory,
   * epcAnomalyStats, fileAnomalyStats, [rejectedEvents]} with the contract's types: flags only
   * {@code true} and paired with a score in 0–100, no null anywhere, totals equal to the sums.
   */
  static void assertContractObject(JsonNode object) {
    assertThat(object.isObject()).as("a response object, got %s", object).isTrue();
    List<String> expected = new ArrayList<>(List.of("fileId", "method"));
    if (object.has("warning")) {
      expected.add("warning");
    }
    expected.addAll(List.of("EventHistory", "epcAnomalyStats", "fileAnomalyStats"));
    if (object.has("rejectedEvents")) {
      expected.add("rejectedEvents");
    }
    assertThat(fieldNames(object)).as("fields of %s", object).containsExactlyElementsOf(expected);
    assertThat(object.get("fileId").isIntegralNumber()).as("fileId is a whole number").isTrue();
    assertThat(object.get("method").isTextual() && !object.get("method").asText().isBlank())
        .as("method names the detector").isTrue();
    for (JsonNode entry : array(object, "EventHistory")) {
      assertHistoryEntry(entry);
    }
    for (JsonNode epc : array(object, "epcAnomalyStats")) {
      assertThat(fieldNames(epc)).as("fields of an epcAnomalyStats entry")
          .containsExactlyElementsOf(concat("epcCode", COUNT_FIELDS));
      assertThat(epc.get("epcCode").isTextual()).as("epcCode is a string").isTrue();
      assertCounts(epc);
      assertThat(epc.get("totalEvents").asInt()).as("an EPC is listed only with a report").isPositive();
    }
    JsonNode file = object.get("fileAnomalyStats");
    assertThat(fieldNames(file)).as("fields of fileAnomalyStats").containsExactlyElementsOf(COUNT_FIELDS);
    assertCounts(file);
    if (object.has("rejectedEvents")) {
      assertThat(array(object, "rejectedEvents")).as("rejectedEvents is only written when not empty").isNotEmpty();
      array(object, "rejectedEvents").forEach(ContractShape::assertRejectedEntry);
    }
  }

  /**
   * Fails unless the stats of {@code object} are the counts of its {@code EventHistory} flags,
   * per EPC in order of the EPC's first event in {@code fileEvents}, and over the file.
   */
  static void assertStatsMatchHistory(JsonNode object, List<ScanEvent> fileEvents) {
    Map<Long, ScanEvent> byId = new HashMap<>();
    Map<Long, Integer> position = new HashMap<>();
    for (int i = 0; i < fileEvents.size(); i++) {
      byId.put(fileEvents.get(i).eventId(), fileEvents.get(i));
      position.put(fileEvents.get(i).eventId(), i);
    }
    Map<String, Map<AnomalyType, Integer>> perEpc = new HashMap<>();
    Map<AnomalyType, Integer> perFile = new EnumMap<>(AnomalyType.class);
    int lastPosition = -1;
    for (JsonNode entry : array(object, "EventHistory")) {
      long eventId = entry.get("eventId").asLong();
      assertThat(position).as("EventHistory lists only events of the file").containsKey(eventId);
      assertThat(position.get(eventId)).as("EventHistory is in request order").isGreaterThan(lastPosition);
      lastPosition = position.get(eventId);
      for (AnomalyType type : AnomalyType.values()) {
        if (entry.has(type.contractName())) {
          perEpc.computeIfAbsent(byId.get(eventId).epcCode(), epc -> new EnumMap<>(AnomalyType.class))
              .merge(type, 1, Integer::sum);
          perFile.merge(type, 1, Integer::sum);
        }
      }
    }
    Map<String, Map<AnomalyType, Integer>> expectedEpcs = new LinkedHashMap<>();
    for (ScanEvent event : fileEvents) {
      if (perEpc.containsKey(event.epcCode())) {
        expectedEpcs.putIfAbsent(event.epcCode(), perEpc.get(event.epcCode()));
      }
    }
    Map<String, Map<AnomalyType, Integer>> writtenEpcs = new LinkedHashMap<>();
    for (JsonNode epc : array(object, "epcAnomalyStats")) {
      writtenEpcs.put(epc.get("epcCode").asText(), counts(epc));
    }
    assertThat(writtenEpcs).as("epcAnomalyStats: the EventHistory flags per EPC, in first-appearance order")
        .containsExactlyEntriesOf(expectedEpcs);
    assertThat(counts(object.get("fileAnomalyStats"))).as("fileAnomalyStats: the EventHistory flags of the file")
        .isEqualTo(perFile);
  }

  /**
   * Fails unless {@code object}'s {@code EventHistory} flags exactly the types whose score in
   * {@code scores} reaches the threshold, with those scores (to one decimal).
   */
  static void assertFlagsMatchScores(JsonNode object, List<ScanEvent> fileEvents, ScoreTable scores,
      Thresholds thresholds) {
    Map<Long, JsonNode> history = new HashMap<>();
    array(object, "EventHistory").forEach(entry -> history.put(entry.get("eventId").asLong(), entry));
    for (int i = 0; i < fileEvents.size(); i++) {
      JsonNode entry = history.get(fileEvents.get(i).eventId());
      for (AnomalyType type : AnomalyType.values()) {
        float score = scores.get(i, type);
        boolean reported = thresholds.reports(type, score);
        boolean flagged = entry != null && entry.has(type.contractName());
        assertThat(flagged).as("event %d %s: score %.2f, threshold %.2f", fileEvents.get(i).eventId(),
            type.contractName(), score, thresholds.get(type)).isEqualTo(reported);
        if (flagged) {
          assertThat(entry.get(type.contractName() + "Score").asDouble())
              .as("event %d %sScore", fileEvents.get(i).eventId(), type.contractName())
              .isCloseTo(score, offset(0.051));
        }
      }
    }
  }

  private static void assertHistoryEntry(JsonNode entry) {
    List<String> names = fieldNames(entry);
    assertThat(names).as("an EventHistory entry starts with eventId: %s", entry).first().isEqualTo("eventId");
    assertThat(entry.get("eventId").isIntegralNumber()).as("eventId is a whole number").isTrue();
    assertThat(names).as("an EventHistory entry reports at least one type: %s", entry).hasSizeGreaterThan(1);
    for (String name : names.subList(1, names.size())) {
      AnomalyType flag = typeNamed(name);
      AnomalyType scored = name.endsWith("Score") ? typeNamed(name.substring(0, name.length() - 5)) : null;
      if (flag != null) {
        assertThat(entry.get(name).isBoolean() && entry.get(name).booleanValue())
            .as("%s is only ever true: %s", name, entry).isTrue();
        assertThat(entry.has(name + "Score")).as("%s comes with %sScore: %s", name, name, entry).isTrue();
      } else if (scored != null) {
        assertThat(entry.get(name).isNumber()).as("%s is a number: %s", name, entry).isTrue();
        assertThat(entry.get(name).asDouble()).as("%s: %s", name, entry).isBetween(0.0, 100.0);
        assertThat(entry.has(scored.contractName())).as("%s comes with its flag: %s", name, entry).isTrue();
      } else {
        fail("EventHistory entry has a field the contract does not know: %s in %s", name, entry);
      }
    }
  }

  private static void assertRejectedEntry(JsonNode entry) {
    List<String> expected = new ArrayList<>(List.of("index"));
    if (entry.has("eventId")) {
      expected.add("eventId");
      assertThat(entry.get("eventId").isIntegralNumber()).as("a rejected eventId is a number").isTrue();
    }
    expected.addAll(List.of("field", "reason"));
    assertThat(fieldNames(entry)).as("fields of a rejectedEvents entry").containsExactlyElementsOf(expected);
    assertThat(entry.get("index").isIntegralNumber()).as("index is a whole number").isTrue();
    assertThat(entry.get("field").asText()).as("field names the field").isNotBlank();
    assertThat(entry.get("reason").asText()).as("reason says what is wrong").isNotBlank();
  }

  private static void assertCounts(JsonNode stats) {
    int sum = 0;
    for (String field : COUNT_FIELDS.subList(1, COUNT_FIELDS.size())) {
      assertThat(stats.get(field).isIntegralNumber() && stats.get(field).asInt() >= 0)
          .as("%s is a count: %s", field, stats).isTrue();
      sum += stats.get(field).asInt();
    }
    assertThat(stats.get("totalEvents").asInt()).as("totalEvents is the sum of the five counts: %s", stats)
        .isEqualTo(sum);
  }

  /** The five counts of a stats object, zero counts left out. */
  private static Map<AnomalyType, Integer> counts(JsonNode stats) {
    Map<AnomalyType, Integer> counts = new EnumMap<>(AnomalyType.class);
    for (int i = 0; i < STATS_ORDER.size(); i++) {
      int count = stats.get(COUNT_FIELDS.get(i + 1)).asInt();
      if (count > 0) {
        counts.put(STATS_ORDER.get(i), count);
      }
    }
    return counts;
  }

  static List<JsonNode> array(JsonNode object, String field) {
    JsonNode array = object.get(field);
    assertThat(array != null && array.isArray()).as("%s is an array in %s", field, object).isTrue();
    List<JsonNode> items = new ArrayList<>();
    array.forEach(items::add);
    return items;
  }

  static List<String> fieldNames(JsonNode object) {
    List<String> names = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      assertThat(field.getValue().isNull()).as("%s is never null", field.getKey()).isFalse();
      names.add(field.getKey());
    }
    return names;
  }

  private static AnomalyType typeNamed(String name) {
    for (AnomalyType type : AnomalyType.values()) {
      if (type.contractName().equals(name)) {
        return type;
      }
    }
    return null;
  }

  private static List<String> concat(String first, List<String> rest) {
    List<String> all = new ArrayList<>(List.of(first));
    all.addAll(rest);
    return all;
  }
}
