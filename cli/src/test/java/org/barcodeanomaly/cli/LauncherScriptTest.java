package org.barcodeanomaly.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/anomaly}, run for real in a copy of the checkout's layout with a stand-in
 * {@code java} on the PATH that writes down its arguments: what the launcher passes the JVM.
 */
@DisplayName("The bin/anomaly launcher")
class LauncherScriptTest {

  /** The checkout's launcher; Surefire sets anomaly.home to the checkout. */
  private static final Path SCRIPT = Path.of(System.getProperty("anomaly.home"), "bin", "anomaly");

  @TempDir
  Path home;

  @Test
  @DisplayName("sets a heap limit, half of the RAM, unless the user sets one in ANOMALY_JAVA_OPTS or JAVA_TOOL_OPTIONS")
  void setsAHeapLimitUnlessTheUserDoes() throws Exception {
    assertThat(javaArguments(Map.of())).startsWith("-XX:MaxRAMPercentage=50").contains("-jar");
    assertThat(javaArguments(Map.of("ANOMALY_JAVA_OPTS", "-Xmx2g"))).doesNotContain("MaxRAMPercentage").contains("-Xmx2g");
    assertThat(javaArguments(Map.of("ANOMALY_JAVA_OPTS", "-XX:MaxRAMPercentage=70")))
        .contains("-XX:MaxRAMPercentage=70").doesNotContain("-XX:MaxRAMPercentage=50");
    assertThat(javaArguments(Map.of("JAVA_TOOL_OPTIONS", "-Xmx1g"))).doesNotContain("MaxRAMPercentage");
  }

  /** The arguments {@code bin/anomaly serve} gives java under {@code environment}, one line. */
  private String javaArguments(Map<String, String> environment) throws IOException, InterruptedException {
    Path bin = Files.createDirectories(home.resolve("bin"));
    Files.copy(SCRIPT, bin.resolve("anomaly"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.createDirectories(home.resolve("cli/target"));
    Files.writeString(home.resolve("cli/target/anomaly.jar"), "");
    Path fakes = Files.createDirectories(home.resolve("fake-bin"));
    Path record = home.resolve("java-arguments.txt");
    Path java = fakes.resolve("java");
    Files.writeString(java, "#!/bin/sh\necho \"$*\" > '" + record + "'\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    ProcessBuilder launcher = new ProcessBuilder("bash", bin.resolve("anomaly").toString(), "serve").redirectErrorStream(true);
    launcher.environment().keySet().removeAll(List.of("ANOMALY_JAVA_OPTS", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS"));
    launcher.environment().putAll(environment);
    launcher.environment().put("PATH", fakes + ":" + System.getenv("PATH"));
    Process process = launcher.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as(output).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return Files.readString(record).trim();
  }
}
