package org.barcodeanomaly.gateway.http;

import io.vertx.core.Future;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.barcodeanomaly.gateway.plugin.PluginChange;
import org.barcodeanomaly.gateway.plugin.PluginManager;

/**
 * Plugin management under {@code /admin} (admin key required): list jars, detectors and load
 * failures; reload everything, one jar or one detector; upload a jar or a model version; remove
 * a jar. Uploads are streamed to disk, never held in memory, and go through the same
 * load, self-test and atomic swap as a jar dropped into the directory: 200 when everything was
 * put in service, 422 with the failures (and the previous detectors still serving) otherwise.
 */
final class AdminEndpoints {

  private final GatewayServices services;
  private final ErrorResponses errors;

  AdminEndpoints(GatewayServices services, ErrorResponses errors) {
    this.services = services;
    this.errors = errors;
  }

  void list(RoutingContext ctx) {
    PluginManager plugins = services.plugins();
    JsonArray detectors = new JsonArray();
    services.registry().statuses().forEach(status ->
        detectors.add(DetectorJson.detector(status, services.router().routes())));
    StatusEndpoints.json(ctx, 200, new JsonObject().put("pluginsDir", plugins.pluginsDir().toString())
        .put("plugins", DetectorJson.jars(plugins.jars())).put("detectors", detectors)
        .put("loadFailures", DetectorJson.failures(plugins.failures())));
  }

  void reloadAll(RoutingContext ctx) {
    reply(ctx, services.plugins().reloadAll());
  }

  void reloadJar(RoutingContext ctx) {
    reply(ctx, services.plugins().reloadJar(ctx.pathParam("file")));
  }

  void removeJar(RoutingContext ctx) {
    reply(ctx, services.plugins().removeJar(ctx.pathParam("file")));
  }

  void reloadDetector(RoutingContext ctx) {
    reply(ctx, services.plugins().reloadDetector(ctx.pathParam("id")));
  }

  void uploadJar(RoutingContext ctx) {
    String file;
    try {
      file = PluginManager.checkJarName(ctx.pathParam("file"));
    } catch (IllegalArgumentException e) {
      errors.fail(ctx, e);
      return;
    }
    receive(ctx, services.plugins().pluginsDir(), ".part")
        .onSuccess(upload -> reply(ctx, services.plugins().installJar(file, upload)))
        .onFailure(failure -> errors.fail(ctx, failure));
  }

  void uploadModel(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    receive(ctx, Path.of(System.getProperty("java.io.tmpdir")), ".zip")
        .onSuccess(upload -> reply(ctx, services.plugins().installModel(id, upload)))
        .onFailure(failure -> errors.fail(ctx, failure));
  }

  /** Streams the request body into a new temporary file of {@code directory}. */
  private Future<Path> receive(RoutingContext ctx, Path directory, String suffix) {
    HttpServerRequest request = ctx.request();
    request.pause();
    String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    long limit = services.config().getLimits().getMaxUploadBytes();
    if (length == null) {
      return Future.failedFuture(new HttpException(411, "send the upload with a Content-Length header"));
    }
    long declared;
    try {
      declared = Long.parseLong(length.trim());
    } catch (NumberFormatException e) {
      return Future.failedFuture(new HttpException(400, "Content-Length '" + length + "' is not a number"));
    }
    if (declared > limit) {
      return Future.failedFuture(new HttpException(413, "the upload of " + declared
          + " bytes is larger than this server's limit of " + limit + " bytes (limits.maxUploadBytes)"));
    }
    return services.vertx().executeBlocking(() -> {
      Files.createDirectories(directory);
      return Files.createTempFile(directory, ".upload-", suffix);
    }, false).compose(path -> services.vertx().fileSystem()
        .open(path.toString(), new OpenOptions().setWrite(true).setTruncateExisting(true))
        .compose(file -> {
          // A client gone while the file was opened closed the paused request already: a pipe
          // from it would never end, holding the file open.
          if (ctx.response().closed()) {
            return file.close().transform(closed -> Future.failedFuture(
                new IllegalStateException("the client closed the connection during the upload")));
          }
          return request.pipeTo(file);
        })
        .map(path)
        .onFailure(failure -> path.toFile().delete()));
  }

  private void reply(RoutingContext ctx, CompletableFuture<PluginChange> operation) {
    Future.fromCompletionStage(operation, ctx.vertx().getOrCreateContext())
        .onSuccess(change -> StatusEndpoints.json(ctx, change.succeeded() ? 200 : 422, DetectorJson.change(change)))
        .onFailure(failure -> errors.fail(ctx, failure));
  }
}
