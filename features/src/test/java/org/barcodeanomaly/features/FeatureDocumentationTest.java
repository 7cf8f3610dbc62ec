package org.barcodeanomaly.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FeatureDocumentationTest {

  @Test
  @DisplayName("README.md lists every feature with its meaning and range, in column order")
  void readmeTableMatchesTheEnum() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    int previous = -1;
    for (Feature feature : Feature.values()) {
      String row = "| `" + feature.id() + "` | " + feature.meaning() + " | "
          + number(feature.min()) + " … " + number(feature.max()) + " |";
      int at = readme.indexOf(row);
      assertThat(at).as("README row of %s: %s", feature.id(), row).isGreaterThan(previous);
      previous = at;
    }
  }

  private static String number(float value) {
    return String.valueOf((int) value).replace('-', '−');
  }
}
