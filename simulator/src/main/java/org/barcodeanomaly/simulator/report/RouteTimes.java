package org.barcodeanomaly.simulator.report;

/** Running count, mean, spread and range of one route's travel times, in hours. Not thread-safe. */
final class RouteTimes {

  private long count;
  private double sum;
  private double sumOfSquares;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;

  void add(double hours) {
    count++;
    sum += hours;
    sumOfSquares += hours * hours;
    min = Math.min(min, hours);
    max = Math.max(max, hours);
  }

  long count() {
    return count;
  }

  double mean() {
    return count == 0 ? Double.NaN : sum / count;
  }

  /** Sample standard deviation, as pandas reports it in the route table. */
  double std() {
    if (count < 2) {
      return Double.NaN;
    }
    double mean = mean();
    return Math.sqrt(Math.max(0, (sumOfSquares - count * mean * mean) / (count - 1)));
  }

  double min() {
    return count == 0 ? Double.NaN : min;
  }

  double max() {
    return count == 0 ? Double.NaN : max;
  }
}
