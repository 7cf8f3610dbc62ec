package org.barcodeanomaly.simulator.anomaly;

/**
 * A place in a trail where a variant can be injected.
 *
 * @param index  the event the variant works on (its meaning depends on the variant)
 * @param target a location id the variant moves or clones to, or -1 when it needs none
 */
record Site(int index, int target) {

  static Site at(int index) {
    return new Site(index, -1);
  }
}
