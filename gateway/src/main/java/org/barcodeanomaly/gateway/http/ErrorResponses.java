package org.barcodeanomaly.gateway.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.barcodeanomaly.api.contract.ContractFormatException;
import org.barcodeanomaly.api.contract.TooManyEventsException;
import org.barcodeanomaly.gateway.config.LimitsConfig;
import org.barcodeanomaly.gateway.log.RateLimitedLog;
import org.barcodeanomaly.gateway.routing.AttemptFailure;
import org.barcodeanomaly.gateway.routing.RouteUnavailableException;

/**
 * Every error the gateway answers, as {@code {"detail": "..."}} with a status that says what
 * happened: the body names what is wrong and what to do, and never holds a stack trace or a
 * class name (an unexpected failure is logged under an id the body quotes, with its trace at most
 * once a minute per kind of failure). A client that has gone is not answered and not an incident;
 * a request that failed for lack of memory is a 503, and the gateway's health hears of it.
 */
final class ErrorResponses {

  private static final Logger LOG = Logger.getLogger(ErrorResponses.class.getName());

  private final LimitsConfig limits;
  private final Consumer<Throwable> failures;
  private final RateLimitedLog internalErrors = new RateLimitedLog(LOG);

  ErrorResponses(LimitsConfig limits) {
    this(limits, failure -> { });
  }

  /** Errors within {@code limits}; every failure answered is also given to {@code failures} (health). */
  ErrorResponses(LimitsConfig limits, Consumer<Throwable> failures) {
    this.limits = limits;
    this.failures = failures;
  }

  /**
   * Whether the client of {@code ctx} has gone (closed the connection, e.g. mid-body): nothing can
   * be answered, and it is the client's doing, not an incident; logged at FINE.
   */
  static boolean clientGone(RoutingContext ctx, Throwable failure) {
    if (!ctx.response().closed()) {
      return false;
    }
    LOG.fine(() -> "event=client_disconnected path=" + ctx.request().path() + " reason=\"" + failure + "\"");
    return true;
  }

  /** Answers {@code status} with {@code detail}. */
  static void send(RoutingContext ctx, int status, String detail) {
    send(ctx, status, new JsonObject().put("detail", detail));
  }

  /** Answers {@code status} with {@code body}, which must hold a {@code detail}. */
  static void send(RoutingContext ctx, int status, JsonObject body) {
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    ctx.response().setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .end(body.encode());
  }

  /** The status a failure is answered with. */
  static int statusOf(Throwable failure) {
    if (failure instanceof OutOfMemoryError) {
      return 503;
    }
    if (failure instanceof TooManyEventsException) {
      return 413;
    }
    if (failure instanceof ContractFormatException || failure instanceof IllegalArgumentException) {
      return 400;
    }
    if (failure instanceof NoSuchElementException) {
      return 404;
    }
    if (failure instanceof RouteUnavailableException || failure instanceof AttemptFailure) {
      return 503;
    }
    if (failure instanceof HttpException http) {
      return http.getStatusCode();
    }
    return 500;
  }

  /** Answers {@code failure} with its status and a detail fit for the client. */
  void fail(RoutingContext ctx, Throwable failure) {
    if (clientGone(ctx, failure)) {
      return;
    }
    int status = statusOf(failure);
    send(ctx, status, detailOf(status, failure));
  }

  /** The detail a failure is answered with; an unexpected one is logged with an id to quote. */
  String detailOf(int status, Throwable failure) {
    failures.accept(failure);
    if (failure instanceof OutOfMemoryError) {
      return "the gateway is out of memory: try again later; its /health reports it down until it recovers";
    }
    if (status == 500) {
      String incident = UUID.randomUUID().toString();
      internalErrors.log(Level.SEVERE, failure.getClass().getName(), "event=internal_error incident=" + incident,
          failure);
      return "internal error; quote incident " + incident + " to the operator, whose log has the details";
    }
    if (failure instanceof HttpException http) {
      if (http.getPayload() != null && !http.getPayload().isBlank()) {
        return http.getPayload();
      }
      if (status == 413) {
        return "the request body is larger than this server's limit of " + limits.getMaxBodyBytes()
            + " bytes: split it into smaller requests";
      }
      return describeStatus(status);
    }
    return failure.getMessage() == null ? describeStatus(status) : failure.getMessage();
  }

  /** The router's last resort: turns {@code ctx.fail(...)} into a JSON error. */
  void handleFailure(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    if (failure == null) {
      int status = ctx.statusCode() < 400 ? 500 : ctx.statusCode();
      failure = new HttpException(status);
    }
    fail(ctx, failure);
  }

  /** A JSON 404 or 405 for a path or method the gateway does not serve. */
  void handleStatus(RoutingContext ctx, int status) {
    send(ctx, status, describeStatus(status) + ": " + ctx.request().method() + " "
        + ctx.request().path() + " (the endpoints are listed in /openapi.json)");
  }

  private static String describeStatus(int status) {
    return switch (status) {
      case 400 -> "bad request";
      case 401 -> "missing or wrong API key";
      case 404 -> "no such endpoint";
      case 405 -> "method not allowed on this endpoint";
      case 413 -> "request too large";
      case 415 -> "unsupported media type";
      case 411 -> "length required: send a Content-Length header";
      default -> "HTTP " + status;
    };
  }
}
