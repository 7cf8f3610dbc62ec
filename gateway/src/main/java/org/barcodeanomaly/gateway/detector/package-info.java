/**
 * Detectors in service: the registry that swaps them atomically, leases that let requests in
 * flight finish on a replaced detector, and the self-test every detector passes first.
 * Nothing here is null unless its javadoc says so.
 */
package org.barcodeanomaly.gateway.detector;
