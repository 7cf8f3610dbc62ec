package org.barcodeanomaly.gateway.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.barcodeanomaly.gateway.detector.DetectorState;
import org.barcodeanomaly.gateway.detector.DetectorStatus;

/**
 * What operators and orchestrators ask about the gateway itself: liveness ({@code /health}: 503
 * for a minute after a request failed for lack of memory, see
 * {@link org.barcodeanomaly.gateway.metrics.MemoryHealth}),
 * readiness ({@code /ready}: 200 only once the first plugin load is done and every required
 * detector serves, having passed its self-test and warm-up), the detector list
 * ({@code /api/detectors}) and the OpenAPI document ({@code /openapi.json}).
 */
final class StatusEndpoints {

  static final String OPENAPI_RESOURCE = "openapi.json";

  private final GatewayServices services;
  private final byte[] openApi;

  StatusEndpoints(GatewayServices services) {
    this.services = services;
    try (InputStream in = StatusEndpoints.class.getResourceAsStream(OPENAPI_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the gateway jar lacks its " + OPENAPI_RESOURCE);
      }
      this.openApi = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled " + OPENAPI_RESOURCE, e);
    }
  }

  void health(RoutingContext ctx) {
    String down = services.metrics().memory().downReason();
    if (down != null) {
      json(ctx, 503, new JsonObject().put("status", "DOWN").put("detail", down));
      return;
    }
    json(ctx, 200, new JsonObject().put("status", "UP"));
  }

  void ready(RoutingContext ctx) {
    JsonObject detectors = new JsonObject();
    List<String> waiting = new ArrayList<>();
    for (String id : services.config().getRequiredDetectors()) {
      DetectorStatus status = services.registry().status(id).orElse(null);
      DetectorState state = status == null ? DetectorState.LOADING : status.state();
      detectors.put(id, state.name());
      if (state != DetectorState.SERVING) {
        waiting.add(id + " is " + state.name().toLowerCase(Locale.ROOT)
            + (status == null || status.lastFailure() == null ? "" : " (" + status.lastFailure() + ")"));
      }
    }
    if (!services.plugins().started()) {
      waiting.add(0, "plugins are still loading");
    }
    String down = services.metrics().memory().downReason();
    if (down != null) {
      waiting.add(0, down);
    }
    JsonObject body = new JsonObject().put("status", waiting.isEmpty() ? "READY" : "NOT_READY")
        .put("detectors", detectors);
    if (!waiting.isEmpty()) {
      body.put("detail", "not ready: " + String.join("; ", waiting));
    }
    json(ctx, waiting.isEmpty() ? 200 : 503, body);
  }

  void detectors(RoutingContext ctx) {
    JsonArray detectors = new JsonArray();
    services.registry().statuses().forEach(status ->
        detectors.add(DetectorJson.detector(status, services.router().routes())));
    json(ctx, 200, new JsonObject().put("detectors", detectors)
        .put("routes", DetectorJson.routes(services.router().routes()))
        .put("loadFailures", DetectorJson.failures(services.plugins().failures())));
  }

  void openApi(RoutingContext ctx) {
    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(Buffer.buffer(openApi));
  }

  static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(body.encode());
  }
}
