/**
 * The detector compatibility kit: {@link org.barcodeanomaly.contract.DetectorCompatibilityKit}, the
 * one set of tests every detector must pass to be served behind the JSON contract. A detector's
 * module adds a twenty-line subclass in its tests.
 *
 * <p>Nothing in this package is null unless its javadoc says so.
 */
package org.barcodeanomaly.contract;
