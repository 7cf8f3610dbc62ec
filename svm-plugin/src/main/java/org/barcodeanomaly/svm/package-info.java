/**
 * The one-class SVM detector plugin: {@link org.barcodeanomaly.svm.SvmDetectorProvider} loads
 * {@code models/svm} into an {@link org.barcodeanomaly.svm.SvmDetector}.
 *
 * <p>Nothing in this package is null unless its javadoc says so.
 */
package org.barcodeanomaly.svm;
