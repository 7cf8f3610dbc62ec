/**
 * The anomaly catalogue and its injectors: each variant changes a trail and labels exactly the
 * events docs/spec/ANOMALIES.md names. Nothing here is null unless its javadoc says so.
 */
package org.barcodeanomaly.simulator.anomaly;
