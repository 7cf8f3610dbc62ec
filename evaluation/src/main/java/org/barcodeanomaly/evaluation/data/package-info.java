/**
 * Labelled data on disk and in memory: the one reader of a labelled data set (scan files and labels.csv) and its one hash, the label and scores tables, the recipe that made a data set. Nothing here is null unless its javadoc says so.
 */
package org.barcodeanomaly.evaluation.data;
