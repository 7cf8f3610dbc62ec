/**
 * Which detector answers: weighted targets, fallback chains, time budgets, shadow scoring and
 * agreement between detectors.
 * Nothing here is null unless its javadoc says so.
 */
package org.barcodeanomaly.gateway.routing;
