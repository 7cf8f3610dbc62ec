/**
 * Integrated Gradients over the LSTM's events × features, with the DL4J network (ONNX Runtime, which
 * serves, gives no gradients): the offline, additive attribution beside the served occlusion one.
 * Nothing in this package is null unless its javadoc says so.
 */
package org.barcodeanomaly.lstm.attribution;
