package org.barcodeanomaly.gateway.http;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;
import org.barcodeanomaly.api.contract.ContractRequest;
import org.barcodeanomaly.api.contract.ContractResponse;
import org.barcodeanomaly.gateway.routing.Scored;

/**
 * The detection endpoints of the contract: {@code POST /api/manager/export-and-analyze-async}
 * and its {@code /<route>} siblings, and the streaming endpoint
 * {@code POST /api/manager/stream/<detector>}, which reads the same body and answers in the same
 * shape but scores the events as arrivals against the named detector's per-EPC buffers. The body
 * is read and the answer written off the event loop; the detector runs on its own worker pool
 * (see the routing package). Every request is counted in metrics and written to the audit log.
 */
final class ContractEndpoint {

  /** The path of route {@code rule}; other routes append {@code /<route>}. */
  static final String BASE_PATH = "/api/manager/export-and-analyze-async";
  /** The streaming endpoint's path before the detector id. */
  static final String STREAM_PREFIX = "/api/manager/stream/";
  /** The streaming endpoint as documented, and as labelled in metrics and the audit log. */
  static final String STREAM_PATH = STREAM_PREFIX + "{detector}";

  private final GatewayServices services;
  private final ErrorResponses errors;

  ContractEndpoint(GatewayServices services, ErrorResponses errors) {
    this.services = services;
    this.errors = errors;
  }

  /** The path route {@code route} is served on. */
  static String pathOf(String route) {
    return "rule".equals(route) ? BASE_PATH : BASE_PATH + "/" + route;
  }

  /** Reads the contract request in the body of {@code ctx}, off the event loop. */
  static Future<ContractRequest> readRequest(GatewayServices services, RoutingContext ctx) {
    Buffer body = ctx.body().buffer();
    byte[] bytes = body == null ? new byte[0] : body.getBytes();
    return services.vertx().executeBlocking(() -> services.reader().read(bytes), false);
  }

  /** Answers requests of route {@code route}. */
  void handle(RoutingContext ctx, String route) {
    respond(ctx, pathOf(route), request -> services.router().answer(route, request));
  }

  /** Answers a streaming request for the detector named by path parameter {@code detector}. */
  void handleStream(RoutingContext ctx) {
    String detector = ctx.pathParam("detector");
    respond(ctx, STREAM_PATH, request -> services.router().stream(detector, request));
  }

  private void respond(RoutingContext ctx, String endpoint, Function<ContractRequest, Future<Scored>> scoring) {
    long start = System.nanoTime();
    readRequest(services, ctx)
        .compose(scoring)
        .compose(scored -> services.vertx().executeBlocking(
            () -> new Written(scored, services.writer().toBytes(scored.response())), false))
        .onSuccess(written -> answer(ctx, endpoint, written, start))
        .onFailure(failure -> refuse(ctx, endpoint, failure, start));
  }

  private void answer(RoutingContext ctx, String endpoint, Written written, long start) {
    ContractResponse response = written.scored().response();
    ctx.put(GatewayRouter.DETECTOR_KEY, written.scored().detectorId());
    services.metrics().rejected(endpoint, response.rejectedCount());
    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .putHeader("X-Anomaly-Detector", written.scored().detectorId())
        .end(Buffer.buffer(written.body()));
    services.audit().answered(endpoint, client(ctx), written.scored().detectorId(), response, 200,
        System.nanoTime() - start);
  }

  private void refuse(RoutingContext ctx, String endpoint, Throwable failure, long start) {
    if (ErrorResponses.clientGone(ctx, failure)) {
      return;
    }
    int status = ErrorResponses.statusOf(failure);
    String detail = errors.detailOf(status, failure);
    ErrorResponses.send(ctx, status, detail);
    services.audit().refused(endpoint, client(ctx), status, detail, System.nanoTime() - start);
  }

  static String client(RoutingContext ctx) {
    return ctx.request().remoteAddress() == null ? "-" : ctx.request().remoteAddress().hostAddress();
  }

  private record Written(Scored scored, byte[] body) {
  }
}
