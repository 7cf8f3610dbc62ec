/**
 * The files that describe a trained LSTM beside its network: feature normalisation, sequence
 * length and calibrated thresholds ({@link org.barcodeanomaly.lstm.model.LstmModelSpec}), written
 * by training and read by serving. Nothing in this package is null unless its javadoc says so.
 */
package org.barcodeanomaly.lstm.model;
