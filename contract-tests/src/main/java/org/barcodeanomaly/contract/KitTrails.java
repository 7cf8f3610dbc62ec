package org.barcodeanomaly.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.barcodeanomaly.api.epc.EpcRegistry;
import org.barcodeanomaly.api.event.EventType;
import org.barcodeanomaly.api.event.ScanEvent;
import org.barcodeanomaly.api.network.Location;
import org.barcodeanomaly.api.network.LocationNetwork;
import org.barcodeanomaly.api.network.Route;
import org.barcodeanomaly.api.network.RouteStats;
import org.barcodeanomaly.api.network.Tier;
import org.barcodeanomaly.api.scanfile.ScanFileReader;

/**
 * The scan trails the kit sends: the real trails of {@code raw_sample.tsv}, and normal trails
 * built from the reference network so that every observed route is travelled at its fastest,
 * mean and slowest observed time. Every trail here is normal: a detector must report none of it.
 */
final class KitTrails {

  /** The EPC of the complete 10-event trail of {@code raw_sample.tsv}. */
  static final String SAMPLE_EPC = "001.8804823.1293291.010004.20250701.000004002";

  /** How long each leg takes in a built trail: one of the route's observed travel times. */
  enum Pace { FASTEST, MEAN, SLOWEST }

  private static final Duration FACTORY_TO_WAREHOUSE = Duration.ofMinutes(30);
  private static final Duration DWELL = Duration.ofDays(7);
  private static final Duration RETAIL_DWELL = Duration.ofDays(3);
  private static final Instant FIRST_AGGREGATION = Instant.parse("2025-07-01T10:23:38Z");
  private static final String PRODUCT_4 = "8804823.1293291";
  private static final long LOT_SPACING_SECONDS = 324;

  private final LocationNetwork network = LocationNetwork.standard();
  private final EpcRegistry registry = EpcRegistry.standard();

  /**
   * The 13 rows of {@code raw_sample.tsv} (one complete ICN trail and the first three events of
   * the next EPC), read with the product's scan-file reader; ids 1 to 13.
   */
  static List<ScanEvent> sample(long fileId) {
    try (InputStream in = Objects.requireNonNull(KitTrails.class.getResourceAsStream("raw_sample.tsv"),
        "raw_sample.tsv is missing from contract-tests")) {
      Path copy = Files.createTempFile("raw_sample", ".tsv");
      try {
        Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
        List<ScanEvent> events = new ArrayList<>();
        new ScanFileReader().read(copy, fileId, events::add, problem -> {
          throw new IllegalStateException("raw_sample.tsv: " + problem.message());
        });
        return events;
      } finally {
        Files.deleteIfExists(copy);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled raw_sample.tsv", e);
    }
  }

  /** The complete 10-event trail of the sample. */
  static List<ScanEvent> sampleTrail(long fileId) {
    return sample(fileId).stream().filter(event -> event.epcCode().equals(SAMPLE_EPC)).toList();
  }

  /**
   * Complete normal trails through every observed route of the network, each at each
   * {@link Pace}: for every route, the factory-to-retailer path through it (found upstream and
   * downstream along known routes), one lot of EPCs per trail, lots 324 s apart as in the data.
   */
  List<ScanEvent> everyRouteAtEveryPace(long fileId) {
    List<ScanEvent> events = new ArrayList<>();
    int trail = 0;
    for (List<Location> path : pathsThroughEveryObservedRoute()) {
      for (Pace pace : Pace.values()) {
        events.addAll(trail(path, pace, trail, fileId, events.size() + 1L));
        trail++;
      }
    }
    return events;
  }

  /**
   * One normal trail along {@code path} (factory, warehouse, hub, wholesaler, retailer: 10
   * events; cut after the last inbound when the path ends before a retailer): 30 min to the
   * warehouse, a week at each node, three days at the retailer between scans, each trip at
   * {@code pace}.
   */
  List<ScanEvent> trail(List<Location> path, Pace pace, int trailIndex, long fileId, long firstId) {
    String epc = epc(path.get(0), trailIndex);
    Instant time = FIRST_AGGREGATION.plusSeconds(trailIndex * LOT_SPACING_SECONDS);
    List<ScanEvent> events = new ArrayList<>(EventType.values().length);
    for (EventType type : EventType.values()) {
      if (endsBefore(path, type)) {
        break;
      }
      Location at = path.get(type.tier().level());
      if (!events.isEmpty()) {
        ScanEvent previous = events.get(events.size() - 1);
        time = time.plus(previous.locationId() == at.id() ? dwell(type) : travel(previous.locationId(), at, pace));
      }
      events.add(new ScanEvent(firstId + events.size(), fileId, epc, at.id(), type.step().dataName(),
          type.dataName(), time));
    }
    return events;
  }

  /**
   * Whether a trail along {@code path} has ended before {@code type}: past its last location, or
   * leaving a last location that ships nowhere (the trail is cut there, as the data's are).
   */
  private static boolean endsBefore(List<Location> path, EventType type) {
    int level = type.tier().level();
    boolean complete = path.get(path.size() - 1).tier() == Tier.RETAILER;
    return level >= path.size()
        || (!complete && level == path.size() - 1 && type.direction() == EventType.Direction.OUTBOUND);
  }

  /** The sample's path: 인천공장, its warehouse, the capital hub, wholesaler 1, a capital retailer. */
  List<Location> samplePath() {
    return List.of(network.location(1), network.location(5), network.location(13), network.location(23),
        network.location(74));
  }

  /** A logistics hub other than {@code hubId}, for a clone seen at two hubs at once. */
  Location otherHub(int hubId) {
    return network.locations().stream()
        .filter(location -> location.tier() == Tier.LOGISTICS_HUB && location.id() != hubId)
        .findFirst().orElseThrow();
  }

  private List<List<Location>> pathsThroughEveryObservedRoute() {
    List<List<Location>> paths = new ArrayList<>();
    for (Location from : network.locations()) {
      for (Route route : network.knownRoutesFrom(from.id())) {
        if (route.stats() != null && route.stats().observed()) {
          List<Location> path = new ArrayList<>(upstream(from));
          path.addAll(downstream(route.to()));
          paths.add(path);
        }
      }
    }
    return paths;
  }

  /** {@code location} and the first known chain above it, factory first. */
  private List<Location> upstream(Location location) {
    List<Location> chain = new ArrayList<>();
    Location current = location;
    chain.add(0, current);
    while (current.tier() != Tier.FACTORY) {
      Location child = current;
      current = network.locations().stream()
          .filter(candidate -> isKnown(network.route(candidate.id(), child.id())))
          .findFirst().orElseThrow(() -> new IllegalStateException("no known route into " + child.name()));
      chain.add(0, current);
    }
    return chain;
  }

  /**
   * {@code location} and the longest known chain below it, preferring the first that reaches a
   * retailer; shorter when the chain ends at a location that ships nowhere (a cut trail).
   */
  private List<Location> downstream(Location location) {
    List<Location> longest = List.of(location);
    for (Route route : network.knownRoutesFrom(location.id())) {
      List<Location> below = downstream(route.to());
      if (below.size() + 1 > longest.size()) {
        longest = new ArrayList<>(List.of(location));
        longest.addAll(below);
      }
      if (longest.get(longest.size() - 1).tier() == Tier.RETAILER) {
        break;
      }
    }
    return longest;
  }

  private static boolean isKnown(Route route) {
    return route != null && route.kind() == Route.Kind.KNOWN;
  }

  private Duration travel(int fromId, Location to, Pace pace) {
    RouteStats stats = network.route(fromId, to.id()).stats();
    if (stats == null || !stats.observed()) {
      return FACTORY_TO_WAREHOUSE;
    }
    double hours = switch (pace) {
      case FASTEST -> stats.minHours();
      case MEAN -> stats.meanHours();
      case SLOWEST -> stats.maxHours();
    };
    // Whole seconds, rounded up: a fastest trip must not become faster than the observed one.
    return Duration.ofSeconds((long) Math.ceil(hours * 3_600 - 1e-6));
  }

  private static Duration dwell(EventType type) {
    return type.tier() == Tier.RETAILER ? RETAIL_DWELL : DWELL;
  }

  /** A well-formed EPC of Product 4 from the factory's lot prefix, one serial per trail. */
  private String epc(Location factory, int trailIndex) {
    String lotPrefix = registry.factories().stream()
        .filter(candidate -> candidate.locationId() == factory.id())
        .findFirst().orElseThrow().lotPrefix();
    return String.format("001.%s.%s%04d.20250701.%09d", PRODUCT_4, lotPrefix, trailIndex % 10_000, trailIndex);
  }
}
