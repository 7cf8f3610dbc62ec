/**
 * Turns EPC trails into the padded, masked, normalised sequences the LSTM reads: one sequence per
 * trail (or per window of a trail longer than the model's length), so one forward pass scores
 * every event of an EPC. Shared by training and serving so both feed the network the same numbers.
 * Nothing in this package is null unless its javadoc says so.
 */
package org.barcodeanomaly.lstm.sequence;
