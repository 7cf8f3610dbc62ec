package org.barcodeanomaly.gateway.testing;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads values out of a Prometheus text scrape, as a monitoring system would. */
public final class PrometheusText {

  private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  private PrometheusText() {
  }

  /** The sum of the samples of {@code name} whose labels include {@code labels}; 0 when none. */
  public static double value(String scrape, String name, Map<String, String> labels) {
    double sum = 0;
    for (String line : scrape.split("\n")) {
      Matcher sample = SAMPLE.matcher(line);
      if (!line.startsWith("#") && sample.find() && sample.group(1).equals(name)
          && labelsOf(sample.group(2)).entrySet().containsAll(labels.entrySet())) {
        sum += Double.parseDouble(sample.group(3));
      }
    }
    return sum;
  }

  private static Map<String, String> labelsOf(String text) {
    Map<String, String> labels = new HashMap<>();
    if (text != null) {
      Matcher label = LABEL.matcher(text);
      while (label.find()) {
        labels.put(label.group(1), label.group(2));
      }
    }
    return labels;
  }
}
