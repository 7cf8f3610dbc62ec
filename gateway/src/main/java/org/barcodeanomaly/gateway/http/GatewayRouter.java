package org.barcodeanomaly.gateway.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.util.HashSet;
import java.util.Set;
import org.barcodeanomaly.gateway.config.GatewayConfig;
import org.barcodeanomaly.gateway.metrics.GatewayMetrics;

/**
 * The gateway's HTTP routes, in one place: the contract's detection endpoints (one per route),
 * streaming (one path per streaming detector), explanations (one path per detector), comparison,
 * the detector list, health, readiness, Prometheus metrics, the OpenAPI document, the analyst page
 * and the admin API. Detection endpoints pass the
 * API-key check when keys are configured, admin endpoints always; bodies are limited in size;
 * every error is a JSON {@code detail}; every request is timed by endpoint, answering detector
 * and status.
 */
public final class GatewayRouter {

  /** Paths of the endpoints besides the detection ones. */
  public static final String HEALTH = "/health";
  /** Readiness. */
  public static final String READY = "/ready";
  /** Prometheus metrics. */
  public static final String METRICS = "/metrics";
  /** The detector list. */
  public static final String DETECTORS = "/api/detectors";
  /** The OpenAPI document. */
  public static final String OPENAPI = "/openapi.json";
  /** Admin plugin list. */
  public static final String ADMIN_PLUGINS = "/admin/plugins";
  /** The analyst page (redirects to {@link #UI_FILES}). */
  public static final String UI = AnalystPage.PATH;
  /** The analyst page's static files, {@code {path}} standing for a file's path. */
  public static final String UI_FILES = AnalystPage.PATH + "/{path}";
  /** The streaming endpoint, {@code {detector}} standing for a detector id. */
  public static final String STREAM = ContractEndpoint.STREAM_PATH;

  /** The explanation endpoint, {@code {detector}} standing for a detector id. */
  public static final String EXPLAIN = ExplainEndpoint.PATH;

  static final String DETECTOR_KEY = "gateway.detector";

  private GatewayRouter() {
  }

  /** The path of detection route {@code route}. */
  public static String detectionPath(String route) {
    return ContractEndpoint.pathOf(route);
  }

  /** The streaming path of detector {@code detectorId}. */
  public static String streamPath(String detectorId) {
    return ContractEndpoint.STREAM_PREFIX + detectorId;
  }

  /** A router serving every endpoint with {@code services}. */
  public static Router create(GatewayServices services) {
    GatewayConfig config = services.config();
    Router router = Router.router(services.vertx());
    ErrorResponses errors = new ErrorResponses(config.getLimits(), services.metrics()::failure);
    Set<String> labelled = new HashSet<>(Set.of(HEALTH, READY, METRICS, DETECTORS, OPENAPI,
        CompareEndpoint.PATH, ADMIN_PLUGINS));
    config.getRoutes().keySet().forEach(route -> labelled.add(ContractEndpoint.pathOf(route)));
    router.route().handler(ctx -> measure(ctx, services.metrics(), labelled));

    if (config.getSecurity().getApiKeys().isEmpty()) {
      router.route().handler(new LoopbackGuard());
    }
    router.route("/api/*").handler(ApiKeyCheck.detection(config.getSecurity()));
    router.route("/admin/*").handler(ApiKeyCheck.admin(config.getSecurity()));
    router.route("/api/*").handler(GatewayRouter::bodyIsJson);
    BodyHandler body = BodyHandler.create(false).setBodyLimit(config.getLimits().getMaxBodyBytes());

    ContractEndpoint contract = new ContractEndpoint(services, errors);
    for (String route : config.getRoutes().keySet()) {
      router.post(ContractEndpoint.pathOf(route)).handler(body).handler(ctx -> contract.handle(ctx, route));
    }
    router.post(ContractEndpoint.STREAM_PREFIX + ":detector").handler(body).handler(contract::handleStream);
    ExplainEndpoint explain = new ExplainEndpoint(services, errors);
    router.post(ExplainEndpoint.PREFIX + ":detector").handler(body).handler(explain::handle);
    CompareEndpoint compare = new CompareEndpoint(services, errors);
    router.post(CompareEndpoint.PATH).handler(body).handler(compare::handle);

    StatusEndpoints status = new StatusEndpoints(services);
    router.get(DETECTORS).handler(status::detectors);
    router.get(HEALTH).handler(status::health);
    router.get(READY).handler(status::ready);
    router.get(OPENAPI).handler(status::openApi);
    router.get(METRICS).handler(PrometheusScrapingHandler.create(services.prometheus()));
    AnalystPage.mount(router);

    AdminEndpoints admin = new AdminEndpoints(services, errors);
    router.get(ADMIN_PLUGINS).handler(admin::list);
    router.post(ADMIN_PLUGINS + "/reload").handler(admin::reloadAll);
    router.put(ADMIN_PLUGINS + "/:file").handler(admin::uploadJar);
    router.delete(ADMIN_PLUGINS + "/:file").handler(admin::removeJar);
    router.post(ADMIN_PLUGINS + "/:file/reload").handler(admin::reloadJar);
    router.post("/admin/detectors/:id/reload").handler(admin::reloadDetector);
    router.put("/admin/detectors/:id/model").handler(admin::uploadModel);

    router.route().failureHandler(errors::handleFailure);
    router.errorHandler(404, ctx -> errors.handleStatus(ctx, 404));
    router.errorHandler(405, ctx -> errors.handleStatus(ctx, 405));
    router.errorHandler(500, errors::handleFailure);
    return router;
  }

  /**
   * Reads a contract body as JSON whatever its Content-Type says. Clients of the first generation
   * (and {@code curl -d}) post JSON labelled as a form; the body handler would otherwise try to
   * decode it as form fields and fail on the first long value. Without API keys the
   * {@link LoopbackGuard} has already refused any type but JSON.
   */
  private static void bodyIsJson(RoutingContext ctx) {
    ctx.request().headers().set(HttpHeaders.CONTENT_TYPE, "application/json");
    ctx.next();
  }

  /**
   * Times the request, labelled with its endpoint (bounded: streaming paths share one label, the
   * detector tag tells them apart; unknown paths share one label).
   */
  private static void measure(RoutingContext ctx, GatewayMetrics metrics, Set<String> labelled) {
    long start = System.nanoTime();
    String path = ctx.request().path();
    String endpoint;
    if (labelled.contains(path)) {
      endpoint = path;
    } else if (path.startsWith(ContractEndpoint.STREAM_PREFIX)) {
      endpoint = STREAM;
    } else if (path.equals(UI) || path.startsWith(UI + "/")) {
      endpoint = UI;
    } else if (path.startsWith(ExplainEndpoint.PREFIX)) {
      endpoint = EXPLAIN;
    } else if (path.startsWith("/admin/")) {
      endpoint = "/admin/*";
    } else {
      endpoint = "other";
    }
    ctx.addEndHandler(done -> metrics.request(endpoint, ctx.get(DETECTOR_KEY, "none"),
        ctx.response().getStatusCode(), System.nanoTime() - start));
    ctx.next();
  }

  /** The method and path of every endpoint, for documentation checks. */
  public static Set<String> endpoints(GatewayConfig config) {
    Set<String> endpoints = new HashSet<>(Set.of(
        HttpMethod.GET + " " + HEALTH, HttpMethod.GET + " " + READY, HttpMethod.GET + " " + METRICS,
        HttpMethod.GET + " " + DETECTORS, HttpMethod.GET + " " + OPENAPI,
        HttpMethod.GET + " " + UI, HttpMethod.GET + " " + UI_FILES,
        HttpMethod.POST + " " + CompareEndpoint.PATH, HttpMethod.POST + " " + STREAM,
        HttpMethod.POST + " " + EXPLAIN,
        HttpMethod.GET + " " + ADMIN_PLUGINS, HttpMethod.POST + " " + ADMIN_PLUGINS + "/reload",
        HttpMethod.PUT + " " + ADMIN_PLUGINS + "/{file}", HttpMethod.DELETE + " " + ADMIN_PLUGINS + "/{file}",
        HttpMethod.POST + " " + ADMIN_PLUGINS + "/{file}/reload",
        HttpMethod.POST + " /admin/detectors/{id}/reload", HttpMethod.PUT + " /admin/detectors/{id}/model"));
    config.getRoutes().keySet().forEach(route -> endpoints.add(HttpMethod.POST + " " + ContractEndpoint.pathOf(route)));
    return endpoints;
  }
}
