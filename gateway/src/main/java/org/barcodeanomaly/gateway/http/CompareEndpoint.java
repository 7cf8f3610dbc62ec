package org.barcodeanomaly.gateway.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import org.barcodeanomaly.api.contract.ContractRequest;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.gateway.routing.Comparison;
import org.barcodeanomaly.gateway.routing.Scored;

/**
 * {@code POST /api/compare}: the same contract request through every serving detector, the
 * contract responses side by side, and per type how many events all detectors agreed on and
 * how many each reported. A detector that cannot answer is listed under {@code failures}.
 */
final class CompareEndpoint {

  /** The endpoint's path. */
  static final String PATH = "/api/compare";

  private final GatewayServices services;
  private final ErrorResponses errors;
  private final long budgetMs;

  CompareEndpoint(GatewayServices services, ErrorResponses errors) {
    this.services = services;
    this.errors = errors;
    this.budgetMs = services.router().longestTimeBudgetMs();
  }

  void handle(RoutingContext ctx) {
    ContractEndpoint.readRequest(services, ctx)
        .compose(request -> services.router().compare(request, budgetMs)
            .compose(comparison -> services.vertx().executeBlocking(() -> toJson(request, comparison), false)))
        .onSuccess(json -> ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(json.encode()))
        .onFailure(failure -> errors.fail(ctx, failure));
  }

  private JsonObject toJson(ContractRequest request, Comparison comparison) {
    JsonArray detectors = new JsonArray();
    for (Scored answer : comparison.answers()) {
      Object response = Json.decodeValue(Buffer.buffer(services.writer().toBytes(answer.response())));
      detectors.add(new JsonObject().put("id", answer.detectorId()).put("version", answer.version())
          .put("response", response));
    }
    JsonObject agreement = new JsonObject();
    for (AnomalyType type : AnomalyType.values()) {
      JsonObject reportedBy = new JsonObject();
      comparison.answers().forEach(answer -> reportedBy.put(answer.detectorId(), answer.response().reportedCount(type)));
      agreement.put(type.contractName(), new JsonObject()
          .put("agree", comparison.agreement().agreeing(type))
          .put("disagree", comparison.agreement().disagreeing(type))
          .put("reportedBy", reportedBy));
    }
    return new JsonObject().put("events", request.events().size())
        .put("rejected", request.rejected().size())
        .put("detectors", detectors)
        .put("failures", new JsonObject(new LinkedHashMap<>(comparison.failures())))
        .put("agreement", agreement);
  }
}
