/**
 * Loading detector plugins: each jar of the plugins directory in its own class loader,
 * providers found with {@code ServiceLoader}. Nothing here is null unless its javadoc says so.
 */
package org.barcodeanomaly.gateway.plugin;
