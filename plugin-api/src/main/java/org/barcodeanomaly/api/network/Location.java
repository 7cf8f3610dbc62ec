package org.barcodeanomaly.api.network;

/**
 * One scan location of the network ({@code locations.csv}).
 *
 * @param id        location_id
 * @param name      scan_location, the Korean name used in scan files
 * @param tier      level in the chain
 * @param site      factory site code (ICN, HWS, YGS, KUM) for tiers 0 and 1, region otherwise
 * @param latitude  degrees north
 * @param longitude degrees east
 */
public record Location(int id, String name, Tier tier, String site, double latitude,
    double longitude) {

  private static final double EARTH_RADIUS_KM = 6371.0088;

  /** Great-circle distance in kilometres (haversine). */
  public double distanceKm(Location other) {
    double lat1 = Math.toRadians(latitude);
    double lat2 = Math.toRadians(other.latitude);
    double dLat = lat2 - lat1;
    double dLon = Math.toRadians(other.longitude - longitude);
    double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
        + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
  }
}
