/**
 * Scoring detectors against ground truth: labels and scores files, ranking and threshold metrics,
 * the cost matrix and the report. Nothing here is null unless its javadoc says so; metrics that
 * are undefined for a set (no positive event) are NaN.
 */
package org.barcodeanomaly.evaluation;
