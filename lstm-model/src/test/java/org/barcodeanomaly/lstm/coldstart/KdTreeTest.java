package org.barcodeanomaly.lstm.coldstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class KdTreeTest {

  @Test
  @DisplayName("nearest distance equals a brute-force scan for 500 random queries over 3,000 clustered points")
  void matchesBruteForce() {
    Random random = new Random(11);
    float[][] points = clustered(random, 3000, 12);
    KdTree tree = new KdTree(points);
    for (int q = 0; q < 500; q++) {
      float[] query = clustered(random, 1, 12)[0];
      assertThat(tree.nearestDistance(query, -1)).isEqualTo(bruteForce(points, query, -1));
    }
  }

  @Test
  @DisplayName("excluding a point gives its distance to the nearest other point, as a brute-force scan does")
  void excludesThePointItself() {
    Random random = new Random(5);
    float[][] points = clustered(random, 1000, 6);
    KdTree tree = new KdTree(points);
    for (int i = 0; i < points.length; i += 37) {
      assertThat(tree.nearestDistance(points[i], -1)).isZero();
      assertThat(tree.nearestDistance(points[i], i)).isEqualTo(bruteForce(points, points[i], i));
    }
  }

  @Test
  @DisplayName("a tree of fewer points than a leaf, and one of repeated points, answer exactly")
  void smallAndRepeated() {
    float[][] repeated = new float[50][];
    for (int i = 0; i < repeated.length; i++) {
      repeated[i] = new float[] {1, 2};
    }
    assertThat(new KdTree(repeated).nearestDistance(new float[] {4, 6}, -1)).isEqualTo(5.0);
    assertThat(new KdTree(new float[][] {{0, 0}, {3, 4}}).nearestDistance(new float[] {3, 3}, -1)).isEqualTo(1.0);
    assertThat(new KdTree(new float[][] {{0, 0}}).nearestDistance(new float[] {1, 1}, 0)).isInfinite();
  }

  @Test
  @DisplayName("a query of the wrong width is refused with both widths in the message")
  void refusesWrongWidth() {
    KdTree tree = new KdTree(new float[][] {{0, 0, 0}});
    assertThatThrownBy(() -> tree.nearestDistance(new float[] {0, 0}, -1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 values").hasMessageContaining("3");
  }

  /** Points around a few centres, with many values repeated, like normalised one-event features. */
  static float[][] clustered(Random random, int count, int dimensions) {
    float[][] points = new float[count][dimensions];
    for (float[] point : points) {
      int centre = random.nextInt(5);
      for (int k = 0; k < dimensions; k++) {
        point[k] = k % 3 == 0 ? centre + (float) random.nextGaussian() : random.nextInt(3);
      }
    }
    return points;
  }

  static double bruteForce(float[][] points, float[] query, int excluded) {
    double best = Double.POSITIVE_INFINITY;
    for (int i = 0; i < points.length; i++) {
      if (i == excluded) {
        continue;
      }
      double sum = 0;
      for (int k = 0; k < query.length; k++) {
        double difference = points[i][k] - query[k];
        sum += difference * difference;
      }
      best = Math.min(best, sum);
    }
    return Math.sqrt(best);
  }
}
