/**
 * EPC parsing and the registry of companies, products and factory lot prefixes.
 * Nothing here is null unless its javadoc says so.
 */
package org.barcodeanomaly.api.epc;
