package org.barcodeanomaly.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.barcodeanomaly.api.contract.ContractAnalysis;
import org.barcodeanomaly.api.contract.ContractFormatException;
import org.barcodeanomaly.api.contract.ContractRequest;
import org.barcodeanomaly.api.contract.ContractRequestReader;
import org.barcodeanomaly.api.contract.ContractResponse;
import org.barcodeanomaly.api.contract.ContractResponseWriter;
import org.barcodeanomaly.api.detector.Detector;
import org.barcodeanomaly.api.event.ScanEvent;
import org.barcodeanomaly.api.time.EventTimeFormat;

/**
 * One request/response exchange as a client sees it: the kit writes a JSON body, the product's
 * codec reads it, the detector answers, the codec writes the response and the kit parses it back
 * with data binding, independently of the streaming writer.
 *
 * @param request  the request as the gateway read it
 * @param response the response before it was written
 * @param json     the written response, parsed
 */
record KitExchange(ContractRequest request, ContractResponse response, JsonNode json) {

  static final ObjectMapper MAPPER = new ObjectMapper();

  /** Sends {@code body} to {@code detector} through the contract codec. */
  static KitExchange send(Detector detector, byte[] body) {
    try {
      ContractRequest request = new ContractRequestReader().read(body);
      ContractResponse response = ContractAnalysis.analyze(request, detector, detector.version(), null);
      JsonNode json = MAPPER.readTree(new ContractResponseWriter().toBytes(response));
      return new KitExchange(request, response, json);
    } catch (ContractFormatException e) {
      throw new IllegalArgumentException("the kit built a body the contract refuses: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("the written response is not JSON", e);
    }
  }

  /** Sends {@code events} as a request body. */
  static KitExchange send(Detector detector, List<ScanEvent> events) {
    return send(detector, body(items(events)));
  }

  /** The response's objects: the array's elements, or the single object. */
  List<JsonNode> objects() {
    List<JsonNode> objects = new ArrayList<>();
    if (json.isArray()) {
      json.forEach(objects::add);
    } else {
      objects.add(json);
    }
    return objects;
  }

  /** The response's only object; fails when the response is an array. */
  JsonNode single() {
    if (!json.isObject()) {
      throw new AssertionError("expected one response object, got " + json);
    }
    return json;
  }

  /** Request items for {@code events}, in the contract's field names, times in the data's form. */
  static ArrayNode items(List<ScanEvent> events) {
    ArrayNode items = MAPPER.createArrayNode();
    for (ScanEvent event : events) {
      items.add(item(event));
    }
    return items;
  }

  /** The request item of {@code event}. */
  static ObjectNode item(ScanEvent event) {
    return MAPPER.createObjectNode()
        .put("event_id", event.eventId())
        .put("epc_code", event.epcCode())
        .put("location_id", event.locationId())
        .put("business_step", event.businessStep())
        .put("event_type", event.eventType())
        .put("event_time", EventTimeFormat.UTC.format(event.eventTime()))
        .put("file_id", event.fileId());
  }

  /** The body {@code {"data": items}}. */
  static byte[] body(ArrayNode items) {
    ObjectNode body = MAPPER.createObjectNode();
    body.set("data", items);
    try {
      return MAPPER.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
