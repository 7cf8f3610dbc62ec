/**
 * Benchmark support: a side-by-side timing table. Nothing here is null unless its javadoc says so.
 */
package org.barcodeanomaly.api.bench;
