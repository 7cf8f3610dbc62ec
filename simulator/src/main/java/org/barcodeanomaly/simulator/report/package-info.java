/**
 * The fidelity report: a data set's statistics beside the production data's. Nothing here is null
 * unless its javadoc says so.
 */
package org.barcodeanomaly.simulator.report;
