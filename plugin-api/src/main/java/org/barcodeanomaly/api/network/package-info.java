/**
 * The location network: tiers, locations with coordinates, routes and their travel-time
 * statistics. Nothing here is null unless its javadoc says so.
 */
package org.barcodeanomaly.api.network;
