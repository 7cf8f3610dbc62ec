/**
 * Our ONNX exporter for the trained DL4J LSTM (no DL4J release exports ONNX): the recurrent
 * layers as ONNX's own {@code LSTM} operator with the gate blocks reordered, attention,
 * normalisation and head as standard operators, built with the ONNX protobuf classes that ship in
 * {@code nd4j-api}. Nothing in this package is null unless its javadoc says so.
 */
package org.barcodeanomaly.lstm.onnx;
