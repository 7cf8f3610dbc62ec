/**
 * The LSTM network and its training with Deeplearning4j: the architecture, the custom pieces DL4J
 * lacks (layer normalisation over recurrent output, focal loss, one-cycle schedule), the training
 * loop with early stopping and its logs. Nothing in this package is null unless its javadoc says so.
 */
package org.barcodeanomaly.lstm.training;
