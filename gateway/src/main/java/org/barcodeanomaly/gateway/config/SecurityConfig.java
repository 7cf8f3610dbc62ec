package org.barcodeanomaly.gateway.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The API keys clients send in the {@value #HEADER} header. Detection endpoints ask for one of
 * {@link #getApiKeys()} only when that list is not empty; admin endpoints always ask for one of
 * {@link #getAdminKeys()}, and are closed when that list is empty.
 *
 * <p>Keys can also come from files ({@code apiKeysFile}, {@code adminKeysFile}: one key a line,
 * blank lines and {@code #} comments ignored), read once at start and added to the inline lists,
 * so that a container reads them from a mounted Secret and the configuration file (a ConfigMap)
 * holds none. A file named but missing, unreadable or holding no key stops the start.
 */
public final class SecurityConfig {

  /** The request header carrying the key. */
  public static final String HEADER = "X-API-Key";

  private static final Set<String> KEYS = Set.of("apiKeys", "adminKeys", "apiKeysFile", "adminKeysFile");

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

  /** Reads the {@code security} object; key files are read against {@code home}. */
  static SecurityConfig fromJson(JsonObject json, Path home) {
    ConfigFields fields = new ConfigFields(json, "security", KEYS);
    return new SecurityConfig()
        .setApiKeys(withFileKeys(fields, "apiKeys", "apiKeysFile", home))
        .setAdminKeys(withFileKeys(fields, "adminKeys", "adminKeysFile", home));
  }

  private static List<String> withFileKeys(ConfigFields fields, String listKey, String fileKey, Path home) {
    List<String> keys = new ArrayList<>(fields.strings(listKey, List.of()));
    if (fields.has(fileKey)) {
      keys.addAll(readKeyFile(fields, fileKey, home.resolve(fields.string(fileKey, null))));
    }
    return keys;
  }

  private static List<String> readKeyFile(ConfigFields fields, String fileKey, Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw fields.wrong(fileKey, file.toString(), "a readable file of keys, one a line (" + e + ");"
          + " mount the file (e.g. a Kubernetes Secret) or remove the field");
    }
    List<String> keys = lines.stream().map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    if (keys.isEmpty()) {
      throw fields.wrong(fileKey, file.toString(), "a file holding at least one key (one a line), but it"
          + " holds none");
    }
    return keys;
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
