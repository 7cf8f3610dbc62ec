package org.barcodeanomaly.gateway.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The analyst's page at {@code /ui/}: static files from the gateway's own resources (HTML, CSS,
 * scripts, the reference locations and the bundled samples), so it works with no internet. The
 * page holds no data: everything it shows comes from {@code /api/compare} and
 * {@code /api/detectors}, which it calls with the key the analyst types in, under the same
 * API-key rules as any other client. A strict Content-Security-Policy keeps it to its own files:
 * no script, style, font or image from anywhere else can load.
 */
final class AnalystPage {

  /** The page's path; its files are under {@code PATH + "/"}. */
  static final String PATH = "/ui";

  /** Where the files are on the class path (the gateway jar). */
  static final String WEB_ROOT = "org/barcodeanomaly/gateway/ui";

  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:;"
      + " object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private AnalystPage() {
  }

  /** Routes {@code /ui} (a redirect to {@code /ui/}) and the page's files. */
  static void mount(Router router) {
    // Vert.x matches "/ui" to "/ui/" too: only the bare path is redirected (relative links need the slash).
    router.get(PATH).handler(ctx -> {
      if (ctx.request().path().equals(PATH)) {
        ctx.redirect(PATH + "/");
      } else {
        ctx.next();
      }
    });
    router.get(PATH + "/*").handler(AnalystPage::secureHeaders)
        .handler(StaticHandler.create(WEB_ROOT).setDirectoryListing(false).setIncludeHidden(false)
            .setIndexPage("index.html").setMaxAgeSeconds(300));
  }

  private static void secureHeaders(RoutingContext ctx) {
    ctx.response().putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Referrer-Policy", "no-referrer");
    ctx.next();
  }
}
