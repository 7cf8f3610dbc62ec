package org.barcodeanomaly.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline kustomize subset the manifest tests render overlays with. */
class KustomizeRendererTest {

  @TempDir
  Path dir;

  private static final String DEPLOYMENT = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web}
      spec:
        replicas: 2
        template:
          spec:
            containers:
              - {name: a, image: repo/a:1, args: [x, y]}
              - {name: b, image: repo/b:1}
      ---
      apiVersion: policy/v1
      kind: PodDisruptionBudget
      metadata: {name: web}
      spec: {minAvailable: 1}
      """;

  @Test
  @DisplayName("a patch merges containers by name, replaces scalar lists, deletes on null; images, replicas, namespace apply")
  void rendersAnOverlay() throws IOException {
    write("base/kustomization.yaml", "resources: [all.yaml]\n");
    write("base/all.yaml", DEPLOYMENT);
    write("dev/kustomization.yaml", """
        namespace: dev
        resources: [../base]
        images: [{name: repo/b, newName: registry/b, newTag: "2"}]
        replicas: [{name: web, count: 1}]
        patches: [{path: patch.yaml}, {path: pdb.yaml}]
        """);
    write("dev/patch.yaml", """
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              containers:
                - {name: a, args: [z]}
                - {name: c, image: repo/c:1}
        """);
    write("dev/pdb.yaml", "kind: PodDisruptionBudget\nmetadata: {name: web}\nspec: {minAvailable: null, maxUnavailable: 1}\n");

    List<ObjectNode> resources = KustomizeRenderer.render(dir.resolve("dev"));

    ObjectNode deployment = resources.get(0);
    assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(1);
    assertThat(deployment.at("/metadata/namespace").asText()).isEqualTo("dev");
    assertThat(deployment.at("/spec/template/spec/containers").toString()).isEqualTo(
        "[{\"name\":\"a\",\"image\":\"repo/a:1\",\"args\":[\"z\"]},{\"name\":\"b\",\"image\":\"registry/b:2\"},"
            + "{\"name\":\"c\",\"image\":\"repo/c:1\"}]");
    assertThat(resources.get(1).path("spec").toString()).isEqualTo("{\"maxUnavailable\":1}");
  }

  @Test
  @DisplayName("a kustomization field it does not implement is refused, not ignored")
  void refusesUnsupportedFields() throws IOException {
    write("k/kustomization.yaml", "resources: []\ncommonLabels: {a: b}\n");

    assertThatThrownBy(() -> KustomizeRenderer.render(dir.resolve("k")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("field 'commonLabels' is not supported");
  }

  @Test
  @DisplayName("a patch whose target does not exist is refused, naming kind and name")
  void refusesAPatchWithoutTarget() throws IOException {
    write("k/kustomization.yaml", "resources: [all.yaml]\npatches: [{path: p.yaml}]\n");
    write("k/all.yaml", DEPLOYMENT);
    write("k/p.yaml", "kind: Deployment\nmetadata: {name: api}\nspec: {replicas: 3}\n");

    assertThatThrownBy(() -> KustomizeRenderer.render(dir.resolve("k")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no resource Deployment named 'api' to patch");
  }

  private void write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
