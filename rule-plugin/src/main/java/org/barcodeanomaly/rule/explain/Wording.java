package org.barcodeanomaly.rule.explain;

import java.util.Locale;
import org.barcodeanomaly.api.network.Location;
import org.barcodeanomaly.api.network.LocationNetwork;

/**
 * How findings put times and places into words, one way for every rule: {@code 12 min},
 * {@code 5.1 h}, {@code 3.2 days}; {@code location 13 (수도권물류센터, logistics hub)}.
 */
public final class Wording {

  private Wording() {
  }

  /** A duration in the unit a person would use: minutes under two hours, hours under two days. */
  public static String duration(double seconds) {
    double magnitude = Math.abs(seconds);
    if (magnitude < 120) {
      return String.format(Locale.ROOT, "%.0f s", magnitude);
    }
    if (magnitude < 2 * 3_600) {
      return String.format(Locale.ROOT, "%.0f min", magnitude / 60);
    }
    if (magnitude < 2 * 86_400) {
      return String.format(Locale.ROOT, "%.1f h", magnitude / 3_600);
    }
    return String.format(Locale.ROOT, "%.1f days", magnitude / 86_400);
  }

  /** A duration given in hours. */
  public static String hours(double hours) {
    return duration(hours * 3_600);
  }

  /** A location by id, name and tier; or the bare id when the network does not have it. */
  public static String site(LocationNetwork network, int locationId) {
    Location location = network.location(locationId);
    if (location == null) {
      return "location " + locationId + " (not in the network)";
    }
    return "location " + locationId + " (" + location.name() + ", "
        + location.tier().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")";
  }
}
