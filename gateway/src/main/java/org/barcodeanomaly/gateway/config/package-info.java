/**
 * The gateway configuration: JSON read strictly over defaults, as fluent options objects.
 * Nothing here is null unless its javadoc says so.
 */
package org.barcodeanomaly.gateway.config;
