/**
 * EPC trails and the per-event features the learned detectors share: {@link
 * org.barcodeanomaly.features.Trails} groups a batch by EPC, {@link
 * org.barcodeanomaly.features.FeatureExtractor} computes the {@link
 * org.barcodeanomaly.features.Feature} columns into a {@link
 * org.barcodeanomaly.features.FeatureMatrix}. No machine-learning library here: the SVM and the
 * LSTM plugins each shade this module and add their own selection and scaling.
 *
 * <p>Nothing in this package is null unless its javadoc says so.
 */
package org.barcodeanomaly.features;
