/**
 * How goods move in the simulation: the calibration constants taken from docs/spec/DATA.md, routing and
 * shipping shares, dwell and travel times from the reference tables, hub_type naming. Nothing
 * here is null unless its javadoc says so.
 */
package org.barcodeanomaly.simulator.chain;
