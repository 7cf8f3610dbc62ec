/**
 * The training launcher ({@code anomaly-train.jar}): train-svm, train-lstm, export-onnx,
 * bench-lstm and build-cold-start-index. Nothing here is null unless its javadoc says so.
 */
package org.barcodeanomaly.training;
