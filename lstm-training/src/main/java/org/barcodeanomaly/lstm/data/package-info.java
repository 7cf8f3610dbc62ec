/**
 * Training data for the LSTM: the simulator's scan files with their ground-truth labels, the
 * split by EPC and time, and the padded sequences (full trails and random prefixes) the network
 * learns from. Nothing in this package is null unless its javadoc says so.
 */
package org.barcodeanomaly.lstm.data;
