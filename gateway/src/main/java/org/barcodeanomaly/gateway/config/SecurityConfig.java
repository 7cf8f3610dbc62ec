package org.barcodeanomaly.gateway.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;

/**
 * The API keys clients send in the {@value #HEADER} header. Detection endpoints ask for one of
 * {@link #getApiKeys()} only when that list is not empty; admin endpoints always ask for one of
 * {@link #getAdminKeys()}, and are closed when that list is empty.
 */
public final class SecurityConfig {

  /** The request header carrying the key. */
  public static final String HEADER = "X-API-Key";

  private static final Set<String> KEYS = Set.of("apiKeys", "adminKeys");

  private List<String> apiKeys = List.of();
  private List<String> adminKeys = List.of();

  /** No keys: detection endpoints open (loopback only), admin endpoints closed. */
  public SecurityConfig() {
  }

  /** A copy of {@code other}. */
  public SecurityConfig(SecurityConfig other) {
    this.apiKeys = other.apiKeys;
    this.adminKeys = other.adminKeys;
  }

  /** Reads the {@code security} object. */
  static SecurityConfig fromJson(JsonObject json) {
    ConfigFields fields = new ConfigFields(json, "security", KEYS);
    return new SecurityConfig()
        .setApiKeys(fields.strings("apiKeys", List.of()))
        .setAdminKeys(fields.strings("adminKeys", List.of()));
  }

  /** This object as configuration JSON, keys included: keep it out of logs. */
  public JsonObject toJson() {
    return new JsonObject().put("apiKeys", new JsonArray(apiKeys)).put("adminKeys", new JsonArray(adminKeys));
  }

  /** Keys accepted on detection endpoints; empty means those endpoints need none. */
  public List<String> getApiKeys() {
    return apiKeys;
  }

  /** Sets the keys accepted on detection endpoints. */
  public SecurityConfig setApiKeys(List<String> apiKeys) {
    this.apiKeys = List.copyOf(apiKeys);
    return this;
  }

  /** Keys accepted on admin endpoints; empty means the admin API is closed. */
  public List<String> getAdminKeys() {
    return adminKeys;
  }

  /** Sets the keys accepted on admin endpoints. */
  public SecurityConfig setAdminKeys(List<String> adminKeys) {
    this.adminKeys = List.copyOf(adminKeys);
    return this;
  }
}
