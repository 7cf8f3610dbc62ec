/**
 * Cold start: the index of feature vectors of normal single events (one event of a normal
 * training trail, seen without its history) that serving uses to recognise a first event that
 * looks like the normal ones, and the k-d tree behind its nearest-neighbour lookup. Nothing in
 * this package is null unless its javadoc says so.
 */
package org.barcodeanomaly.lstm.coldstart;
