package org.barcodeanomaly.evaluation.reference;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.barcodeanomaly.api.detector.Detector;
import org.barcodeanomaly.api.epc.EpcRegistry;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.event.EventType;
import org.barcodeanomaly.api.event.ScanEvent;
import org.barcodeanomaly.api.network.Location;
import org.barcodeanomaly.api.network.LocationNetwork;
import org.barcodeanomaly.api.network.Route;
import org.barcodeanomaly.api.network.RouteStats;
import org.barcodeanomaly.api.network.Tier;

/**
 * A small generator of labelled trails, independent of the product's simulator: normal trails
 * drawn from the reference network, and anomalies injected with their labels on exactly the events
 * docs/spec/ANOMALIES.md names, several named variants per type.
 *
 * <p>Normal trails start with the factory's Aggregation, go one tier down along observed routes
 * with travel times uniform within each route's [min, max], stay 1–30 days per node (1–20 at the
 * retailer), and are cut at a random length of 2–10 events. Anomaly-free trails also carry the
 * normal variation of real deployments, each kind named per event: 40 % of readers (factories
 * included) run up to 15 minutes off ({@code clock-skew}); a whole visit missed in a blind zone
 * ({@code missed-visit}); a read twice in its second, as the same row with the same event id
 * ({@code duplicate-row}) or under another ({@code duplicate-read}); a trip 1 hour to 4 days slower
 * than the route ever took ({@code slow-leg}); 40–90 days at a node ({@code long-dwell}); and late
 * arrival (the batch is shuffled).
 *
 * <p>Public, so that every detector's acceptance test measures itself on the same independent
 * trails.
 */
public final class ReferenceTrails {

  private static final long MINUTE = 60;
  private static final long HOUR = 3_600;
  private static final long DAY = 86_400;
  private static final long START = Instant.parse("2025-07-01T10:00:00Z").getEpochSecond();
  private static final int MAX_SKEW_SECONDS = 15 * 60;
  private static final double SKEWED_READER_SHARE = 0.4;
  private static final double BLIND_ZONE_SHARE = 0.08;
  private static final double DUPLICATE_ROW_SHARE = 0.03;
  private static final double DUPLICATE_READ_SHARE = 0.03;
  private static final double SLOW_LEG_SHARE = 0.05;
  private static final double LONG_DWELL_SHARE = 0.05;
  private static final int ATTEMPTS_BEFORE_FULL_TRAILS = 3;
  private static final int[] UNKNOWN_LOCATIONS = {0, 57, 200, 999};
  private static final String[] UNKNOWN_TYPES = {"Inbound", "Received", "Stock_Out", "Shipping"};
  private static final EventType[] INBOUND_OF_TIER = {EventType.AGGREGATION, EventType.WMS_INBOUND,
      EventType.HUB_INBOUND, EventType.W_STOCK_INBOUND, EventType.R_STOCK_INBOUND};
  private static final String CLOCK_SKEW = "clock-skew";
  private static final String MISSED_VISIT = "missed-visit";
  private static final String DUPLICATE_ROW = "duplicate-row";
  private static final String DUPLICATE_READ = "duplicate-read";
  private static final String SLOW_LEG = "slow-leg";
  private static final String LONG_DWELL = "long-dwell";
  private static final EventType[] OUTBOUND_OF_TIER = {null, EventType.WMS_OUTBOUND,
      EventType.HUB_OUTBOUND, EventType.W_STOCK_OUTBOUND, EventType.R_STOCK_OUTBOUND};

  private final LocationNetwork network = LocationNetwork.standard();
  private final EpcRegistry registry = EpcRegistry.standard();
  private final Random random;
  private final Map<Integer, Long> skews = new HashMap<>();
  private long serial;

  /** One EPC's trail while it is built. */
  private static final class GeneratedTrail {
    String epc;
    final List<LabelledScan> scans;
    /** A whole visit of this (anomaly-free) trail was lost in a blind zone. */
    boolean missedRead;
    /** The injected variant's name, or null for an anomaly-free trail. */
    String variant;

    GeneratedTrail(String epc, List<LabelledScan> scans) {
      this.epc = epc;
      this.scans = scans;
    }
  }

  /** A generator whose output depends only on {@code seed}. */
  public ReferenceTrails(long seed) {
    this.random = new Random(seed);
    for (Location location : network.locations()) {
      long skew = random.nextDouble() < SKEWED_READER_SHARE
          ? (60 + random.nextInt(MAX_SKEW_SECONDS - 59)) * (random.nextBoolean() ? 1L : -1L) : 0;
      skews.put(location.id(), skew);
    }
  }

  /**
   * The macro ROC-AUC of {@code detector} on {@code epcCount} reference trails of {@code seed}, 30 %
   * of them anomalous: a quick check that a detector ranks anomalies at all.
   */
  public static double macroRocAuc(Detector detector, long seed, int epcCount) {
    LabelledBatch batch = new ReferenceTrails(seed).generate(epcCount, 0.3);
    return batch.macroRocAuc(detector.score(batch.events()));
  }

  /**
   * {@code epcCount} trails; each is anomalous with probability {@code anomalousShare}, with one
   * injected anomaly of a type drawn uniformly, else carries noise only.
   */
  public LabelledBatch generate(int epcCount, double anomalousShare) {
    List<GeneratedTrail> trails = new ArrayList<>();
    for (int i = 0; i < epcCount; i++) {
      EpcRegistry.Factory factory = registry.factories().get(random.nextInt(registry.factories().size()));
      trails.add(random.nextDouble() < anomalousShare
          ? anomalousTrail(factory, AnomalyType.ofIndex(random.nextInt(AnomalyType.COUNT)))
          : normalTrail(factory));
    }
    return shuffled(trails);
  }

  /** Late arrival: the detector receives the events of all trails in random order. */
  private LabelledBatch shuffled(List<GeneratedTrail> trails) {
    List<String> epcs = new ArrayList<>();
    List<LabelledScan> scans = new ArrayList<>();
    List<Boolean> anomalyFree = new ArrayList<>();
    List<Boolean> missedRead = new ArrayList<>();
    List<String> variantOf = new ArrayList<>();
    for (GeneratedTrail trail : trails) {
      boolean free = trail.scans.stream().allMatch(scan -> scan.labels.isEmpty());
      for (LabelledScan scan : trail.scans) {
        epcs.add(trail.epc);
        scans.add(scan);
        anomalyFree.add(free);
        missedRead.add(trail.missedRead);
        variantOf.add(trail.variant);
        if (isSkewed(scan.location)) {
          scan.noise.add(CLOCK_SKEW);
        }
      }
    }
    int size = scans.size();
    int[] order = new int[size];
    for (int i = 0; i < size; i++) {
      int j = random.nextInt(i + 1);
      order[i] = order[j];
      order[j] = i;
    }
    List<ScanEvent> events = new ArrayList<>(size);
    List<Set<AnomalyType>> labels = new ArrayList<>(size);
    List<String> variants = new ArrayList<>(size);
    List<Set<String>> noise = new ArrayList<>(size);
    boolean[] free = new boolean[size];
    boolean[] missed = new boolean[size];
    Map<LabelledScan, Long> ids = new java.util.IdentityHashMap<>();
    long nextId = 1;
    for (int i = 0; i < size; i++) {
      LabelledScan scan = scans.get(order[i]);
      LabelledScan row = scan.sameRowAs != null ? scan.sameRowAs : scan;
      Long id = ids.get(row);
      if (id == null) {
        id = nextId++;
        ids.put(row, id);
      }
      events.add(new ScanEvent(id, 1, epcs.get(order[i]), scan.location, scan.step, scan.type,
          Instant.ofEpochSecond(scan.second)));
      labels.add(Set.copyOf(scan.labels));
      variants.add(variantOf.get(order[i]));
      noise.add(Set.copyOf(scan.noise));
      free[i] = anomalyFree.get(order[i]);
      missed[i] = missedRead.get(order[i]);
    }
    return new LabelledBatch(events, labels, free, missed, variants, noise);
  }

  // ------------------------------------------------------------------ normal trails and noise

  private GeneratedTrail normalTrail(EpcRegistry.Factory factory) {
    GeneratedTrail trail = new GeneratedTrail(genuineEpc(factory), cut(journey(factory)));
    if (random.nextDouble() < SLOW_LEG_SHARE) {
      delay(trail.scans, true, between(HOUR, 4 * DAY), SLOW_LEG);
    }
    if (random.nextDouble() < LONG_DWELL_SHARE) {
      delay(trail.scans, false, between(40 * DAY, 90 * DAY), LONG_DWELL);
    }
    if (random.nextDouble() < BLIND_ZONE_SHARE) {
      List<int[]> visits = visits(trail.scans);
      if (visits.size() >= 3) {
        int[] visit = visits.get(1 + random.nextInt(visits.size() - 2));
        trail.scans.subList(visit[0], visit[1]).clear();
        trail.scans.get(visit[0]).noise.add(MISSED_VISIT);
        trail.missedRead = true;
      }
    }
    if (random.nextDouble() < DUPLICATE_ROW_SHARE) {
      int k = random.nextInt(trail.scans.size());
      LabelledScan original = trail.scans.get(k);
      LabelledScan copy = original.copy();
      copy.sameRowAs = original;
      original.noise.add(DUPLICATE_ROW);
      copy.noise.add(DUPLICATE_ROW);
      trail.scans.add(k + 1, copy);
    }
    if (random.nextDouble() < DUPLICATE_READ_SHARE) {
      int k = random.nextInt(trail.scans.size());
      LabelledScan copy = trail.scans.get(k).copy();
      trail.scans.get(k).noise.add(DUPLICATE_READ);
      copy.noise.add(DUPLICATE_READ);
      trail.scans.add(k + 1, copy);
    }
    return trail;
  }

  /**
   * Delays one leg (a move into another location, {@code travel}) or one stay (between an inbound
   * and the outbound at the same location) by {@code seconds}: the event that ends it and every later
   * one move, and the event that ends it is marked {@code kind}. A slow leg takes its route's
   * slowest trip plus the delay.
   */
  private void delay(List<LabelledScan> scans, boolean travel, long seconds, String kind) {
    Integer k = pick(indices(scans, i -> i > 0 && (travel
        ? scans.get(i).inbound() && scans.get(i - 1).location != scans.get(i).location
            && observedStats(scans.get(i - 1), scans.get(i)) != null
        : scans.get(i).outbound() && scans.get(i - 1).location == scans.get(i).location)));
    if (k == null) {
      return;
    }
    long shift = seconds;
    if (travel) {
      long slowest = (long) Math.ceil(observedStats(scans.get(k - 1), scans.get(k)).maxHours() * HOUR);
      shift = scans.get(k - 1).second + slowest + seconds - scans.get(k).second;
    }
    for (LabelledScan scan : scans.subList(k, scans.size())) {
      scan.second += shift;
    }
    scans.get(k).noise.add(kind);
  }

  private boolean isSkewed(int location) {
    Long skew = skews.get(location);
    return skew != null && skew != 0;
  }

  private String genuineEpc(EpcRegistry.Factory factory) {
    List<EpcRegistry.Product> products = registry.products();
    EpcRegistry.Product product = products.get(random.nextInt(products.size()));
    String lot = factory.lotPrefix() + String.format("%04d", random.nextInt(10_000));
    return String.join(".", "001", product.company(), product.code(), lot, "20250701",
        String.format("%09d", ++serial));
  }

  /** A complete journey: up to 10 events, shorter when a wholesaler ships nowhere. */
  private List<LabelledScan> journey(EpcRegistry.Factory factory) {
    List<LabelledScan> scans = new ArrayList<>();
    long time = START + (long) (random.nextDouble() * 10 * HOUR);
    int at = factory.locationId();
    scans.add(scan(at, EventType.AGGREGATION, time));
    at = network.knownRoutesFrom(at).get(0).to().id();
    time += 20 * MINUTE + random.nextInt((int) (20 * MINUTE));
    scans.add(scan(at, EventType.WMS_INBOUND, time));
    time += between(DAY, 30 * DAY);
    scans.add(scan(at, EventType.WMS_OUTBOUND, time));
    for (int tier = Tier.LOGISTICS_HUB.level(); tier <= Tier.RETAILER.level(); tier++) {
      Route route = observedRouteFrom(at);
      if (route == null) {
        return scans;
      }
      at = route.to().id();
      time += travelSeconds(route);
      scans.add(scan(at, INBOUND_OF_TIER[tier], time));
      time += between(DAY, (tier == Tier.RETAILER.level() ? 7 : 30) * DAY);
      scans.add(scan(at, OUTBOUND_OF_TIER[tier], time));
    }
    scans.add(scan(at, EventType.POS_SELL, time + between(DAY, 20 * DAY)));
    return scans;
  }

  private List<LabelledScan> cut(List<LabelledScan> scans) {
    int length = Math.min(scans.size(), 2 + random.nextInt(9));
    return new ArrayList<>(scans.subList(0, length));
  }

  private LabelledScan scan(int location, EventType type, long trueSecond) {
    return new LabelledScan(location, type, trueSecond + skews.get(location));
  }

  private Route observedRouteFrom(int from) {
    List<Route> routes = new ArrayList<>();
    for (Route route : network.knownRoutesFrom(from)) {
      if (route.stats() != null && route.stats().observed()) {
        routes.add(route);
      }
    }
    return routes.isEmpty() ? null : routes.get(random.nextInt(routes.size()));
  }

  private long travelSeconds(Route route) {
    RouteStats stats = route.stats();
    return between((long) Math.ceil(stats.minHours() * HOUR), (long) Math.floor(stats.maxHours() * HOUR));
  }

  private long between(long low, long high) {
    return low + (long) (random.nextDouble() * (high - low));
  }

  /** Visits as [from, to) index ranges of consecutive scans at one location. */
  private static List<int[]> visits(List<LabelledScan> scans) {
    List<int[]> visits = new ArrayList<>();
    int from = 0;
    for (int i = 1; i <= scans.size(); i++) {
      if (i == scans.size() || scans.get(i).location != scans.get(from).location) {
        visits.add(new int[] {from, i});
        from = i;
      }
    }
    return visits;
  }

  private Tier tierOf(LabelledScan scan) {
    Location location = network.location(scan.location);
    return location == null ? null : location.tier();
  }

  private <T> T pick(List<T> candidates) {
    return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
  }

  private List<Integer> indices(List<LabelledScan> scans, Predicate<Integer> test) {
    List<Integer> result = new ArrayList<>();
    for (int i = 0; i < scans.size(); i++) {
      if (test.test(i)) {
        result.add(i);
      }
    }
    return result;
  }

  private List<Location> locationsOfTier(Tier tier, Predicate<Location> test) {
    List<Location> result = new ArrayList<>();
    for (Location location : network.locations()) {
      if (location.tier() == tier && test.test(location)) {
        result.add(location);
      }
    }
    return result;
  }

  // ------------------------------------------------------------------------- injections

  /**
   * A trail with one anomaly of {@code type}: a variant drawn uniformly, then trails drawn until it
   * applies (full journeys after a few attempts), so every variant is about equally frequent.
   */
  private GeneratedTrail anomalousTrail(EpcRegistry.Factory factory, AnomalyType type) {
    int choice = random.nextInt(switch (type) {
      case EPC_FAKE -> 12;
      case EPC_DUP -> 1;
      case LOC_ERR -> 7;
      case EVT_ORDER_ERR -> 6;
      case JUMP -> 4;
    });
    for (int attempt = 0; ; attempt++) {
      List<LabelledScan> journey = journey(factory);
      GeneratedTrail trail = new GeneratedTrail(genuineEpc(factory),
          attempt < ATTEMPTS_BEFORE_FULL_TRAILS ? cut(journey) : journey);
      String variant = switch (type) {
        case EPC_FAKE -> injectFake(trail, choice);
        case EPC_DUP -> injectDup(trail.scans);
        case LOC_ERR -> injectLocationError(trail.scans, choice);
        case EVT_ORDER_ERR -> injectOrderError(trail.scans, choice);
        case JUMP -> injectJump(trail.scans, choice);
      };
      if (variant != null) {
        trail.variant = variant;
        return trail;
      }
    }
  }

  /** epcFake: every event of the EPC. */
  private String injectFake(GeneratedTrail trail, int choice) {
    String[] f = trail.epc.split("\\.");
    LocalDate firstScan = Instant.ofEpochSecond(trail.scans.get(0).second).atZone(ZoneOffset.UTC).toLocalDate();
    String variant;
    switch (choice) {
      case 0 -> {
        f = new String[] {f[0], f[1], f[2], f[3], f[4]};
        variant = "fake-field-count";
      }
      case 1 -> {
        f[0] = "002";
        variant = "fake-header";
      }
      case 2 -> {
        f[1] = "8800001";
        variant = "fake-company";
      }
      case 3 -> {
        f[2] = f[2].substring(0, 5);
        variant = "fake-field-format";
      }
      case 4 -> {
        f[3] = f[3].substring(0, 2) + "A" + f[3].substring(3);
        variant = "fake-field-format";
      }
      case 5 -> {
        f[5] = f[5].substring(1);
        variant = "fake-field-format";
      }
      case 6 -> {
        f[2] = productNotOwnedBy(f[1]);
        variant = "fake-product-owner";
      }
      case 7 -> {
        f[3] = "99" + f[3].substring(2);
        variant = "fake-lot-prefix";
      }
      case 8 -> {
        f[4] = firstScan.plusDays(3 + random.nextInt(60)).format(DateTimeFormatter.BASIC_ISO_DATE);
        variant = "fake-manufacture-after-scan";
      }
      case 9 -> {
        f[4] = "20251340";
        variant = "fake-date-invalid";
      }
      case 10 -> {
        f[4] = "2019" + f[4].substring(4);
        variant = "fake-date-old";
      }
      default -> {
        f[0] = "000";
        f[1] = "7700000";
        f[4] = "20250230";
        variant = "fake-several-fields";
      }
    }
    trail.epc = String.join(".", f);
    trail.scans.forEach(scan -> scan.labels.add(AnomalyType.EPC_FAKE));
    return variant;
  }

  private String productNotOwnedBy(String company) {
    List<EpcRegistry.Product> others = new ArrayList<>(registry.products());
    others.removeIf(product -> product.company().equals(company));
    return pick(others).code();
  }

  /** epcDup: clones of one read at 1–3 other locations of its tier, in the same second. */
  private String injectDup(List<LabelledScan> scans) {
    int k = random.nextInt(scans.size());
    LabelledScan original = scans.get(k);
    List<Location> others = locationsOfTier(tierOf(original), location -> location.id() != original.location);
    int clones = 1 + random.nextInt(3);
    original.labels.add(AnomalyType.EPC_DUP);
    for (int c = 0; c < clones && !others.isEmpty(); c++) {
      LabelledScan clone = original.copy();
      clone.location = others.remove(random.nextInt(others.size())).id();
      clone.labels.add(AnomalyType.EPC_DUP);
      scans.add(k + 1, clone);
    }
    return "dup-same-tier";
  }

  /** locErr: the event at the wrong location. */
  private String injectLocationError(List<LabelledScan> scans, int choice) {
    return switch (choice) {
      case 0 -> named(unknownLocation(scans), "loc-unknown-location");
      case 1 -> named(backwardMove(scans), "loc-backward");
      case 2 -> named(skippedTier(scans), "loc-skipped-tier-one-leg");
      case 3 -> named(lateralMove(scans), "loc-lateral");
      case 4 -> named(relocateVisit(scans, Route.Kind.OFF_NETWORK), "loc-off-network");
      case 5 -> named(relocateVisit(scans, Route.Kind.PLAUSIBLE), "loc-unobserved-route");
      default -> named(stepOfAnotherTier(scans), "loc-step-of-another-tier");
    };
  }

  private static String named(boolean injected, String variant) {
    return injected ? variant : null;
  }

  private boolean unknownLocation(List<LabelledScan> scans) {
    int[] visit = pick(visits(scans));
    int location = UNKNOWN_LOCATIONS[random.nextInt(UNKNOWN_LOCATIONS.length)];
    for (LabelledScan scan : scans.subList(visit[0], visit[1])) {
      scan.location = location;
      scan.labels.add(AnomalyType.LOC_ERR);
    }
    return true;
  }

  private boolean backwardMove(List<LabelledScan> scans) {
    LabelledScan last = scans.get(scans.size() - 1);
    if (tierOf(last).level() == 0 || last.eventType() == EventType.POS_SELL) {
      return false;
    }
    Tier tier = Tier.values()[random.nextInt(tierOf(last).level())];
    Location target = pick(locationsOfTier(tier, location -> true));
    LabelledScan arrival = new LabelledScan(target.id(), INBOUND_OF_TIER[tier.level()],
        last.second + between(HOUR, 10 * HOUR));
    arrival.labels.add(AnomalyType.LOC_ERR);
    scans.add(arrival);
    return true;
  }

  /** A tier's visit removed and the trail moved up so the next arrival comes one leg's time later. */
  private boolean skippedTier(List<LabelledScan> scans) {
    List<int[]> visits = visits(scans);
    if (visits.size() < 3) {
      return false;
    }
    int v = 1 + random.nextInt(visits.size() - 2);
    long departure = scans.get(visits.get(v - 1)[1] - 1).second;
    int next = visits.get(v + 1)[0];
    long shift = departure + between(HOUR, 10 * HOUR) - scans.get(next).second;
    for (LabelledScan scan : scans.subList(next, scans.size())) {
      scan.second += shift;
    }
    scans.get(next).labels.add(AnomalyType.LOC_ERR);
    scans.subList(visits.get(v)[0], visits.get(v)[1]).clear();
    return true;
  }

  private boolean lateralMove(List<LabelledScan> scans) {
    Integer k = pick(indices(scans, i -> scans.get(i).outbound()));
    if (k == null) {
      return false;
    }
    LabelledScan departure = scans.get(k);
    Tier tier = tierOf(departure);
    Location target = pick(locationsOfTier(tier, location -> location.id() != departure.location));
    scans.subList(k + 1, scans.size()).clear();
    LabelledScan arrival = new LabelledScan(target.id(), INBOUND_OF_TIER[tier.level()],
        departure.second + between(HOUR, 10 * HOUR));
    arrival.labels.add(AnomalyType.LOC_ERR);
    scans.add(arrival);
    return true;
  }

  /** A visit moved to a location the previous one reaches only by a route of {@code kind}. */
  private boolean relocateVisit(List<LabelledScan> scans, Route.Kind kind) {
    List<int[]> visits = visits(scans);
    List<Integer> candidates = new ArrayList<>();
    for (int v = 1; v < visits.size(); v++) {
      if (!targets(scans.get(visits.get(v - 1)[0]).location, tierOf(scans.get(visits.get(v)[0])), kind).isEmpty()) {
        candidates.add(v);
      }
    }
    Integer v = pick(candidates);
    if (v == null) {
      return false;
    }
    int[] visit = visits.get(v);
    Location target = pick(targets(scans.get(visits.get(v - 1)[0]).location, tierOf(scans.get(visit[0])), kind));
    scans.subList(visit[1], scans.size()).clear();
    for (LabelledScan scan : scans.subList(visit[0], visit[1])) {
      scan.location = target.id();
    }
    scans.get(visit[0]).labels.add(AnomalyType.LOC_ERR);
    return true;
  }

  private List<Location> targets(int from, Tier tier, Route.Kind kind) {
    return locationsOfTier(tier, location -> {
      Route route = network.route(from, location.id());
      return route != null && route.kind() == kind;
    });
  }

  private boolean stepOfAnotherTier(List<LabelledScan> scans) {
    Integer k = pick(indices(scans, i -> scans.get(i).inbound() || scans.get(i).outbound()));
    if (k == null) {
      return false;
    }
    LabelledScan scan = scans.get(k);
    EventType type = sameDirectionElsewhere(scan);
    scan.step = type.step().dataName();
    scan.type = type.dataName();
    scan.labels.add(AnomalyType.LOC_ERR);
    return true;
  }

  /** The inbound or outbound type (as the scan's) of another tier than the scan's, WMS to retailer. */
  private EventType sameDirectionElsewhere(LabelledScan scan) {
    int tier = tierOf(scan).level();
    int other = 1 + random.nextInt(3);
    other = other >= tier ? other + 1 : other;
    return scan.inbound() ? INBOUND_OF_TIER[other] : OUTBOUND_OF_TIER[other];
  }

  /** evtOrderErr: the event that breaks the order. */
  private String injectOrderError(List<LabelledScan> scans, int choice) {
    return switch (choice) {
      case 0 -> named(missingInbound(scans, false), "order-outbound-without-inbound");
      case 1 -> named(missingInbound(scans, true), "order-outbound-before-inbound");
      case 2 -> named(secondInbound(scans), "order-second-inbound");
      case 3 -> named(reInboundAfterOutbound(scans), "order-inbound-again-after-outbound");
      case 4 -> named(scanAfterSale(scans), "order-scan-after-sale");
      default -> named(typeOfAnotherStep(scans), "order-type-of-another-step");
    };
  }

  /** An outbound with no inbound before it: the inbound dropped, or timestamped after it. */
  private boolean missingInbound(List<LabelledScan> scans, boolean swapTimes) {
    Integer k = pick(indices(scans, i -> scans.get(i).inbound() && i + 1 < scans.size()
        && scans.get(i + 1).outbound()));
    if (k == null) {
      return false;
    }
    LabelledScan inbound = scans.get(k);
    LabelledScan outbound = scans.get(k + 1);
    outbound.labels.add(AnomalyType.EVT_ORDER_ERR);
    if (swapTimes) {
      long time = inbound.second;
      inbound.second = outbound.second;
      outbound.second = time;
    } else {
      scans.remove((int) k);
    }
    return true;
  }

  private boolean secondInbound(List<LabelledScan> scans) {
    Integer k = pick(indices(scans, i -> scans.get(i).inbound()));
    if (k == null) {
      return false;
    }
    long until = k + 1 < scans.size() ? scans.get(k + 1).second - 5 * MINUTE : scans.get(k).second + 2 * DAY;
    long from = scans.get(k).second + 10 * MINUTE;
    if (until <= from) {
      return false;
    }
    LabelledScan again = scans.get(k).copy();
    again.second = between(from, Math.min(until, from + 2 * DAY));
    again.labels.add(AnomalyType.EVT_ORDER_ERR);
    scans.add(k + 1, again);
    return true;
  }

  /** The production pattern: out of a wholesaler and in again 35 min to 3 h later. */
  private boolean reInboundAfterOutbound(List<LabelledScan> scans) {
    Integer k = pick(indices(scans, i -> scans.get(i).eventType() == EventType.W_STOCK_OUTBOUND));
    if (k == null) {
      return false;
    }
    long delay = between(35 * MINUTE, 3 * HOUR);
    for (LabelledScan scan : scans.subList(k + 1, scans.size())) {
      scan.second += delay;
    }
    LabelledScan again = new LabelledScan(scans.get(k).location, EventType.W_STOCK_INBOUND,
        scans.get(k).second + delay);
    again.labels.add(AnomalyType.EVT_ORDER_ERR);
    scans.add(k + 1, again);
    return true;
  }

  private boolean scanAfterSale(List<LabelledScan> scans) {
    LabelledScan last = scans.get(scans.size() - 1);
    if (last.eventType() != EventType.POS_SELL) {
      return false;
    }
    EventType[] types = {EventType.R_STOCK_INBOUND, EventType.R_STOCK_OUTBOUND, EventType.POS_SELL};
    LabelledScan after = new LabelledScan(last.location, types[random.nextInt(types.length)],
        last.second + between(DAY, 5 * DAY));
    after.labels.add(AnomalyType.EVT_ORDER_ERR);
    scans.add(after);
    return true;
  }

  /** An event type of another step (same direction) or an unknown one; the step is kept. */
  private boolean typeOfAnotherStep(List<LabelledScan> scans) {
    Integer k = pick(indices(scans, i -> scans.get(i).inbound() || scans.get(i).outbound()));
    if (k == null) {
      return false;
    }
    LabelledScan scan = scans.get(k);
    if (random.nextBoolean()) {
      scan.type = UNKNOWN_TYPES[random.nextInt(UNKNOWN_TYPES.length)];
    } else {
      scan.type = sameDirectionElsewhere(scan).dataName();
    }
    scan.labels.add(AnomalyType.EVT_ORDER_ERR);
    return true;
  }

  /**
   * jump: the arriving event, too fast for its route (25–50 % of its fastest trip), timestamped
   * before its departure (15 min to 3 days, the factory-to-warehouse leg included), or a read at a
   * far-away site minutes after a scan (then the trail ends there, or goes on from where it was).
   */
  private String injectJump(List<LabelledScan> scans, int choice) {
    switch (choice) {
      case 0 -> {
        return named(farSiteMinutesLater(scans), "jump-far-minutes-later");
      }
      case 1 -> {
        List<Integer> arrivals = arrivals(scans);
        arrivals.removeIf(i -> observedStats(scans.get(i - 1), scans.get(i)) == null);
        Integer k = pick(arrivals);
        if (k == null) {
          return null;
        }
        double fastest = observedStats(scans.get(k - 1), scans.get(k)).minHours() * HOUR;
        long travel = Math.max(MINUTE, (long) ((0.25 + random.nextDouble() * 0.25) * fastest));
        long shift = scans.get(k - 1).second + travel - scans.get(k).second;
        for (LabelledScan scan : scans.subList(k, scans.size())) {
          scan.second += shift;
        }
        scans.get(k).labels.add(AnomalyType.JUMP);
        return "jump-fast-arrival";
      }
      case 2 -> {
        if (scans.size() < 2 || scans.get(1).eventType() != EventType.WMS_INBOUND) {
          return null;
        }
        scans.get(1).second = scans.get(0).second - between(15 * MINUTE, 72 * HOUR);
        scans.get(1).labels.add(AnomalyType.JUMP);
        return "jump-backwards-first-leg";
      }
      default -> {
        List<Integer> arrivals = arrivals(scans);
        arrivals.removeIf(i -> i == 1);
        Integer k = pick(arrivals);
        if (k == null) {
          return null;
        }
        scans.get(k).second = scans.get(k - 1).second - between(15 * MINUTE, 72 * HOUR);
        scans.get(k).labels.add(AnomalyType.JUMP);
        return "jump-backwards";
      }
    }
  }

  private List<Integer> arrivals(List<LabelledScan> scans) {
    return indices(scans, i -> i > 0 && scans.get(i).inbound()
        && scans.get(i - 1).location != scans.get(i).location);
  }

  private boolean farSiteMinutesLater(List<LabelledScan> scans) {
    int k = random.nextInt(scans.size());
    LabelledScan read = scans.get(k);
    Location from = network.location(read.location);
    List<Location> candidates = new ArrayList<>();
    for (Location location : network.locations()) {
      if (location.tier() != Tier.FACTORY && location.distanceKm(from) >= 100
          && !(from.tier() == Tier.FACTORY && location.tier() == Tier.WMS)) {
        candidates.add(location);
      }
    }
    Location far = pick(candidates);
    boolean goesOn = random.nextBoolean() && k + 1 < scans.size()
        && scans.get(k + 1).second - read.second > 25 * MINUTE;
    if (far == null) {
      return false;
    }
    if (!goesOn) {
      scans.subList(k + 1, scans.size()).clear();
    }
    LabelledScan scan = new LabelledScan(far.id(), INBOUND_OF_TIER[far.tier().level()],
        read.second + between(MINUTE, 20 * MINUTE));
    scan.labels.add(AnomalyType.JUMP);
    scans.add(k + 1, scan);
    return true;
  }

  private RouteStats observedStats(LabelledScan departure, LabelledScan arrival) {
    Route route = network.route(departure.location, arrival.location);
    return route == null || route.stats() == null || !route.stats().observed() ? null : route.stats();
  }
}
