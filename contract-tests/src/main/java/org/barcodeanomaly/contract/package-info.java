/**
 * The detector compatibility kits: {@link org.barcodeanomaly.contract.DetectorCompatibilityKit}, the
 * one set of tests every detector must pass to be served behind the JSON contract, and
 * {@link org.barcodeanomaly.contract.StreamingDetectorCompatibilityKit}, the promises every
 * streaming detector keeps on top. A detector's module adds a short subclass of each that applies
 * in its tests.
 *
 * <p>Nothing in this package is null unless its javadoc says so.
 */
package org.barcodeanomaly.contract;
