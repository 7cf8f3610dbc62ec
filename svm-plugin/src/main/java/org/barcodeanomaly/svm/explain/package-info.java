/**
 * Why the SVM reported an event: per-feature contributions to the decision value of each type's
 * one-class SVM. Nothing in this package is null unless its javadoc says so.
 */
package org.barcodeanomaly.svm.explain;
