/**
 * The SVM detector's model: per anomaly type a feature selection, a scaler, a Tribuo one-class
 * RBF SVM evaluated through {@link org.barcodeanomaly.svm.model.RbfDecisionFunction}, a Platt
 * calibration and a threshold; saved and loaded with its provenance by
 * {@link org.barcodeanomaly.svm.model.SvmModelStore}.
 *
 * <p>Nothing in this package is null unless its javadoc says so.
 */
package org.barcodeanomaly.svm.model;
