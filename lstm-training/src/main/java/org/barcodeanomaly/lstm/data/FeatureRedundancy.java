package org.barcodeanomaly.lstm.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.barcodeanomaly.features.Feature;

/**
 * The redundancy analysis that chooses the LSTM's inputs from the shared features, on the
 * training rows (real steps of the training sequences, raw values):
 * <ol>
 *   <li>a feature constant in training (standard deviation below {@value #MIN_STD}) carries
 *       nothing and is dropped;</li>
 *   <li>in {@link Feature} order, a feature whose |Pearson r| with an already kept feature exceeds
 *       {@value #MAX_CORRELATION} duplicates it and is dropped;</li>
 *   <li>the variance inflation factor (VIF = 1 / (1 − R²) of a feature regressed on the other
 *       kept ones) is recorded, and VIFs above {@value #MAX_VIF} flagged, but nothing is dropped
 *       for it: the network is not a linear model, collinearity does not make its weights
 *       unidentifiable the way it does a regression's, and the collinear features are rare
 *       anomaly indicators (e.g. {@code locationKnown}) that the others encode only indirectly.
 *       Dropping exact linear combinations cost the first bundled model the unknown-location
 *       case of the compatibility kit (locErr 2.5 against a threshold of 76.9).</li>
 * </ol>
 */
public final class FeatureRedundancy {

  static final double MIN_STD = 1e-6;
  static final double MAX_CORRELATION = 0.995;
  static final double MAX_VIF = 50;
  private static final int MAX_ROWS = 20_000;

  private final List<Feature> kept = new ArrayList<>();
  private final Map<Feature, String> dropped = new LinkedHashMap<>();
  private final Map<Feature, Double> vif = new LinkedHashMap<>();
  private final int rows;

  private FeatureRedundancy(int rows) {
    this.rows = rows;
  }

  /** Analyses every column of {@code raw} (built with every {@link Feature}, in ordinal order). */
  public static FeatureRedundancy analyse(SequenceSet raw, long seed) {
    return analyse(raw, EnumSet.allOf(Feature.class), seed);
  }

  /**
   * Analyses the columns of {@code raw} (built with every {@link Feature}, in ordinal order) among
   * {@code allowed}; the others are dropped as not allowed (the LSTM allows only
   * {@link org.barcodeanomaly.features.VariationProofFeatures}).
   */
  public static FeatureRedundancy analyse(SequenceSet raw, Set<Feature> allowed, long seed) {
    double[][] data = sampleRows(raw, seed);
    boolean[] varies = variesAnywhere(raw);
    FeatureRedundancy result = new FeatureRedundancy(data.length);
    List<Feature> candidates = new ArrayList<>();
    double[][] columns = transpose(data);
    for (Feature feature : Feature.values()) {
      if (!allowed.contains(feature)) {
        result.dropped.put(feature, "normal variation moves it (not in VariationProofFeatures)");
        continue;
      }
      // Constant means constant in every training row, not in the sample: a rare indicator (a scan
      // after the sale, one row in 10,000) is absent from a 20,000-row sample, and dropping it
      // cost a model the whole order-scan-after-sale variant.
      if (!varies[feature.ordinal()]) {
        result.dropped.put(feature, "constant in the training data");
      } else {
        candidates.add(feature);
      }
    }
    PearsonsCorrelation correlation = new PearsonsCorrelation();
    for (Feature feature : candidates) {
      String duplicate = null;
      for (Feature other : result.kept) {
        double r = correlation.correlation(columns[feature.ordinal()], columns[other.ordinal()]);
        if (Math.abs(r) > MAX_CORRELATION) {
          duplicate = String.format(Locale.ROOT, "|r| = %.3f with %s", Math.abs(r), other.id());
          break;
        }
      }
      if (duplicate == null) {
        result.kept.add(feature);
      } else {
        result.dropped.put(feature, duplicate);
      }
    }
    result.computeVif(columns);
    return result;
  }

  private void computeVif(double[][] columns) {
    for (Feature feature : kept) {
      vif.put(feature, varianceInflation(columns, feature));
    }
  }

  private double varianceInflation(double[][] columns, Feature target) {
    List<Feature> others = new ArrayList<>(kept);
    others.remove(target);
    if (others.isEmpty()) {
      return 1;
    }
    int n = columns[0].length;
    double[][] x = new double[n][others.size()];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < others.size(); k++) {
        x[i][k] = columns[others.get(k).ordinal()][i];
      }
    }
    OLSMultipleLinearRegression regression = new OLSMultipleLinearRegression();
    try {
      regression.newSampleData(columns[target.ordinal()], x);
      double r2 = regression.calculateRSquared();
      return r2 >= 1 - 1e-12 ? Double.POSITIVE_INFINITY : 1 / (1 - r2);
    } catch (SingularMatrixException e) {
      return Double.POSITIVE_INFINITY;
    }
  }

  /** The features the LSTM uses, in {@link Feature} order. */
  public List<Feature> kept() {
    return List.copyOf(kept);
  }

  /** The record: every feature, kept or dropped, and why. */
  public String markdown() {
    StringBuilder md = new StringBuilder("# LSTM input features: redundancy analysis\n\n");
    md.append("Computed by `train-lstm` on ").append(rows).append(" training rows (real steps, raw "
        + "values). Rules: drop a feature constant in training; drop a feature with |Pearson r| > ")
        .append(MAX_CORRELATION).append(" to an earlier kept one. VIF > ").append((int) MAX_VIF)
        .append(" is flagged, not dropped (see `FeatureRedundancy`). Meanings: `features/` `Feature` javadoc.\n\n");
    md.append("| feature | group | decision | VIF / reason |\n|---|---|---|---|\n");
    for (Feature feature : Feature.values()) {
      md.append("| ").append(feature.id()).append(" | ").append(feature.group()).append(" | ");
      if (kept.contains(feature)) {
        double value = vif.getOrDefault(feature, 1.0);
        md.append("kept | ").append(String.format(Locale.ROOT, "VIF %.1f%s", value,
            value > MAX_VIF ? " (collinear, kept)" : ""));
      } else {
        md.append("dropped | ").append(dropped.get(feature));
      }
      md.append(" |\n");
    }
    md.append("\nKept ").append(kept.size()).append(" of ").append(Feature.COUNT).append(" features.\n");
    return md.toString();
  }

  /** Per column, whether any two real rows of {@code raw} differ in it by at least {@link #MIN_STD}. */
  static boolean[] variesAnywhere(SequenceSet raw) {
    int width = raw.batch().featureCount();
    double[] min = new double[width];
    double[] max = new double[width];
    Arrays.fill(min, Double.POSITIVE_INFINITY);
    Arrays.fill(max, Double.NEGATIVE_INFINITY);
    for (int s = 0; s < raw.count(); s++) {
      for (int t = 0; t < raw.batch().lengths()[s]; t++) {
        int offset = (s * raw.batch().maxLength() + t) * width;
        for (int k = 0; k < width; k++) {
          double value = raw.batch().inputs()[offset + k];
          min[k] = Math.min(min[k], value);
          max[k] = Math.max(max[k], value);
        }
      }
    }
    boolean[] varies = new boolean[width];
    for (int k = 0; k < width; k++) {
      varies[k] = max[k] - min[k] >= MIN_STD;
    }
    return varies;
  }

  private static double[][] sampleRows(SequenceSet raw, long seed) {
    List<double[]> rows = new ArrayList<>();
    int width = raw.batch().featureCount();
    for (int s = 0; s < raw.count(); s++) {
      for (int t = 0; t < raw.batch().lengths()[s]; t++) {
        double[] row = new double[width];
        int offset = (s * raw.batch().maxLength() + t) * width;
        for (int k = 0; k < width; k++) {
          row[k] = raw.batch().inputs()[offset + k];
        }
        rows.add(row);
      }
    }
    java.util.Collections.shuffle(rows, new Random(seed));
    return rows.subList(0, Math.min(MAX_ROWS, rows.size())).toArray(new double[0][]);
  }

  private static double[][] transpose(double[][] rows) {
    int width = rows.length == 0 ? Feature.COUNT : rows[0].length;
    double[][] columns = new double[width][rows.length];
    for (int i = 0; i < rows.length; i++) {
      for (int k = 0; k < width; k++) {
        columns[k][i] = rows[i][k];
      }
    }
    return columns;
  }
}
