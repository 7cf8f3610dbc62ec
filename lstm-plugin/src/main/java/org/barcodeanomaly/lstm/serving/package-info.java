/**
 * The LSTM detector as served: the exported network run by ONNX Runtime behind the Detector SPI,
 * in batch mode (one forward pass per EPC, many EPCs per run) and streaming mode (a bounded
 * per-EPC buffer of recent events). No DL4J here. Nothing in this package is null unless its
 * javadoc says so.
 */
package org.barcodeanomaly.lstm.serving;
