/**
 * The scan event and the vocabulary of the data: anomaly types, business steps, event types.
 * Nothing in this package is null unless its javadoc says so.
 */
package org.barcodeanomaly.api.event;
