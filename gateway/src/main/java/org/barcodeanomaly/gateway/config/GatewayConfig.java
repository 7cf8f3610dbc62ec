package org.barcodeanomaly.gateway.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.barcodeanomaly.api.contract.ContractOptions;

/**
 * Everything {@code bin/anomaly serve} can be told, read from a JSON file ({@code --config}) over
 * defaults chosen so that no file is needed: 127.0.0.1:8080, plugins from {@code <home>/plugins},
 * models from {@code <home>/models}, routes {@code rule}, {@code svm} and {@code lstm} with the
 * last two falling back to {@code rule}. Relative paths are read against the home directory.
 *
 * <p>Fluent and copyable like Vert.x options; {@link #fromJson} refuses unknown keys and wrong
 * types with a message naming the field, the value and what was expected.
 */
public final class GatewayConfig {

  /** Default address: loopback, so an unconfigured gateway is never reachable from outside. */
  public static final String DEFAULT_HOST = "127.0.0.1";
  /** Default port. */
  public static final int DEFAULT_PORT = 8080;
  /** Default interval between two looks at the plugins and models directories. */
  public static final long DEFAULT_WATCH_INTERVAL_MS = 2_000;
  /** Detectors that must be serving before the gateway reports ready. */
  public static final List<String> DEFAULT_REQUIRED_DETECTORS = List.of("rule");

  private static final Set<String> KEYS = Set.of("host", "port", "serverInstances",
      "detectorThreads", "localTimeZone", "pluginsDir", "modelsDir", "watchIntervalMs",
      "auditLog", "requiredDetectors", "limits", "security", "detectors", "routes");

  private final Path home;
  private String host = DEFAULT_HOST;
  private int port = DEFAULT_PORT;
  private int serverInstances = Runtime.getRuntime().availableProcessors();
  private int detectorThreads = Runtime.getRuntime().availableProcessors();
  private ZoneId localTimeZone = ContractOptions.DEFAULT_LOCAL_TIME_ZONE;
  private Path pluginsDir;
  private Path modelsDir;
  private long watchIntervalMs = DEFAULT_WATCH_INTERVAL_MS;
  private boolean auditLog = true;
  private List<String> requiredDetectors = DEFAULT_REQUIRED_DETECTORS;
  private LimitsConfig limits = new LimitsConfig();
  private SecurityConfig security = new SecurityConfig();
  private Map<String, DetectorSpec> detectors = Map.of();
  private Map<String, RouteConfig> routes = defaultRoutes();

  /** The defaults, with plugins and models under {@code home}. */
  public GatewayConfig(Path home) {
    this.home = home.toAbsolutePath().normalize();
    this.pluginsDir = this.home.resolve("plugins");
    this.modelsDir = this.home.resolve("models");
  }

  /** A copy of {@code other}. */
  public GatewayConfig(GatewayConfig other) {
    this.home = other.home;
    this.host = other.host;
    this.port = other.port;
    this.serverInstances = other.serverInstances;
    this.detectorThreads = other.detectorThreads;
    this.localTimeZone = other.localTimeZone;
    this.pluginsDir = other.pluginsDir;
    this.modelsDir = other.modelsDir;
    this.watchIntervalMs = other.watchIntervalMs;
    this.auditLog = other.auditLog;
    this.requiredDetectors = other.requiredDetectors;
    this.limits = new LimitsConfig(other.limits);
    this.security = new SecurityConfig(other.security);
    this.detectors = other.detectors;
    this.routes = other.routes;
  }

  /** The routes of a gateway without configuration: rule alone, svm and lstm falling back to rule. */
  public static Map<String, RouteConfig> defaultRoutes() {
    Map<String, RouteConfig> routes = new LinkedHashMap<>();
    routes.put("rule", new RouteConfig("rule"));
    routes.put("svm", new RouteConfig("svm").setFallback(List.of("rule")));
    routes.put("lstm", new RouteConfig("lstm").setFallback(List.of("rule")));
    return Collections.unmodifiableMap(routes);
  }

  /**
   * Reads a configuration file.
   *
   * @throws IOException when it cannot be read
   * @throws IllegalArgumentException when it is not valid JSON or a field is wrong
   */
  public static GatewayConfig load(Path file, Path home) throws IOException {
    String text = Files.readString(file);
    try {
      return fromJson(new JsonObject(text), home);
    } catch (DecodeException e) {
      throw new IllegalArgumentException("configuration file " + file + " is not a JSON object: "
          + decodeProblem(e));
    }
  }

  /** Jackson's own message spans two lines and hides the source; keep its reason and position. */
  private static String decodeProblem(DecodeException e) {
    if (e.getCause() instanceof JsonProcessingException json && json.getLocation() != null) {
      return json.getOriginalMessage() + " (line " + json.getLocation().getLineNr() + ", column "
          + json.getLocation().getColumnNr() + ")";
    }
    return e.getMessage();
  }

  /** Reads configuration JSON over the defaults; routes given replace the default of that name. */
  public static GatewayConfig fromJson(JsonObject json, Path home) {
    ConfigFields fields = new ConfigFields(json, "", KEYS);
    GatewayConfig config = new GatewayConfig(home)
        .setHost(fields.string("host", DEFAULT_HOST))
        .setPort((int) fields.number("port", DEFAULT_PORT, 0, 65_535))
        .setServerInstances((int) fields.number("serverInstances", Runtime.getRuntime().availableProcessors(), 1, 256))
        .setDetectorThreads((int) fields.number("detectorThreads", Runtime.getRuntime().availableProcessors(), 1, 256))
        .setWatchIntervalMs(fields.number("watchIntervalMs", DEFAULT_WATCH_INTERVAL_MS, 0, Long.MAX_VALUE))
        .setAuditLog(fields.bool("auditLog", true))
        .setRequiredDetectors(fields.strings("requiredDetectors", DEFAULT_REQUIRED_DETECTORS))
        .setLimits(LimitsConfig.fromJson(fields.object("limits")))
        .setSecurity(SecurityConfig.fromJson(fields.object("security"), home.toAbsolutePath().normalize()));
    config.setLocalTimeZone(zone(fields));
    config.setPluginsDir(config.home.resolve(fields.string("pluginsDir", "plugins")));
    config.setModelsDir(config.home.resolve(fields.string("modelsDir", "models")));
    Map<String, DetectorSpec> detectors = new LinkedHashMap<>();
    JsonObject detectorsJson = fields.object("detectors");
    for (String id : detectorsJson.fieldNames()) {
      detectors.put(id, DetectorSpec.fromJson(id, objectAt(fields, detectorsJson, "detectors", id), config.home));
    }
    config.setDetectors(detectors);
    Map<String, RouteConfig> routes = new LinkedHashMap<>(defaultRoutes());
    JsonObject routesJson = fields.object("routes");
    for (String name : routesJson.fieldNames()) {
      routes.put(name, RouteConfig.fromJson(name, objectAt(fields, routesJson, "routes", name)));
    }
    return config.setRoutes(routes);
  }

  private static ZoneId zone(ConfigFields fields) {
    String zone = fields.string("localTimeZone", ContractOptions.DEFAULT_LOCAL_TIME_ZONE.getId());
    try {
      return ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw fields.wrong("localTimeZone", zone, "a time-zone id such as UTC or Asia/Seoul");
    }
  }

  private static JsonObject objectAt(ConfigFields fields, JsonObject parent, String parentKey, String key) {
    Object value = parent.getValue(key);
    if (!(value instanceof JsonObject object)) {
      throw fields.wrong(parentKey + "." + key, value, "a JSON object");
    }
    return object;
  }

  /** This configuration as JSON, API keys left out so that it can be logged and shown. */
  public JsonObject toJson() {
    JsonObject detectorsJson = new JsonObject();
    detectors.forEach((id, spec) -> detectorsJson.put(id, spec.toJson()));
    JsonObject routesJson = new JsonObject();
    routes.forEach((name, route) -> routesJson.put(name, route.toJson()));
    return new JsonObject().put("host", host).put("port", port)
        .put("serverInstances", serverInstances).put("detectorThreads", detectorThreads)
        .put("localTimeZone", localTimeZone.getId())
        .put("pluginsDir", pluginsDir.toString()).put("modelsDir", modelsDir.toString())
        .put("watchIntervalMs", watchIntervalMs).put("auditLog", auditLog)
        .put("requiredDetectors", new JsonArray(requiredDetectors))
        .put("limits", limits.toJson()).put("detectors", detectorsJson).put("routes", routesJson);
  }

  /** The options the contract codec reads requests with. */
  public ContractOptions contractOptions() {
    return new ContractOptions().setLocalTimeZone(localTimeZone).setMaxEvents(limits.getMaxEvents())
        .setMaxFieldChars(limits.getMaxFieldChars());
  }

  /** The directory relative paths are read against. */
  public Path getHome() {
    return home;
  }

  /** The address to bind. */
  public String getHost() {
    return host;
  }

  /** Sets the address to bind; a non-loopback one needs API keys. */
  public GatewayConfig setHost(String host) {
    this.host = host;
    return this;
  }

  /** The port to bind; 0 picks a free one. */
  public int getPort() {
    return port;
  }

  /** Sets the port to bind, 0 to 65535; 0 picks a free one. */
  public GatewayConfig setPort(int port) {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be from 0 to 65535, was " + port);
    }
    this.port = port;
    return this;
  }

  /** How many HTTP server verticles (event loops) accept requests. */
  public int getServerInstances() {
    return serverInstances;
  }

  /** Sets how many HTTP server verticles accept requests (at least 1). */
  public GatewayConfig setServerInstances(int serverInstances) {
    this.serverInstances = atLeastOne("serverInstances", serverInstances);
    return this;
  }

  /** Worker threads per detector: how many requests one detector scores at once. */
  public int getDetectorThreads() {
    return detectorThreads;
  }

  /** Sets the worker threads per detector (at least 1). */
  public GatewayConfig setDetectorThreads(int detectorThreads) {
    this.detectorThreads = atLeastOne("detectorThreads", detectorThreads);
    return this;
  }

  /** The zone an {@code event_time} without zone is read in. */
  public ZoneId getLocalTimeZone() {
    return localTimeZone;
  }

  /** Sets the zone an {@code event_time} without zone is read in. */
  public GatewayConfig setLocalTimeZone(ZoneId localTimeZone) {
    this.localTimeZone = localTimeZone;
    return this;
  }

  /** The directory of detector plugin jars. */
  public Path getPluginsDir() {
    return pluginsDir;
  }

  /** Sets the directory of detector plugin jars. */
  public GatewayConfig setPluginsDir(Path pluginsDir) {
    this.pluginsDir = pluginsDir.toAbsolutePath().normalize();
    return this;
  }

  /** The models directory detectors are created with, unless their spec names another. */
  public Path getModelsDir() {
    return modelsDir;
  }

  /** Sets the models directory. */
  public GatewayConfig setModelsDir(Path modelsDir) {
    this.modelsDir = modelsDir.toAbsolutePath().normalize();
    return this;
  }

  /** Milliseconds between two looks at the plugins and models directories; 0 turns watching off. */
  public long getWatchIntervalMs() {
    return watchIntervalMs;
  }

  /** Sets the watch interval in milliseconds; 0 turns watching off. */
  public GatewayConfig setWatchIntervalMs(long watchIntervalMs) {
    if (watchIntervalMs < 0) {
      throw new IllegalArgumentException("watchIntervalMs must be 0 (off) or more, was " + watchIntervalMs);
    }
    this.watchIntervalMs = watchIntervalMs;
    return this;
  }

  /** Whether one audit line is logged per detection request. */
  public boolean isAuditLog() {
    return auditLog;
  }

  /** Sets whether one audit line is logged per detection request. */
  public GatewayConfig setAuditLog(boolean auditLog) {
    this.auditLog = auditLog;
    return this;
  }

  /** Detector ids that must be serving before {@code /ready} answers 200. */
  public List<String> getRequiredDetectors() {
    return requiredDetectors;
  }

  /** Sets the detector ids readiness waits for. */
  public GatewayConfig setRequiredDetectors(List<String> requiredDetectors) {
    this.requiredDetectors = List.copyOf(requiredDetectors);
    return this;
  }

  /** Request size limits. */
  public LimitsConfig getLimits() {
    return limits;
  }

  /** Sets the request size limits. */
  public GatewayConfig setLimits(LimitsConfig limits) {
    this.limits = limits;
    return this;
  }

  /** API keys. */
  public SecurityConfig getSecurity() {
    return security;
  }

  /** Sets the API keys. */
  public GatewayConfig setSecurity(SecurityConfig security) {
    this.security = security;
    return this;
  }

  /** Configured detector variants by id, besides the one implicit detector per provider. */
  public Map<String, DetectorSpec> getDetectors() {
    return detectors;
  }

  /** Sets the configured detector variants by id. */
  public GatewayConfig setDetectors(Map<String, DetectorSpec> detectors) {
    this.detectors = Collections.unmodifiableMap(new LinkedHashMap<>(detectors));
    return this;
  }

  /** Routes by name. */
  public Map<String, RouteConfig> getRoutes() {
    return routes;
  }

  /** Sets the routes by name. */
  public GatewayConfig setRoutes(Map<String, RouteConfig> routes) {
    this.routes = Collections.unmodifiableMap(new LinkedHashMap<>(routes));
    return this;
  }

  private static int atLeastOne(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, was " + value);
    }
    return value;
  }
}
