package org.barcodeanomaly.gateway.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How one detection endpoint chooses its detector: weighted targets (a canary gets a small
 * weight), the fallback chain tried in order when the chosen target is missing, fails or runs
 * past the time budget, and an optional shadow detector scored beside it without answering.
 *
 * <p>Route {@code rule} serves {@code /api/manager/export-and-analyze-async}; any other route
 * {@code x} serves {@code /api/manager/export-and-analyze-async/x}.
 */
public final class RouteConfig {

  /** Default time budget of one detector on one request: 10 seconds. */
  public static final long DEFAULT_TIME_BUDGET_MS = 10_000;

  private static final Set<String> KEYS = Set.of("targets", "fallback", "shadow", "timeBudgetMs");

  private final String name;
  private Map<String, Integer> targets;
  private List<String> fallback = List.of();
  private String shadow;
  private long timeBudgetMs = DEFAULT_TIME_BUDGET_MS;

  /**
   * A route served by the detector of the same name alone, with no fallback.
   *
   * @throws IllegalArgumentException when {@code name} is not a lower-case path segment
   */
  public RouteConfig(String name) {
    if (!name.matches("[a-z0-9][a-z0-9_-]*")) {
      throw new IllegalArgumentException("route name '" + name + "' must be a lower-case path"
          + " segment: letters, digits, '-' and '_'");
    }
    this.name = name;
    this.targets = Map.of(name, 100);
  }

  /** A copy of {@code other}. */
  public RouteConfig(RouteConfig other) {
    this.name = other.name;
    this.targets = other.targets;
    this.fallback = other.fallback;
    this.shadow = other.shadow;
    this.timeBudgetMs = other.timeBudgetMs;
  }

  /** Reads route {@code name}; absent fields keep the defaults of {@link #RouteConfig(String)}. */
  static RouteConfig fromJson(String name, JsonObject json) {
    ConfigFields fields = new ConfigFields(json, "routes." + name, KEYS);
    RouteConfig route = new RouteConfig(name)
        .setFallback(fields.strings("fallback", List.of()))
        .setTimeBudgetMs(fields.number("timeBudgetMs", DEFAULT_TIME_BUDGET_MS, 1, Long.MAX_VALUE));
    if (fields.has("shadow")) {
      route.setShadow(fields.string("shadow", null));
    }
    if (fields.has("targets")) {
      route.setTargets(readTargets(fields, fields.object("targets")));
    }
    return route;
  }

  private static Map<String, Integer> readTargets(ConfigFields route, JsonObject json) {
    Map<String, Integer> targets = new LinkedHashMap<>();
    for (String detector : json.fieldNames()) {
      Object weight = json.getValue(detector);
      if (!(weight instanceof Number number) || number.doubleValue() != number.intValue()
          || number.intValue() < 0) {
        throw route.wrong("targets." + detector, weight, "a whole number weight of 0 or more");
      }
      targets.put(detector, number.intValue());
    }
    return targets;
  }

  /** This route as configuration JSON. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("targets", new JsonObject(new LinkedHashMap<>(targets)))
        .put("fallback", new JsonArray(fallback)).put("timeBudgetMs", timeBudgetMs);
    if (shadow != null) {
      json.put("shadow", shadow);
    }
    return json;
  }

  /** The route's name. */
  public String getName() {
    return name;
  }

  /** Detector ids and their weights, in configuration order. */
  public Map<String, Integer> getTargets() {
    return targets;
  }

  /**
   * Sets the detector ids this route splits its traffic between, with their weights.
   *
   * @throws IllegalArgumentException when there is no target or every weight is 0
   */
  public RouteConfig setTargets(Map<String, Integer> targets) {
    if (targets.values().stream().mapToLong(Integer::longValue).sum() <= 0) {
      throw new IllegalArgumentException("routes." + name + ".targets must give at least one"
          + " detector a weight above 0, was " + targets);
    }
    this.targets = Collections.unmodifiableMap(new LinkedHashMap<>(targets));
    return this;
  }

  /** Detector ids tried in order when the chosen target cannot answer. */
  public List<String> getFallback() {
    return fallback;
  }

  /** Sets the fallback chain. */
  public RouteConfig setFallback(List<String> fallback) {
    this.fallback = List.copyOf(fallback);
    return this;
  }

  /** The detector id scored in the shadow of each answer, or {@code null} for none. */
  public String getShadow() {
    return shadow;
  }

  /** Sets the shadow detector id, or {@code null} for none. */
  public RouteConfig setShadow(String shadow) {
    this.shadow = shadow;
    return this;
  }

  /** How long one detector may take for one request before the fallback answers instead. */
  public long getTimeBudgetMs() {
    return timeBudgetMs;
  }

  /** Sets the time budget, in milliseconds (at least 1). */
  public RouteConfig setTimeBudgetMs(long timeBudgetMs) {
    if (timeBudgetMs < 1) {
      throw new IllegalArgumentException("routes." + name + ".timeBudgetMs must be at least 1, was "
          + timeBudgetMs);
    }
    this.timeBudgetMs = timeBudgetMs;
    return this;
  }
}
