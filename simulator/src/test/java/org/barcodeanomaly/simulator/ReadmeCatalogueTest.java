package org.barcodeanomaly.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.barcodeanomaly.simulator.anomaly.AnomalyVariant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The module's README documents the whole catalogue. */
class ReadmeCatalogueTest {

  @Test
  @DisplayName("every variant of the catalogue has a row in simulator/README.md")
  void everyVariantIsDocumented() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    for (AnomalyVariant variant : AnomalyVariant.values()) {
      assertThat(readme).as(variant.id()).contains("| `" + variant.id() + "` |");
    }
  }
}
