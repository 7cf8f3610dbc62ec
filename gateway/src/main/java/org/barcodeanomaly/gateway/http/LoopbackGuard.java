package org.barcodeanomaly.gateway.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Guards a gateway that needs no key (no {@code security.apiKeys}, loopback only) from the web
 * pages open in its operator's browser, which can send requests to 127.0.0.1: a request must be
 * addressed to a loopback name ({@code Host}: 127.0.0.1, localhost or [::1], any port; a page on
 * another name resolving to 127.0.0.1, DNS rebinding, is refused), must not come from a page of
 * another origin ({@code Origin}, when sent, must be a loopback origin), and a detection request
 * must say its body is JSON ({@code Content-Type: application/json}: a page can post text/plain or
 * a form without asking, but not JSON). Refused with 403 or 415 and what to do.
 */
final class LoopbackGuard implements Handler<RoutingContext> {

  private static final Pattern LOOPBACK_HOST =
      Pattern.compile("(127\\.0\\.0\\.1|localhost|\\[::1\\])(:\\d{1,5})?");
  private static final Pattern LOOPBACK_ORIGIN =
      Pattern.compile("https?://(127\\.0\\.0\\.1|localhost|\\[::1\\])(:\\d{1,5})?");
  private static final String KEYS_HINT = "; to serve other clients, set security.apiKeys";

  @Override
  public void handle(RoutingContext ctx) {
    String host = ctx.request().getHeader(HttpHeaders.HOST);
    if (host == null || !LOOPBACK_HOST.matcher(host.toLowerCase(Locale.ROOT)).matches()) {
      ErrorResponses.send(ctx, 403, "Host '" + shorten(host) + "' is not a loopback name: without API keys"
          + " the gateway answers only requests addressed to 127.0.0.1, localhost or [::1]" + KEYS_HINT);
      return;
    }
    String origin = ctx.request().getHeader(HttpHeaders.ORIGIN);
    if (origin != null && !LOOPBACK_ORIGIN.matcher(origin.toLowerCase(Locale.ROOT)).matches()) {
      ErrorResponses.send(ctx, 403, "Origin '" + shorten(origin) + "' is not a loopback origin: without API keys"
          + " the gateway refuses requests from web pages of other sites" + KEYS_HINT);
      return;
    }
    if (ctx.request().method() == HttpMethod.POST && ctx.request().path().startsWith("/api/")
        && !isJson(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE))) {
      ErrorResponses.send(ctx, 415, "Content-Type '" + shorten(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE))
          + "' is not JSON: send the body with Content-Type: application/json (without API keys the gateway"
          + " accepts no other type, so that web pages cannot post to it)");
      return;
    }
    ctx.next();
  }

  static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
  }

  private static String shorten(String text) {
    if (text == null) {
      return "";
    }
    return text.length() <= 80 ? text : text.substring(0, 80) + "...";
  }
}
