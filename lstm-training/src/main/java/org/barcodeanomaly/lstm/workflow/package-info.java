/**
 * The {@code train-lstm} workflow from a simulator directory to a model directory: data, split,
 * training, calibration, held-out report beside the rule detector, label-noise run, provenance,
 * logs, learning curves and the ONNX export. Nothing in this package is null unless its javadoc
 * says so.
 */
package org.barcodeanomaly.lstm.workflow;
