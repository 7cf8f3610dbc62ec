package org.barcodeanomaly.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.barcodeanomaly.api.contract.ContractResponse;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.gateway.config.GatewayConfig;
import org.barcodeanomaly.gateway.metrics.GatewayMetrics;
import org.barcodeanomaly.gateway.plugin.LoadStage;

/**
 * Checks that rendered manifests fit the gateway they deploy, with the gateway's own code: the
 * configuration file the container is given is read by {@link GatewayConfig#fromJson} (which
 * refuses unknown keys and wrong values), with the image's paths ({@code /app/...}) read from this
 * checkout and the mounted Secret's files faked; it must bind a non-loopback address; its port is
 * the container's, the probes', the Service's and the scrape annotation's; every key file it names
 * is mounted from a Secret; probe and scrape paths are GET endpoints of the gateway's OpenAPI
 * document (which a gateway test keeps complete); every {@code gateway_*} metric an alert rule
 * uses is one the gateway's meters register; selectors select the pod template.
 */
final class GatewayManifestChecks {

  static final String DEPLOYMENT = "anomaly-gateway";
  static final String CONTAINER = "gateway";
  private static final String IMAGE_HOME = "/app/";
  private static final String OPENAPI = "org/barcodeanomaly/gateway/http/openapi.json";
  private static final Pattern GATEWAY_METRIC = Pattern.compile("\\bgateway_[a-z0-9_]+");

  private final List<ObjectNode> resources;
  private final Path home;
  private final Path secrets;
  private final List<String> problems = new ArrayList<>();

  private GatewayManifestChecks(List<ObjectNode> resources, Path home, Path secrets) {
    this.resources = resources;
    this.home = home;
    this.secrets = secrets;
  }

  /**
   * The problems of {@code resources}; empty if consistent.
   *
   * @param home    the checkout, whose plugins/ and models/ the image carries under /app
   * @param scratch an empty directory where the Secret's files are faked
   */
  static List<String> problems(List<ObjectNode> resources, Path home, Path scratch) {
    GatewayManifestChecks checks = new GatewayManifestChecks(resources, home, scratch);
    checks.run();
    return checks.problems;
  }

  private void run() {
    ObjectNode deployment = find("Deployment", DEPLOYMENT);
    if (deployment == null) {
      problems.add("no Deployment '" + DEPLOYMENT + "'");
      return;
    }
    JsonNode pod = deployment.path("spec").path("template");
    JsonNode container = null;
    for (JsonNode candidate : pod.path("spec").path("containers")) {
      if (candidate.path("name").asText().equals(CONTAINER)) {
        container = candidate;
      }
    }
    if (container == null) {
      problems.add("Deployment '" + DEPLOYMENT + "' has no container '" + CONTAINER + "'");
      return;
    }
    checkSelectors(deployment);
    GatewayConfig config = config(pod.path("spec"), container);
    if (config != null) {
      checkPorts(deployment, container, config.getPort());
    }
    checkPaths(pod, container);
    checkAlertMetrics();
  }

  private GatewayConfig config(JsonNode podSpec, JsonNode container) {
    List<String> args = new ArrayList<>();
    container.path("args").forEach(arg -> args.add(arg.asText()));
    int option = args.indexOf("--config");
    if (option < 0 || option + 1 >= args.size()) {
      problems.add("container '" + CONTAINER + "' args " + args + " give no --config FILE: the image's"
          + " built-in configuration would be used instead of the ConfigMap");
      return null;
    }
    String file = args.get(option + 1);
    String text = mountedFile(podSpec, container, file, "configMap");
    if (text == null) {
      problems.add("--config " + file + " is not a key of a ConfigMap mounted in container '" + CONTAINER + "'");
      return null;
    }
    JsonObject json;
    try {
      json = new JsonObject(text);
    } catch (DecodeException e) {
      problems.add("--config " + file + " (ConfigMap) is not a JSON object: " + e.getMessage());
      return null;
    }
    for (String keyFile : List.of("apiKeysFile", "adminKeysFile")) {
      String path = json.getJsonObject("security", new JsonObject()).getString(keyFile);
      if (path != null && mountedFile(podSpec, container, path, "secret") == null) {
        problems.add("security." + keyFile + " " + path + " is not a key of a Secret mounted in container '"
            + CONTAINER + "': the gateway would refuse to start");
      }
    }
    try {
      GatewayConfig config = GatewayConfig.fromJson(localPaths(json, podSpec, container), home);
      if (isLoopback(config.getHost())) {
        problems.add("--config " + file + ": host " + config.getHost() + " is loopback: the kubelet's probes"
            + " and the Service cannot reach the gateway; bind 0.0.0.0");
      }
      return config;
    } catch (IllegalArgumentException e) {
      problems.add("--config " + file + " (ConfigMap): the gateway refuses it: " + e.getMessage());
      return null;
    }
  }

  /** The text a container sees at {@code path} from a mounted volume of the given source, or null. */
  private String mountedFile(JsonNode podSpec, JsonNode container, String path, String source) {
    for (JsonNode mount : container.path("volumeMounts")) {
      String mountPath = mount.path("mountPath").asText();
      if (!path.startsWith(mountPath + "/")) {
        continue;
      }
      String relative = path.substring(mountPath.length() + 1);
      JsonNode volume = volume(podSpec, mount.path("name").asText());
      if (volume == null || !volume.has(source)) {
        continue;
      }
      JsonNode sourceSpec = volume.get(source);
      String key = keyFor(sourceSpec, relative);
      if (key == null) {
        continue;
      }
      if (source.equals("secret")) {
        return "(secret " + sourceSpec.path("secretName").asText() + " key " + key + ")";
      }
      ObjectNode configMap = find("ConfigMap", sourceSpec.path("name").asText());
      if (configMap != null && configMap.path("data").has(key)) {
        return configMap.path("data").get(key).asText();
      }
    }
    return null;
  }

  private static String keyFor(JsonNode sourceSpec, String relative) {
    if (!sourceSpec.has("items")) {
      return relative.contains("/") ? null : relative;
    }
    for (JsonNode item : sourceSpec.get("items")) {
      if (item.path("path").asText().equals(relative)) {
        return item.path("key").asText();
      }
    }
    return null;
  }

  private static JsonNode volume(JsonNode podSpec, String name) {
    for (JsonNode volume : podSpec.path("volumes")) {
      if (volume.path("name").asText().equals(name)) {
        return volume;
      }
    }
    return null;
  }

  /**
   * The configuration with the container's paths made local: the image's /app from this checkout,
   * files of mounted Secrets as fake key files.
   */
  private JsonObject localPaths(JsonObject json, JsonNode podSpec, JsonNode container) {
    Map<String, Path> mounts = new LinkedHashMap<>();
    for (JsonNode mount : container.path("volumeMounts")) {
      JsonNode volume = volume(podSpec, mount.path("name").asText());
      if (volume != null && volume.has("secret")) {
        mounts.put(mount.path("mountPath").asText() + "/", secrets.resolve(mount.path("name").asText()));
      }
    }
    return (JsonObject) mapStrings(json.copy(), mounts);
  }

  private Object mapStrings(Object value, Map<String, Path> secretMounts) {
    if (value instanceof JsonObject object) {
      for (String key : object.fieldNames()) {
        object.put(key, mapStrings(object.getValue(key), secretMounts));
      }
      return object;
    }
    if (value instanceof JsonArray array) {
      JsonArray mapped = new JsonArray();
      array.forEach(item -> mapped.add(mapStrings(item, secretMounts)));
      return mapped;
    }
    if (value instanceof String text) {
      if (text.startsWith(IMAGE_HOME)) {
        return home.resolve(text.substring(IMAGE_HOME.length())).toString();
      }
      for (Map.Entry<String, Path> mount : secretMounts.entrySet()) {
        if (text.startsWith(mount.getKey())) {
          return fakeSecretFile(mount.getValue().resolve(text.substring(mount.getKey().length())));
        }
      }
    }
    return value;
  }

  private static String fakeSecretFile(Path file) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, "manifest-check-key\n");
      return file.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isLoopback(String host) {
    return host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
  }

  private void checkPorts(ObjectNode deployment, JsonNode container, int port) {
    Map<String, Integer> named = new LinkedHashMap<>();
    for (JsonNode containerPort : container.path("ports")) {
      named.put(containerPort.path("name").asText(), containerPort.path("containerPort").asInt());
    }
    if (!named.containsValue(port)) {
      problems.add("container '" + CONTAINER + "' ports " + named + " do not include the gateway's port " + port);
    }
    for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
      JsonNode probePort = container.path(probe).path("httpGet").path("port");
      if (!probePort.isMissingNode() && resolve(probePort, named) != port) {
        problems.add(probe + " port " + probePort.asText() + " is not the gateway's port " + port);
      }
    }
    JsonNode annotation = deployment.path("spec").path("template").path("metadata").path("annotations")
        .path("prometheus.io/port");
    if (!annotation.isMissingNode() && !annotation.asText().equals(Integer.toString(port))) {
      problems.add("annotation prometheus.io/port " + annotation.asText() + " is not the gateway's port " + port);
    }
    for (ObjectNode service : all("Service")) {
      for (JsonNode servicePort : service.path("spec").path("ports")) {
        JsonNode target = servicePort.path("targetPort");
        if (resolve(target.isMissingNode() ? servicePort.path("port") : target, named) != port) {
          problems.add("Service '" + name(service) + "' targetPort " + target.asText() + " is not the gateway's port " + port);
        }
      }
    }
  }

  private static int resolve(JsonNode port, Map<String, Integer> named) {
    return port.isInt() ? port.asInt() : named.getOrDefault(port.asText(), -1);
  }

  private void checkPaths(JsonNode pod, JsonNode container) {
    Set<String> getPaths = openApiGetPaths();
    Map<String, String> paths = new LinkedHashMap<>();
    for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
      JsonNode path = container.path(probe).path("httpGet").path("path");
      if (container.path(probe).isMissingNode()) {
        problems.add("container '" + CONTAINER + "' has no " + probe);
      } else if (!path.isMissingNode()) {
        paths.put(probe, path.asText());
      }
    }
    JsonNode scrape = pod.path("metadata").path("annotations").path("prometheus.io/path");
    if (!scrape.isMissingNode()) {
      paths.put("annotation prometheus.io/path", scrape.asText());
    }
    paths.forEach((what, path) -> {
      if (!getPaths.contains(path)) {
        problems.add(what + " path " + path + " is not a GET endpoint of the gateway (its OpenAPI document has "
            + getPaths + ")");
      }
    });
    if (paths.containsKey("livenessProbe") && paths.get("livenessProbe").equals(paths.get("readinessProbe"))) {
      problems.add("livenessProbe and readinessProbe both use " + paths.get("livenessProbe")
          + ": a gateway still loading its models would be restarted instead of kept out of the Service");
    }
  }

  private static Set<String> openApiGetPaths() {
    try (InputStream in = GatewayConfig.class.getClassLoader().getResourceAsStream(OPENAPI)) {
      if (in == null) {
        throw new IllegalStateException(OPENAPI + " is not on the class path (gateway jar)");
      }
      JsonObject paths = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getJsonObject("paths");
      Set<String> get = new TreeSet<>();
      for (String path : paths.fieldNames()) {
        if (paths.getJsonObject(path).containsKey("get")) {
          get.add(path);
        }
      }
      return get;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void checkAlertMetrics() {
    Set<String> known = gatewayMetricNames();
    for (ObjectNode configMap : all("ConfigMap")) {
      if (!configMap.path("metadata").path("labels").path("prometheus.io/rules").asText().equals("true")) {
        continue;
      }
      Iterator<Map.Entry<String, JsonNode>> files = configMap.path("data").fields();
      while (files.hasNext()) {
        Map.Entry<String, JsonNode> file = files.next();
        JsonNode rules;
        try {
          rules = KustomizeRenderer.YAML.readTree(file.getValue().asText());
        } catch (IOException e) {
          problems.add("ConfigMap '" + name(configMap) + "' " + file.getKey() + " is not YAML: " + e.getMessage());
          continue;
        }
        for (JsonNode group : rules.path("groups")) {
          for (JsonNode rule : group.path("rules")) {
            Matcher metric = GATEWAY_METRIC.matcher(rule.path("expr").asText());
            while (metric.find()) {
              if (!known.contains(metric.group())) {
                problems.add("alert " + rule.path("alert").asText() + " uses " + metric.group()
                    + ", which the gateway does not have (it has " + known + ")");
              }
            }
          }
        }
      }
    }
  }

  /** The sample names the gateway's meters produce, each recording method used once. */
  static Set<String> gatewayMetricNames() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    GatewayMetrics metrics = new GatewayMetrics(registry, null);
    metrics.request("/x", "rule", 200, 1_000_000);
    metrics.scored("rule", new ContractResponse(List.of(), "rule-1.0", null, List.of()));
    metrics.rejected("/x", 1);
    metrics.fallback("svm", "svm", "rule", "failed");
    metrics.shadow("lstm", "svm", AnomalyType.values()[0], 1, 1);
    metrics.failed("x.jar", LoadStage.JAR);
    Set<String> names = new TreeSet<>();
    for (String line : registry.scrape().split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        names.add(line.split("[{ ]", 2)[0]);
      }
    }
    return names;
  }

  private void checkSelectors(ObjectNode deployment) {
    JsonNode labels = deployment.path("spec").path("template").path("metadata").path("labels");
    List<JsonNode> selectors = new ArrayList<>();
    selectors.add(deployment.path("spec").path("selector").path("matchLabels"));
    all("Service").forEach(s -> selectors.add(s.path("spec").path("selector")));
    all("PodDisruptionBudget").forEach(p -> selectors.add(p.path("spec").path("selector").path("matchLabels")));
    for (JsonNode selector : selectors) {
      selector.fields().forEachRemaining(label -> {
        if (!labels.path(label.getKey()).asText().equals(label.getValue().asText())) {
          problems.add("selector " + label.getKey() + "=" + label.getValue().asText()
              + " does not select the gateway's pods (labels " + labels + ")");
        }
      });
    }
    for (ObjectNode hpa : all("HorizontalPodAutoscaler")) {
      JsonNode target = hpa.path("spec").path("scaleTargetRef");
      if (!target.path("kind").asText().equals("Deployment") || !target.path("name").asText().equals(DEPLOYMENT)) {
        problems.add("HorizontalPodAutoscaler '" + name(hpa) + "' scales " + target + ", not Deployment " + DEPLOYMENT);
      }
    }
  }

  private ObjectNode find(String kind, String name) {
    return all(kind).stream().filter(r -> name(r).equals(name)).findFirst().orElse(null);
  }

  private List<ObjectNode> all(String kind) {
    return resources.stream().filter(r -> r.path("kind").asText().equals(kind)).toList();
  }

  private static String name(JsonNode resource) {
    return resource.path("metadata").path("name").asText();
  }
}
