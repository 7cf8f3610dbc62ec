/**
 * Named strategies that split trails by EPC into training, validation and test parts; each model records the one it used. Nothing here is null unless its javadoc says so.
 */
package org.barcodeanomaly.evaluation.split;
