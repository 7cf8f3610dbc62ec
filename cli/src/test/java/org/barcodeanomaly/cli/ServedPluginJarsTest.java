package org.barcodeanomaly.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.barcodeanomaly.pluginhost.AnomalyHome;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The plugin jars the build drops into {@code plugins/} hold what serving runs and nothing else:
 * no training, simulator, evaluation, launcher or gateway classes of ours, no command-line or
 * training libraries. Listed entry by entry from the jars this build wrote.
 */
class ServedPluginJarsTest {

  /** Class-file prefixes no served plugin may carry. */
  private static final List<String> FORBIDDEN = List.of(
      "org/barcodeanomaly/svm/train/", "org/barcodeanomaly/svm/cli/",
      "org/barcodeanomaly/lstm/training/", "org/barcodeanomaly/lstm/command/",
      "org/barcodeanomaly/lstm/workflow/", "org/barcodeanomaly/lstm/onnx/",
      "org/barcodeanomaly/lstm/data/", "org/barcodeanomaly/lstm/eval/",
      "org/barcodeanomaly/simulator/", "org/barcodeanomaly/evaluation/",
      "org/barcodeanomaly/cli/", "org/barcodeanomaly/training/", "org/barcodeanomaly/gateway/",
      "org/barcodeanomaly/pluginhost/", "org/barcodeanomaly/api/",
      "picocli/", "org/deeplearning4j/", "org/nd4j/", "org/jline/", "org/fusesource/",
      "com/opencsv/", "org/junit/");

  /** Our packages a served plugin may carry: its own, and the shared serving modules it shades. */
  private static final List<String> OURS_ALLOWED = List.of(
      "org/barcodeanomaly/features/", "org/barcodeanomaly/modelformat/",
      "org/barcodeanomaly/rule/", "org/barcodeanomaly/svm/model/", "org/barcodeanomaly/svm/explain/",
      "org/barcodeanomaly/svm/Svm",
      "org/barcodeanomaly/svm/package-info",
      "org/barcodeanomaly/lstm/serving/", "org/barcodeanomaly/lstm/model/",
      "org/barcodeanomaly/lstm/runtime/", "org/barcodeanomaly/lstm/sequence/",
      "org/barcodeanomaly/lstm/coldstart/", "org/barcodeanomaly/lstm/explain/");

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"rule-plugin.jar", "svm-plugin.jar", "lstm-plugin.jar"})
  @DisplayName("a served plugin jar carries no training, simulator, evaluation, CLI or host classes")
  void onlyServingClasses(String jarName) throws IOException {
    Path jar = AnomalyHome.pluginsDir().resolve(jarName);
    assertThat(jar).isRegularFile();
    List<String> offending = new ArrayList<>();
    int ours = 0;
    try (JarFile file = new JarFile(jar.toFile())) {
      for (JarEntry entry : Collections.list(file.entries())) {
        String name = entry.getName();
        if (!name.endsWith(".class")) {
          continue;
        }
        boolean forbidden = FORBIDDEN.stream().anyMatch(name::startsWith);
        boolean foreignOurs = name.startsWith("org/barcodeanomaly/")
            && OURS_ALLOWED.stream().noneMatch(name::startsWith);
        if (forbidden || foreignOurs) {
          offending.add(name);
        }
        ours += name.startsWith("org/barcodeanomaly/") ? 1 : 0;
      }
    }

    assertThat(ours).as("classes of ours in %s", jarName).isPositive();
    assertThat(offending).as("entries of %s that serving never runs", jarName).isEmpty();
  }

  @org.junit.jupiter.api.Test
  @DisplayName("the list above covers every plugin the build writes")
  void everyPluginIsListed() throws IOException {
    try (var jars = Files.list(AnomalyHome.pluginsDir())) {
      assertThat(jars.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".jar")))
          .containsExactlyInAnyOrder("rule-plugin.jar", "svm-plugin.jar", "lstm-plugin.jar");
    }
  }
}
