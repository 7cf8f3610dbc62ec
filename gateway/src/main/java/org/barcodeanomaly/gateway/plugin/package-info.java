/**
 * Loading detector plugins: each jar of the plugins directory in its own class loader (from a
 * private copy, so the file can be replaced under a running detector), providers found with
 * {@code ServiceLoader}; and the {@link org.barcodeanomaly.gateway.plugin.PluginManager} that keeps
 * the served detectors in step with the plugins and models directories (hot swap).
 * Nothing here is null unless its javadoc says so.
 */
package org.barcodeanomaly.gateway.plugin;
