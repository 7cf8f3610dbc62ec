package org.barcodeanomaly.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.barcodeanomaly.pluginhost.AnomalyHome;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The architecture section of the README says which module depends on which of ours; this keeps it
 * true: the table's "depends on" column against every module's pom (compile, provided and runtime
 * dependencies on our own modules), and every module of the root pom in the table.
 */
class ModuleGraphDocumentationTest {

  private static final Pattern ROW = Pattern.compile("^\\| `([\\w-]+)` \\|.*\\| ([^|]*) \\|$", Pattern.MULTILINE);
  private static final Pattern DEPENDENCY = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL);
  private static final Pattern MODULE = Pattern.compile("<module>([\\w-]+)</module>");

  @Test
  @DisplayName("README's module table names every module with exactly the modules of ours its pom depends on")
  void readmeMatchesThePoms() throws IOException {
    Path root = AnomalyHome.home();
    Map<String, Set<String>> documented = new TreeMap<>();
    Matcher row = ROW.matcher(Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8));
    while (row.find()) {
      String cell = row.group(2).trim();
      documented.put(row.group(1), cell.isEmpty() || cell.equals("—") ? Set.of()
          : new TreeSet<>(Arrays.asList(cell.split(",\\s*"))));
    }
    Map<String, Set<String>> actual = new TreeMap<>();
    Matcher module = MODULE.matcher(Files.readString(root.resolve("pom.xml"), StandardCharsets.UTF_8));
    while (module.find()) {
      actual.put(module.group(1), ourDependencies(root.resolve(module.group(1)).resolve("pom.xml")));
    }

    assertThat(actual).isNotEmpty();
    actual.forEach((name, dependencies) -> assertThat(documented.get(name))
        .as("README's dependencies of module %s", name).isEqualTo(dependencies));
  }

  private static Set<String> ourDependencies(Path pom) throws IOException {
    Set<String> ours = new TreeSet<>();
    Matcher dependency = DEPENDENCY.matcher(Files.readString(pom, StandardCharsets.UTF_8));
    while (dependency.find()) {
      String body = dependency.group(1);
      if (body.contains("<groupId>org.barcodeanomaly</groupId>") && !body.contains("<scope>test</scope>")
          && !body.contains("<type>")) {
        Matcher artifact = Pattern.compile("<artifactId>([\\w-]+)</artifactId>").matcher(body);
        if (artifact.find()) {
          ours.add(artifact.group(1));
        }
      }
    }
    return ours;
  }
}
