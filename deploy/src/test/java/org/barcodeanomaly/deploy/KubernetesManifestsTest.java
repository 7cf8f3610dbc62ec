package org.barcodeanomaly.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.barcodeanomaly.pluginhost.AnomalyHome;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Kubernetes manifests of deploy/k8s, rendered per overlay, against the Kubernetes API schema
 * ({@link KubernetesSchema}) and against the gateway ({@link GatewayManifestChecks}); and, for each
 * check, a manifest broken in the way it looks for, to prove it fails.
 */
class KubernetesManifestsTest {

  private static final Path HOME = AnomalyHome.home();
  private static final Path K8S = HOME.resolve("deploy/k8s");

  @TempDir
  Path scratch;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"overlays/dev", "overlays/prod"})
  @DisplayName("every resource of each overlay is valid against the Kubernetes API schema, no unknown field")
  void overlaysMatchTheKubernetesSchema(String overlay) {
    List<ObjectNode> resources = KustomizeRenderer.render(K8S.resolve(overlay));

    assertThat(resources).extracting(r -> r.path("kind").asText()).containsExactlyInAnyOrder(
        "ConfigMap", "ConfigMap", "Deployment", "Service", "PodDisruptionBudget", "HorizontalPodAutoscaler");
    assertThat(resources).flatExtracting(KubernetesSchema::problems).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"overlays/dev", "overlays/prod"})
  @DisplayName("each overlay fits the gateway: its configuration, port, probe and scrape paths, key files, alert metrics")
  void overlaysFitTheGateway(String overlay) {
    List<ObjectNode> resources = KustomizeRenderer.render(K8S.resolve(overlay));

    assertThat(GatewayManifestChecks.problems(resources, HOME, scratch)).isEmpty();
  }

  @Test
  @DisplayName("the overlays set their namespace, replicas, resources and image on the base")
  void overlaysChangeWhatTheySay() {
    ObjectNode dev = deployment(KustomizeRenderer.render(K8S.resolve("overlays/dev")));
    ObjectNode prod = deployment(KustomizeRenderer.render(K8S.resolve("overlays/prod")));

    assertThat(dev.at("/metadata/namespace").asText()).isEqualTo("anomaly-dev");
    assertThat(dev.at("/spec/replicas").asInt()).isEqualTo(1);
    assertThat(dev.at("/spec/template/spec/containers/0/resources/limits/memory").asText()).isEqualTo("1Gi");
    assertThat(dev.at("/spec/template/spec/containers/0/image").asText()).isEqualTo("barcode-anomaly/gateway:0.1.0-SNAPSHOT");
    assertThat(prod.at("/spec/replicas").asInt()).isEqualTo(3);
    assertThat(prod.at("/spec/template/spec/containers/0/image").asText())
        .isEqualTo("registry.example.internal/barcode-anomaly/gateway:0.1.0");
    // The patch changed resources only: the probes of the base are still there.
    assertThat(prod.at("/spec/template/spec/containers/0/readinessProbe/httpGet/path").asText()).isEqualTo("/ready");
  }

  @Test
  @DisplayName("schema: a misspelt field, a field one level too deep and a wrong value type each fail, naming the path")
  void schemaRefusesUnknownFieldsAndWrongTypes() {
    List<ObjectNode> misspelt = dev();
    ObjectNode container = container(misspelt);
    container.set("readinesProbe", container.remove("readinessProbe"));
    List<ObjectNode> deep = dev();
    ((ObjectNode) container(deep).at("/livenessProbe/httpGet")).put("pathx", "/health");
    List<ObjectNode> wrongType = dev();
    ((ObjectNode) deployment(wrongType).path("spec")).put("replicas", "two");

    assertThat(KubernetesSchema.problems(deployment(misspelt))).singleElement().asString()
        .contains("spec.template.spec.containers[0].readinesProbe: unknown field: not a field of Container");
    assertThat(KubernetesSchema.problems(deployment(deep))).singleElement().asString()
        .contains("containers[0].livenessProbe.httpGet.pathx: unknown field: not a field of HTTPGetAction");
    assertThat(KubernetesSchema.problems(deployment(wrongType))).singleElement().asString()
        .contains("apps/v1/Deployment 'anomaly-gateway': spec.replicas:");
  }

  @Test
  @DisplayName("schema: a kind or API version the manifests may not use fails")
  void schemaRefusesAnUnknownKind() {
    ObjectNode pdb = find(dev(), "PodDisruptionBudget");
    pdb.put("apiVersion", "policy/v1beta1");

    assertThat(KubernetesSchema.problems(pdb)).singleElement().asString()
        .contains("apiVersion/kind policy/v1beta1/PodDisruptionBudget is not one of");
  }

  @Test
  @DisplayName("gateway: a probe path the gateway has no GET endpoint for fails")
  void aWrongProbePathFails() {
    List<ObjectNode> resources = dev();
    ((ObjectNode) container(resources).at("/readinessProbe/httpGet")).put("path", "/readyz");

    assertThat(GatewayManifestChecks.problems(resources, HOME, scratch)).singleElement().asString()
        .startsWith("readinessProbe path /readyz is not a GET endpoint of the gateway");
  }

  @Test
  @DisplayName("gateway: a configuration key the gateway does not know fails with the gateway's own message")
  void anUnknownConfigKeyFails() {
    List<ObjectNode> resources = dev();
    ObjectNode data = (ObjectNode) find(resources, "ConfigMap", "anomaly-gateway-config").path("data");
    JsonObject config = new JsonObject(data.get("gateway.json").asText());
    config.getJsonObject("limits").put("maxEvent", 10);
    data.put("gateway.json", config.encodePrettily());

    assertThat(GatewayManifestChecks.problems(resources, HOME, scratch)).singleElement().asString()
        .contains("the gateway refuses it").contains("limits.maxEvent");
  }

  @Test
  @DisplayName("gateway: a container port, probe port or Service target that is not the configured port fails")
  void aWrongPortFails() {
    List<ObjectNode> resources = dev();
    ((ObjectNode) container(resources).at("/ports/0")).put("containerPort", 9090);

    assertThat(GatewayManifestChecks.problems(resources, HOME, scratch))
        .anySatisfy(p -> assertThat(p).contains("do not include the gateway's port 8080"))
        .anySatisfy(p -> assertThat(p).startsWith("readinessProbe port http is not the gateway's port 8080"))
        .anySatisfy(p -> assertThat(p).contains("Service 'anomaly-gateway' targetPort http"));
  }

  @Test
  @DisplayName("gateway: an alert rule on a metric the gateway does not have fails")
  void anUnknownMetricFails() {
    List<ObjectNode> resources = dev();
    ObjectNode data = (ObjectNode) find(resources, "ConfigMap", "anomaly-gateway-alerts").path("data");
    data.put("gateway-alerts.yaml", data.get("gateway-alerts.yaml").asText()
        .replace("gateway_fallbacks_total", "gateway_fallback_total"));

    assertThat(GatewayManifestChecks.problems(resources, HOME, scratch)).singleElement().asString()
        .startsWith("alert AnomalyGatewayFallbacks uses gateway_fallback_total, which the gateway does not have");
  }

  @Test
  @DisplayName("gateway: an API key file no mounted Secret provides fails (the gateway would not start)")
  void anUnmountedKeyFileFails() {
    List<ObjectNode> resources = dev();
    ArrayNode mounts = (ArrayNode) container(resources).path("volumeMounts");
    for (int i = mounts.size() - 1; i >= 0; i--) {
      if (mounts.get(i).path("name").asText().equals("keys")) {
        mounts.remove(i);
      }
    }

    assertThat(GatewayManifestChecks.problems(resources, HOME, scratch))
        .anySatisfy(p -> assertThat(p).startsWith("security.apiKeysFile /etc/anomaly/keys/api-keys is not a key of a Secret"));
  }

  @Test
  @DisplayName("gateway: a loopback address, or liveness on the readiness path, fails")
  void loopbackAndLivenessOnReadinessFail() {
    List<ObjectNode> resources = dev();
    ObjectNode data = (ObjectNode) find(resources, "ConfigMap", "anomaly-gateway-config").path("data");
    data.put("gateway.json", new JsonObject(data.get("gateway.json").asText()).put("host", "127.0.0.1").encode());
    ((ObjectNode) container(resources).at("/livenessProbe/httpGet")).put("path", "/ready");

    assertThat(GatewayManifestChecks.problems(resources, HOME, scratch))
        .anySatisfy(p -> assertThat(p).contains("host 127.0.0.1 is loopback"))
        .anySatisfy(p -> assertThat(p).startsWith("livenessProbe and readinessProbe both use /ready"));
  }

  @Test
  @DisplayName("the metric names checked against are the gateway's own, as Prometheus shows them")
  void knowsTheGatewaysMetricNames() {
    assertThat(GatewayManifestChecks.gatewayMetricNames()).contains("gateway_requests_seconds_bucket",
        "gateway_requests_seconds_count", "gateway_fallbacks_total", "gateway_plugin_loads_total",
        "gateway_events_scored_total").doesNotContain("gateway_fallback_total");
  }

  private static List<ObjectNode> dev() {
    return KustomizeRenderer.render(K8S.resolve("overlays/dev"));
  }

  private static ObjectNode deployment(List<ObjectNode> resources) {
    return find(resources, "Deployment");
  }

  private static ObjectNode container(List<ObjectNode> resources) {
    return (ObjectNode) deployment(resources).at("/spec/template/spec/containers/0");
  }

  private static ObjectNode find(List<ObjectNode> resources, String kind) {
    return resources.stream().filter(r -> r.path("kind").asText().equals(kind)).findFirst().orElseThrow();
  }

  private static ObjectNode find(List<ObjectNode> resources, String kind, String name) {
    return resources.stream().filter(r -> r.path("kind").asText().equals(kind)
        && r.at("/metadata/name").asText().equals(name)).findFirst().orElseThrow();
  }
}
