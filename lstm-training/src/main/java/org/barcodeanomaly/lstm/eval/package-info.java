/**
 * Judging the LSTM: ranking metrics (ROC-AUC, average precision), per-type threshold calibration
 * on the validation split, and the held-out report with the rule detector beside the LSTM.
 * Nothing in this package is null unless its javadoc says so.
 */
package org.barcodeanomaly.lstm.eval;
