/**
 * Normal trails: lots, pallets and the per-EPC trail the other stages perturb and write. Nothing
 * here is null unless its javadoc says so.
 */
package org.barcodeanomaly.simulator.trail;
