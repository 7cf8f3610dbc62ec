package org.barcodeanomaly.features;

import java.util.List;
import java.util.Objects;
import org.barcodeanomaly.api.epc.EpcRegistry;
import org.barcodeanomaly.api.event.ScanEvent;
import org.barcodeanomaly.api.network.FastestTrips;
import org.barcodeanomaly.api.network.LocationNetwork;

/**
 * Turns trails into {@link Feature} rows: the one place the learned detectors compute what they
 * know about an event, so the SVM and the LSTM read the same numbers under the same names.
 *
 * <p>Cost is linear in the number of events (each trail is walked once; EPC fields are parsed once
 * per trail) and extraction works on any run of consecutive trails, so a caller can process a
 * million events in chunks of bounded memory, or in parallel chunks. Thread-safe: each call uses
 * its own working state; the network and registry are immutable.
 */
public final class FeatureExtractor {

  private final LocationNetwork network;
  private final FastestTrips travelTimes;
  private final EpcRegistry registry;

  /** An extractor judging locations against {@code network} and codes against {@code registry}. */
  public FeatureExtractor(LocationNetwork network, EpcRegistry registry) {
    this.network = Objects.requireNonNull(network, "network");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.travelTimes = new FastestTrips(network);
  }

  /** An extractor on the bundled reference network and EPC registry. */
  public static FeatureExtractor standard() {
    return new FeatureExtractor(LocationNetwork.standard(), EpcRegistry.standard());
  }

  /** Groups {@code events} into trails and computes every row; for batches that fit in memory. */
  public FeatureMatrix extract(List<ScanEvent> events) {
    Trails trails = Trails.group(events);
    return extract(trails, 0, trails.count());
  }

  /**
   * Computes the rows of trails {@code fromTrail} (inclusive) to {@code toTrail} (exclusive).
   *
   * @throws IndexOutOfBoundsException naming the range when it is not within the trails
   */
  public FeatureMatrix extract(Trails trails, int fromTrail, int toTrail) {
    if (fromTrail < 0 || toTrail > trails.count() || fromTrail > toTrail) {
      throw new IndexOutOfBoundsException("trail range [" + fromTrail + ", " + toTrail
          + ") is not within the " + trails.count() + " trails of the batch");
    }
    int first = fromTrail < trails.count() ? trails.start(fromTrail) : trails.eventCount();
    int last = toTrail < trails.count() ? trails.start(toTrail) : trails.eventCount();
    FeatureMatrix out = new FeatureMatrix(trails, first, last - first);
    TrailFeatureWriter writer = new TrailFeatureWriter(network, travelTimes, new EpcStructure(registry));
    for (int trail = fromTrail; trail < toTrail; trail++) {
      writer.write(trails, trail, out);
    }
    return out;
  }
}
