package org.barcodeanomaly.gateway.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.barcodeanomaly.gateway.config.RouteConfig;
import org.barcodeanomaly.gateway.detector.DetectorOrigin;
import org.barcodeanomaly.gateway.detector.DetectorStatus;
import org.barcodeanomaly.gateway.plugin.JarInfo;
import org.barcodeanomaly.gateway.plugin.LoadFailure;
import org.barcodeanomaly.gateway.plugin.PluginChange;

/** The JSON shapes of detector and plugin state shared by the detector list and the admin API. */
final class DetectorJson {

  private DetectorJson() {
  }

  /**
   * One detector: identity, state, whether it streams (and its streaming path), origin, load
   * failure, and its part in each route.
   */
  static JsonObject detector(DetectorStatus status, Map<String, RouteConfig> routes) {
    JsonObject json = new JsonObject().put("id", status.id()).put("provider", status.provider())
        .put("state", status.state().name()).put("version", status.version())
        .put("streaming", status.streaming()).put("inFlight", status.inFlight());
    if (status.streaming()) {
      json.put("streamPath", GatewayRouter.streamPath(status.id()));
    }
    DetectorOrigin origin = status.serving();
    if (origin != null) {
      json.put("jar", origin.jar() == null ? null : origin.jar().getFileName().toString())
          .put("modelsDir", origin.modelsDir().toString())
          .put("loadedAt", origin.loadedAt().toString())
          .put("selfTestMs", origin.selfTestMillis());
    }
    json.put("lastFailure", status.lastFailure())
        .put("lastFailureAt", status.lastFailureAt() == null ? null : status.lastFailureAt().toString());
    return json.put("routes", roles(status.id(), routes));
  }

  private static JsonArray roles(String id, Map<String, RouteConfig> routes) {
    JsonArray roles = new JsonArray();
    routes.values().forEach(route -> {
      Integer weight = route.getTargets().get(id);
      if (weight != null) {
        roles.add(new JsonObject().put("route", route.getName()).put("role", "target").put("weight", weight));
      }
      int position = route.getFallback().indexOf(id);
      if (position >= 0) {
        roles.add(new JsonObject().put("route", route.getName()).put("role", "fallback").put("position", position + 1));
      }
      if (id.equals(route.getShadow())) {
        roles.add(new JsonObject().put("route", route.getName()).put("role", "shadow"));
      }
    });
    return roles;
  }

  /** The routes with the path each serves. */
  static JsonObject routes(Map<String, RouteConfig> routes) {
    JsonObject json = new JsonObject();
    routes.values().forEach(route -> json.put(route.getName(),
        route.toJson().put("path", ContractEndpoint.pathOf(route.getName()))));
    return json;
  }

  /** Recent load failures, newest first. */
  static JsonArray failures(List<LoadFailure> failures) {
    JsonArray json = new JsonArray();
    failures.forEach(failure -> json.add(new JsonObject().put("subject", failure.subject())
        .put("stage", failure.stage().label()).put("reason", failure.reason())
        .put("at", failure.at().toString())));
    return json;
  }

  /** The jars held. */
  static JsonArray jars(List<JarInfo> jars) {
    JsonArray json = new JsonArray();
    jars.forEach(jar -> json.add(new JsonObject().put("file", jar.file())
        .put("providers", new JsonArray(jar.providers())).put("loadedAt", jar.loadedAt().toString())));
    return json;
  }

  /** What a plugin operation did. */
  static JsonObject change(PluginChange change) {
    JsonObject json = new JsonObject().put("installed", new JsonArray(change.installed()))
        .put("removed", new JsonArray(change.removed())).put("failures", failures(change.failures()));
    if (!change.succeeded()) {
      StringBuilder detail = new StringBuilder("nothing failed was put in service; the previous detectors keep serving:");
      change.failures().forEach(failure -> detail.append(' ').append(failure.reason()).append(';'));
      json.put("detail", detail.substring(0, detail.length() - 1));
    }
    return json;
  }
}
