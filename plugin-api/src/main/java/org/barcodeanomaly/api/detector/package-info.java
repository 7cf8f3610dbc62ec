/**
 * The detector SPI: {@link org.barcodeanomaly.api.detector.Detector}, its
 * {@link org.barcodeanomaly.api.detector.DetectorProvider} found by {@code ServiceLoader}, and
 * the score table detectors fill. Nothing here is null unless its javadoc says so.
 */
package org.barcodeanomaly.api.detector;
