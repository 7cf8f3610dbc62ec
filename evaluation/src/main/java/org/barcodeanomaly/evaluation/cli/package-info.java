/**
 * The evaluate command of the bin/anomaly launcher. Nothing here is null unless its javadoc says
 * so.
 */
package org.barcodeanomaly.evaluation.cli;
