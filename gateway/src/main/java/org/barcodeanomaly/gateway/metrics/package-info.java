/**
 * The gateway's Micrometer meters, shown by {@code /metrics}.
 * Nothing here is null unless its javadoc says so.
 */
package org.barcodeanomaly.gateway.metrics;
