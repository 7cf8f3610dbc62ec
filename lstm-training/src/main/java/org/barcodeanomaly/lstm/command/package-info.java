/**
 * The launcher commands of the LSTM ({@code train-lstm}, {@code export-onnx}), registered in the
 * {@code cli} module's command list. Nothing in this package is null unless its javadoc says so.
 */
package org.barcodeanomaly.lstm.command;
