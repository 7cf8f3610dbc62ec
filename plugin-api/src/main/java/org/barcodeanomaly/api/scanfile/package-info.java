/**
 * Raw scan files, as the factories export them and the simulator writes them: TAB-separated,
 * UTF-8, a header row, the 18 columns of {@link org.barcodeanomaly.api.scanfile.ScanFileColumns}
 * with an optional leading {@code event_id}. {@link org.barcodeanomaly.api.scanfile.ScanFileReader}
 * streams one file into events, reporting every row it cannot read;
 * {@link org.barcodeanomaly.api.scanfile.ScanFileSet} turns command-line paths into numbered files.
 *
 * <p>Nothing in this package is null unless its javadoc says so.
 */
package org.barcodeanomaly.api.scanfile;
