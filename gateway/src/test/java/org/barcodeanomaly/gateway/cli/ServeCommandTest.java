package org.barcodeanomaly.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.barcodeanomaly.gateway.config.GatewayConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@DisplayName("The serve command")
class ServeCommandTest {

  @TempDir
  Path directory;

  @Test
  @DisplayName("serves the defaults when given no option")
  void usesTheDefaults() throws IOException {
    GatewayConfig config = parse().configuration();

    assertThat(config.getHost()).isEqualTo("127.0.0.1");
    assertThat(config.getPort()).isEqualTo(8080);
    assertThat(config.getPluginsDir()).isEqualTo(config.getHome().resolve("plugins"));
  }

  @Test
  @DisplayName("reads --config, then lets --port and --host override it")
  void readsTheFileThenTheOptions() throws IOException {
    Path file = Files.writeString(directory.resolve("gateway.json"),
        "{\"port\": 9000, \"host\": \"127.0.0.2\", \"limits\": {\"maxEvents\": 500}}");

    GatewayConfig fromFile = parse("--config", file.toString()).configuration();
    GatewayConfig overridden = parse("--config", file.toString(), "--port", "9100", "--host", "localhost").configuration();

    assertThat(fromFile.getPort()).isEqualTo(9000);
    assertThat(fromFile.getHost()).isEqualTo("127.0.0.2");
    assertThat(overridden.getPort()).isEqualTo(9100);
    assertThat(overridden.getHost()).isEqualTo("localhost");
    assertThat(overridden.getLimits().getMaxEvents()).isEqualTo(500);
  }

  private static ServeCommand parse(String... args) {
    ServeCommand command = new ServeCommand();
    new CommandLine(command).parseArgs(args);
    return command;
  }
}
