package org.barcodeanomaly.lstm.coldstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ColdStartIndexTest {

  @TempDir
  Path directory;

  @Test
  @DisplayName("written and read back, the index has the same vectors, radius and distances")
  void roundTrip() throws IOException {
    ColdStartIndex index = ColdStartIndex.build(random(2000, 8, 3), 1);
    index.write(directory);
    ColdStartIndex read = ColdStartIndex.read(directory);
    assertThat(read.size()).isEqualTo(2000);
    assertThat(read.dimensions()).isEqualTo(8);
    assertThat(read.radius()).isEqualTo(index.radius());
    assertThat(read.vectors()).isDeepEqualTo(index.vectors());
    float[] query = random(1, 8, 4).get(0);
    assertThat(read.nearestDistance(query)).isEqualTo(index.nearestDistance(query));
  }

  @Test
  @DisplayName("50,000 vectors are subsampled to 20,000, the same ones for the same seed")
  void boundedAndDeterministic() {
    List<float[]> vectors = random(50_000, 4, 7);
    ColdStartIndex first = ColdStartIndex.build(vectors, 42);
    ColdStartIndex second = ColdStartIndex.build(vectors, 42);
    assertThat(first.size()).isEqualTo(ColdStartIndex.MAX_VECTORS);
    assertThat(second.vectors()).isDeepEqualTo(first.vectors());
  }

  @Test
  @DisplayName("repeated vectors are stored once and count in the radius: 99 % repeats make it zero")
  void duplicatesAreStoredOnceAndCountInTheRadius() {
    List<float[]> vectors = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      vectors.add(new float[] {0, 0});
      vectors.add(new float[] {3, 4});
    }
    vectors.add(new float[] {6, 8});
    ColdStartIndex index = ColdStartIndex.build(vectors, 1);
    assertThat(index.size()).isEqualTo(3);
    assertThat(index.radius()).isZero();
    assertThat(index.isNormalNeighbour(new float[] {3, 4})).isTrue();
    assertThat(index.isNormalNeighbour(new float[] {3, 4.01f})).isFalse();
  }

  @Test
  @DisplayName("the radius is the 99th percentile of leave-one-out nearest distances")
  void radiusIsThe99thPercentile() {
    List<float[]> vectors = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      vectors.add(new float[] {i});
    }
    vectors.add(new float[] {150});
    vectors.add(new float[] {300});
    // 100 points 1 apart, then gaps of 51 and 150: rank ceil(0.99 × 102) = 101 of the sorted distances is 51
    assertThat(ColdStartIndex.build(vectors, 1).radius()).isEqualTo(51.0);
  }

  @Test
  @DisplayName("a file that is not an index is refused with its name and the command to rebuild it")
  void refusesForeignFile() throws IOException {
    Files.write(directory.resolve(ColdStartIndex.FILE_NAME), new byte[] {1, 2, 3, 4, 0, 0, 0, 1});
    assertThatThrownBy(() -> ColdStartIndex.read(directory)).isInstanceOf(IOException.class)
        .hasMessageContaining(ColdStartIndex.FILE_NAME).hasMessageContaining("build-cold-start-index");
  }

  @Test
  @DisplayName("fewer than two vectors cannot make an index")
  void refusesTooFew() {
    assertThatThrownBy(() -> ColdStartIndex.build(List.<float[]>of(new float[] {1}), 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2");
  }

  private static List<float[]> random(int count, int dimensions, long seed) {
    Random random = new Random(seed);
    float[][] vectors = new float[count][dimensions];
    for (float[] vector : vectors) {
      for (int k = 0; k < dimensions; k++) {
        vector[k] = (float) random.nextGaussian();
      }
    }
    return Arrays.asList(vectors);
  }
}
