/**
 * The scan-trail simulator: options, the run that writes a data set, and its summary. Nothing in
 * this package is null unless its javadoc says so.
 */
package org.barcodeanomaly.simulator;
