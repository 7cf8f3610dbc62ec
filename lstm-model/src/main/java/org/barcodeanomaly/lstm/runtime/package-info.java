/**
 * Runs the exported LSTM with ONNX Runtime: one shared session, batched sequences in, per-event
 * probabilities out. Nothing in this package is null unless its javadoc says so.
 */
package org.barcodeanomaly.lstm.runtime;
