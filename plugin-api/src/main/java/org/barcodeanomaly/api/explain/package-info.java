/**
 * Why an event was reported: the value types an
 * {@link org.barcodeanomaly.api.detector.ExplainingDetector} returns. An {@link
 * org.barcodeanomaly.api.explain.Explanation} holds, per reported anomaly type, a {@link
 * org.barcodeanomaly.api.explain.TypeEvidence}: the events of the trail and the features that drove
 * the score, each with its contribution, and one sentence for an analyst. Plain records of JDK types,
 * so they cross plugin class loaders. Nothing in this package is null unless its javadoc says so.
 */
package org.barcodeanomaly.api.explain;
