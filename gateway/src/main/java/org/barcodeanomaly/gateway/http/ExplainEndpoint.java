package org.barcodeanomaly.gateway.http;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.barcodeanomaly.api.contract.TooManyEventsException;
import org.barcodeanomaly.api.explain.EventContribution;
import org.barcodeanomaly.api.explain.Explanation;
import org.barcodeanomaly.api.explain.FeatureContribution;
import org.barcodeanomaly.api.explain.TypeEvidence;
import org.barcodeanomaly.gateway.routing.Explained;

/**
 * {@code POST /api/explain/{detector}}: the contract's request body in, and for every event the
 * named detector reports, why: per reported type the events of its trail and the features that drove
 * the score, with their contributions, and a sentence. Explaining re-runs a learned model per
 * reported event, so a request may hold at most {@code limits.maxExplainEvents} events (413 beyond,
 * before any detector runs); the detector runs on its own worker pool within the longest route
 * budget, and every answer is counted in metrics ({@code gateway_explain_*}).
 */
final class ExplainEndpoint {

  /** The path before the detector id. */
  static final String PREFIX = "/api/explain/";
  /** The path as documented, and as labelled in metrics. */
  static final String PATH = PREFIX + "{detector}";

  private final GatewayServices services;
  private final ErrorResponses errors;

  ExplainEndpoint(GatewayServices services, ErrorResponses errors) {
    this.services = services;
    this.errors = errors;
  }

  void handle(RoutingContext ctx) {
    String detector = ctx.pathParam("detector");
    int limit = services.config().getLimits().getMaxExplainEvents();
    ContractEndpoint.readRequest(services, ctx)
        .compose(request -> {
          if (request.events().size() > limit) {
            return Future.failedFuture(new TooManyEventsException(limit));
          }
          return services.router().explain(detector, request);
        })
        .onSuccess(explained -> {
          ctx.put(GatewayRouter.DETECTOR_KEY, explained.detectorId());
          ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
              .putHeader("X-Anomaly-Detector", explained.detectorId())
              .end(Buffer.buffer(toJson(explained).encode()));
        })
        .onFailure(failure -> errors.fail(ctx, failure));
  }

  /** The answer's JSON: detector, version, and one object per explained event. */
  static JsonObject toJson(Explained explained) {
    JsonArray events = new JsonArray();
    for (Explained.InFile item : explained.explanations()) {
      Explanation explanation = item.explanation();
      JsonArray types = new JsonArray();
      for (TypeEvidence evidence : explanation.types()) {
        types.add(evidence(evidence));
      }
      events.add(new JsonObject().put("fileId", item.fileId()).put("eventId", explanation.eventId())
          .put("epcCode", explanation.epcCode()).put("types", types));
    }
    return new JsonObject().put("detector", explained.detectorId()).put("version", explained.version())
        .put("explanations", events);
  }

  private static JsonObject evidence(TypeEvidence evidence) {
    JsonArray events = new JsonArray();
    for (EventContribution event : evidence.events()) {
      events.add(new JsonObject().put("eventId", event.eventId()).put("role", event.role())
          .put("contribution", event.contribution()));
    }
    JsonArray features = new JsonArray();
    for (FeatureContribution feature : evidence.features()) {
      features.add(new JsonObject().put("feature", feature.feature()).put("value", feature.value())
          .put("contribution", feature.contribution()));
    }
    return new JsonObject().put("type", evidence.type().contractName()).put("score", evidence.score())
        .put("threshold", evidence.threshold()).put("method", evidence.method()).put("sentence", evidence.sentence())
        .put("value", evidence.value()).put("baseline", evidence.baseline()).put("events", events)
        .put("features", features);
  }
}
