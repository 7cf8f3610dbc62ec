/**
 * The detector SPI: {@link org.barcodeanomaly.api.detector.Detector}, its
 * {@link org.barcodeanomaly.api.detector.DetectorProvider} found by {@code ServiceLoader}, the
 * score table detectors fill, and the optional
 * {@link org.barcodeanomaly.api.detector.StreamingDetector} for events that arrive a few at a
 * time, and the optional {@link org.barcodeanomaly.api.detector.ExplainingDetector} that says why it
 * reported an event. Nothing here is null unless its javadoc says so.
 */
package org.barcodeanomaly.api.detector;
