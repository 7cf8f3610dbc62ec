/**
 * Why the LSTM reported an event: occlusion attribution over the events of its trail and the model's
 * input features, computed with the served ONNX Runtime model. Nothing in this package is null unless
 * its javadoc says so.
 */
package org.barcodeanomaly.lstm.explain;
