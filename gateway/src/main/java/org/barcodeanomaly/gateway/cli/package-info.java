/**
 * The {@code serve} command of the {@code bin/anomaly} launcher.
 * Nothing here is null unless its javadoc says so.
 */
package org.barcodeanomaly.gateway.cli;
