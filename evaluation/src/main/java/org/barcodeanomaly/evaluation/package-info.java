/**
 * Judging detectors against ground truth: the evaluation of a scores file against labels (per
 * type ROC-AUC, AP, precision/recall/F1 at the threshold, averages, hamming loss, cost-weighted
 * accuracy) and the thresholds it applies. Sub-packages own labelled data, metrics, splits,
 * threshold policies, the reference trails and the acceptance kit. Nothing here is null unless
 * its javadoc says so; metrics undefined for a set (no positive event) are NaN.
 */
package org.barcodeanomaly.evaluation;
