/**
 * The Vert.x gateway: {@link org.barcodeanomaly.gateway.Gateway} starts the HTTP servers, the
 * plugin manager and the detector router on a Vert.x instance of its own, with metrics.
 * Nothing here is null unless its javadoc says so.
 */
package org.barcodeanomaly.gateway;
