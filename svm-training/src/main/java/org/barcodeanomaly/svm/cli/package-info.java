/**
 * The {@code train-svm} launcher command; the cli module lists it among its subcommands.
 *
 * <p>Nothing in this package is null unless its javadoc says so.
 */
package org.barcodeanomaly.svm.cli;
