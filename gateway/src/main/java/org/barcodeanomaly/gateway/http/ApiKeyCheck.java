package org.barcodeanomaly.gateway.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.barcodeanomaly.gateway.config.SecurityConfig;

/**
 * Lets a request through only with one of the accepted keys in the {@value SecurityConfig#HEADER}
 * header, compared in constant time (keys are compared as SHA-256 digests, so neither their
 * length nor their content leaks through timing). Answers 401 otherwise, and 403 on admin
 * endpoints when no admin key is configured at all.
 */
final class ApiKeyCheck implements Handler<RoutingContext> {

  private final List<byte[]> digests;
  private final boolean required;
  private final String scope;

  private ApiKeyCheck(Set<String> keys, boolean required, String scope) {
    this.digests = new ArrayList<>();
    keys.forEach(key -> digests.add(digest(key)));
    this.required = required;
    this.scope = scope;
  }

  /** The check of detection endpoints: needed when API keys are configured; admin keys pass too. */
  static ApiKeyCheck detection(SecurityConfig security) {
    Set<String> keys = new LinkedHashSet<>(security.getApiKeys());
    keys.addAll(security.getAdminKeys());
    return new ApiKeyCheck(keys, !security.getApiKeys().isEmpty(), "security.apiKeys");
  }

  /** The check of admin endpoints: always needed, admin keys only. */
  static ApiKeyCheck admin(SecurityConfig security) {
    return new ApiKeyCheck(new LinkedHashSet<>(security.getAdminKeys()), true, "security.adminKeys");
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (!required) {
      ctx.next();
      return;
    }
    if (digests.isEmpty()) {
      ErrorResponses.send(ctx, 403, "the admin API is closed: no admin key is configured;"
          + " set " + scope + " in the gateway configuration to open it");
      return;
    }
    String key = ctx.request().getHeader(SecurityConfig.HEADER);
    if (key == null || !accepted(key)) {
      ctx.response().putHeader("WWW-Authenticate", "ApiKey header=\"" + SecurityConfig.HEADER + "\"");
      ErrorResponses.send(ctx, 401, (key == null ? "missing API key" : "wrong API key")
          + ": send one of the keys of " + scope + " in the " + SecurityConfig.HEADER + " header");
      return;
    }
    ctx.next();
  }

  private boolean accepted(String key) {
    byte[] candidate = digest(key);
    boolean match = false;
    for (byte[] digest : digests) {
      match |= MessageDigest.isEqual(digest, candidate);
    }
    return match;
  }

  private static byte[] digest(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
