package org.barcodeanomaly.api.network;

/**
 * Observed travel time of one route of the network ({@code transition_stats.csv}), in hours,
 * from the outbound scan at the origin to the inbound scan at the destination.
 *
 * @param meanHours mean travel time
 * @param stdHours  standard deviation
 * @param minHours  fastest observed trip
 * @param maxHours  slowest observed trip
 * @param count     number of observed trips; 0 for routes known from the network's shape only
 */
public record RouteStats(double meanHours, double stdHours, double minHours, double maxHours,
    long count) {

  /** Whether the statistics come from observed trips rather than the network's shape. */
  public boolean observed() {
    return count > 0;
  }
}
