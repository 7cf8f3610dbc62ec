/**
 * The HTTP endpoints: the contract's detection endpoints, comparison, detector list, probes,
 * metrics, OpenAPI and the admin API, with API keys, limits and JSON errors.
 * Nothing here is null unless its javadoc says so.
 */
package org.barcodeanomaly.gateway.http;
