/**
 * Training the SVM detector's model from labelled simulator output: the EPC split, per-type
 * one-class SVMs with a validation grid search, Platt calibration and thresholds, and the
 * held-out evaluation beside the rule detector.
 *
 * <p>Nothing in this package is null unless its javadoc says so.
 */
package org.barcodeanomaly.svm.train;
