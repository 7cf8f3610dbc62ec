package org.barcodeanomaly.api.network;

/**
 * A directed move between two network locations, and what the network knows of it.
 *
 * @param from  origin
 * @param to    destination
 * @param kind  how the network judges the move
 * @param stats observed travel times, or {@code null} when the route was never observed
 */
public record Route(Location from, Location to, Kind kind, RouteStats stats) {

  /** How a move between two known locations fits the network. */
  public enum Kind {
    /** A route of the network: factory to its own warehouse, or an observed trip. */
    KNOWN,
    /** One tier down and within the region rule, but never observed: unusual, not impossible. */
    PLAUSIBLE,
    /** One tier down, but against the network's rules (another factory's warehouse, another region's retailer). */
    OFF_NETWORK,
    /** Two or more tiers down: a tier was skipped. */
    SKIPPED_TIER,
    /** Same tier, different location. */
    LATERAL,
    /** Up the chain: a backward move. */
    BACKWARD
  }

  /** Number of tiers the move goes down (negative for a backward move). */
  public int tierStep() {
    return to.tier().level() - from.tier().level();
  }

  /** Great-circle distance between the two locations in kilometres. */
  public double distanceKm() {
    return from.distanceKm(to);
  }
}
