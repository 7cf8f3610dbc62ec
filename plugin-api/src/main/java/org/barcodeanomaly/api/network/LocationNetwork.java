package org.barcodeanomaly.api.network;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The location network every detector shares: the 58 locations of {@code locations.csv} and the
 * routes of {@code transition_stats.csv}, plus each factory's route to its own warehouse.
 *
 * <p>Immutable and thread-safe. {@link #standard()} loads the bundled reference tables once.
 * Lookups are array-indexed by location id, so judging a move costs no allocation.
 */
public final class LocationNetwork {

  private static final String LOCATIONS_RESOURCE = "locations.csv";
  private static final String TRANSITIONS_RESOURCE = "transition_stats.csv";
  private static final int MAX_LOCATION_ID = 1024;

  private static volatile LocationNetwork standard;

  private final Location[] byId;
  private final Map<String, Location> byName;
  private final List<Location> locations;
  private final Route[][] routes;

  private LocationNetwork(List<Location> locations, List<String[]> transitions) {
    int maxId = 0;
    for (Location location : locations) {
      if (location.id() < 0 || location.id() >= MAX_LOCATION_ID) {
        throw new IllegalArgumentException("location_id " + location.id()
            + " is outside 0.." + (MAX_LOCATION_ID - 1));
      }
      maxId = Math.max(maxId, location.id());
    }
    this.byId = new Location[maxId + 1];
    this.byName = new HashMap<>();
    for (Location location : locations) {
      byId[location.id()] = location;
      byName.put(location.name(), location);
    }
    this.locations = Collections.unmodifiableList(new ArrayList<>(locations));
    this.routes = new Route[maxId + 1][maxId + 1];
    Map<Long, RouteStats> observed = new HashMap<>();
    for (String[] row : transitions) {
      Location from = requireByName(row[0], TRANSITIONS_RESOURCE);
      Location to = requireByName(row[1], TRANSITIONS_RESOURCE);
      observed.put(key(from.id(), to.id()), new RouteStats(Double.parseDouble(row[2]),
          Double.parseDouble(row[3]), Double.parseDouble(row[4]), Double.parseDouble(row[5]),
          Long.parseLong(row[6])));
    }
    for (Location from : locations) {
      for (Location to : locations) {
        if (from.id() != to.id()) {
          RouteStats stats = observed.get(key(from.id(), to.id()));
          routes[from.id()][to.id()] = new Route(from, to, judge(from, to, stats), stats);
        }
      }
    }
  }

  /** The reference network bundled with the product (loaded once, then shared). */
  public static LocationNetwork standard() {
    LocationNetwork network = standard;
    if (network == null) {
      synchronized (LocationNetwork.class) {
        network = standard;
        if (network == null) {
          network = load(resource(LOCATIONS_RESOURCE), resource(TRANSITIONS_RESOURCE));
          standard = network;
        }
      }
    }
    return network;
  }

  /**
   * A network read from the two reference tables' CSV layouts (header row first).
   *
   * @throws IllegalArgumentException naming the file, line and value when a row cannot be read
   */
  public static LocationNetwork load(InputStream locationsCsv, InputStream transitionsCsv) {
    List<Location> locations = new ArrayList<>();
    for (String[] row : readCsv(locationsCsv, LOCATIONS_RESOURCE, 6)) {
      locations.add(new Location(Integer.parseInt(row[0]), row[1], Tier.fromName(row[2]), row[3],
          Double.parseDouble(row[4]), Double.parseDouble(row[5])));
    }
    return new LocationNetwork(locations, readCsv(transitionsCsv, TRANSITIONS_RESOURCE, 7));
  }

  /** The location with this id, or {@code null} when the network has none. */
  public Location location(int id) {
    return id >= 0 && id < byId.length ? byId[id] : null;
  }

  /** The location with this scan_location name, or {@code null}. */
  public Location locationNamed(String name) {
    return byName.get(name);
  }

  /** All locations, in the order of {@code locations.csv}. */
  public List<Location> locations() {
    return locations;
  }

  /**
   * How the network judges a move between two locations, or {@code null} when either id is
   * unknown or both are the same location.
   */
  public Route route(int fromId, int toId) {
    if (fromId < 0 || toId < 0 || fromId >= routes.length || toId >= routes.length) {
      return null;
    }
    return routes[fromId][toId];
  }

  /** Every route the network allows out of {@code fromId} (kind KNOWN), in location order. */
  public List<Route> knownRoutesFrom(int fromId) {
    List<Route> result = new ArrayList<>();
    for (Location to : locations) {
      Route route = route(fromId, to.id());
      if (route != null && route.kind() == Route.Kind.KNOWN) {
        result.add(route);
      }
    }
    return result;
  }

  private static Route.Kind judge(Location from, Location to, RouteStats stats) {
    int step = to.tier().level() - from.tier().level();
    if (step < 0) {
      return Route.Kind.BACKWARD;
    }
    if (step == 0) {
      return Route.Kind.LATERAL;
    }
    if (step > 1) {
      return Route.Kind.SKIPPED_TIER;
    }
    if (stats != null) {
      return Route.Kind.KNOWN;
    }
    switch (from.tier()) {
      case FACTORY:
        // A factory ships only to its own warehouse.
        return from.site().equals(to.site()) ? Route.Kind.KNOWN : Route.Kind.OFF_NETWORK;
      case WHOLESALER:
        // A wholesaler ships to the retailers of its own region.
        return from.site().equals(to.site()) ? Route.Kind.PLAUSIBLE : Route.Kind.OFF_NETWORK;
      default:
        // Warehouses reach several hubs and hubs ship across regions.
        return Route.Kind.PLAUSIBLE;
    }
  }

  private Location requireByName(String name, String file) {
    Location location = byName.get(name);
    if (location == null) {
      throw new IllegalArgumentException(file + ": location '" + name
          + "' is not in " + LOCATIONS_RESOURCE);
    }
    return location;
  }

  private static long key(int from, int to) {
    return ((long) from << 32) | (to & 0xffffffffL);
  }

  private static InputStream resource(String name) {
    InputStream in = LocationNetwork.class.getResourceAsStream(name);
    return Objects.requireNonNull(in, () -> "bundled resource " + name + " is missing from plugin-api");
  }

  private static List<String[]> readCsv(InputStream in, String file, int columns) {
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line = reader.readLine();
      int lineNumber = 1;
      while ((line = reader.readLine()) != null) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        String[] row = line.split(",", -1);
        if (row.length != columns) {
          throw new IllegalArgumentException(file + " line " + lineNumber + ": expected "
              + columns + " columns, found " + row.length);
        }
        rows.add(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return rows;
  }
}
