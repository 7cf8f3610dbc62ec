/**
 * Named policies that choose a model's reporting thresholds from its validation scores; each model records the one it used.
 */
package org.barcodeanomaly.evaluation.threshold;
