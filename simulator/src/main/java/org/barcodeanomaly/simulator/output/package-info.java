/**
 * The files of a simulated data set: scan files in the raw TAB layout, labels, injected
 * anomalies. Nothing here is null unless its javadoc says so.
 */
package org.barcodeanomaly.simulator.output;
