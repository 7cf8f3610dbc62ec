/**
 * The one family of metrics every detector is measured with: ROC-AUC and average precision (NaN when undefined), precision, recall and F1 at a threshold. Stateless.
 */
package org.barcodeanomaly.evaluation.metrics;
