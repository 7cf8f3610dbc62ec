/**
 * Explanation quality, measured: on simulated anomalies the cause is known (the injected event and
 * the field that was changed), so an explanation can be checked against it. Nothing in this package is
 * null unless its javadoc says so.
 */
package org.barcodeanomaly.evaluation.explain;
