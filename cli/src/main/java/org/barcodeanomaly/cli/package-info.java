/**
 * The {@code bin/anomaly} launcher: picocli commands for scoring files and answering contract
 * requests, and the handlers that turn failures into one clear line. Nothing is null unless its
 * Javadoc says so.
 */
package org.barcodeanomaly.cli;
