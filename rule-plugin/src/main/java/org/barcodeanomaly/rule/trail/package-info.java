/**
 * Trails: a batch's events laid out in columns, grouped by EPC and sorted by time, and one
 * trail's main line as the rules walk it. Event references are {@code int} indices into the
 * batch; {@code -1} stands for "none" where a javadoc says so. Nothing here is null unless its
 * javadoc says so (unknown vocabulary resolves to null, by design).
 */
package org.barcodeanomaly.rule.trail;
