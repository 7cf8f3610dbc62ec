/**
 * One-line {@code key=value} logging and the per-request audit log.
 * Nothing here is null unless its javadoc says so.
 */
package org.barcodeanomaly.gateway.log;
